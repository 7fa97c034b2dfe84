/** `npm run bench`: prints figures and ratios to baselines measured in the same run. */
import { benchCore } from './core.ts';

const sections: [string, () => Promise<string>][] = [['core', benchCore]];

for (const [name, run] of sections) {
  try {
    console.log(await run());
  } catch (e) {
    console.log(`${name}: failed — ${(e as Error).stack}`);
    process.exitCode = 1;
  }
}
