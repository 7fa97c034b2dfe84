/** `npm run bench`: prints figures and ratios to baselines measured in the same run. */
import { benchAudit } from './audit.ts';
import { benchCli } from './cli.ts';
import { benchCore } from './core.ts';
import { benchPublish } from './publish.ts';
import { benchServer, formatServerBench } from './server.ts';

// `npm run bench -- core publish` runs only the sections named.
const only = process.argv.slice(2);
const all: [string, () => Promise<string>][] = [
  ['cli', benchCli],
  ['core', benchCore],
  ['publish', benchPublish],
  ['audit', benchAudit],
  ['server', async () => formatServerBench(await benchServer())],
];
const sections = only.length ? all.filter(([name]) => only.includes(name)) : all;

for (const [name, run] of sections) {
  try {
    console.log(await run());
  } catch (e) {
    console.log(`${name}: failed — ${(e as Error).stack}`);
    process.exitCode = 1;
  }
}
