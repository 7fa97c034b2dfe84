/** `npm run bench`: prints figures and ratios to baselines measured in the same run, timing the built output (dist/). */
import { spawnSync } from 'node:child_process';

// dist/ first: the sections below import it (`npm run build` when src/ is newer).
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');
const { benchAudit } = await import('./audit.ts');
const { benchCli } = await import('./cli.ts');
const { benchCore } = await import('./core.ts');
const { benchPublish } = await import('./publish.ts');
const { benchOverview } = await import('./overview.ts');
import { benchServer, formatServerBench } from './server.ts';

// `npm run bench -- core publish` runs only the sections named.
const only = process.argv.slice(2);
const all: [string, () => Promise<string>][] = [
  ['cli', benchCli],
  ['core', benchCore],
  ['publish', benchPublish],
  ['audit', benchAudit],
  ['server', async () => formatServerBench(await benchServer())],
  ['overview', () => benchOverview()],
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
