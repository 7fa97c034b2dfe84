/** `npm run bench`: prints figures and ratios to baselines measured in the same run. */
import { benchCore } from './core.ts';
import { benchPublish } from './publish.ts';
import { benchServer, formatServerBench } from './server.ts';

const sections: [string, () => Promise<string>][] = [
  ['core', benchCore],
  ['publish', benchPublish],
  ['server', async () => formatServerBench(await benchServer())],
];

for (const [name, run] of sections) {
  try {
    console.log(await run());
  } catch (e) {
    console.log(`${name}: failed — ${(e as Error).stack}`);
    process.exitCode = 1;
  }
}
