/**
 * CLI start-up: whole-process wall times of `yusuan help` and `yusuan check` on the seed example
 * through bin/yusuan.mjs (the built output), against `node -e 0`, interleaved and repeated (medians).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median, ms } from './measure.ts';

const COMMANDS: [string, string[]][] = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['yusuan help', ['bin/yusuan.mjs', 'help']],
  ['yusuan check examples/hunan-104012', ['bin/yusuan.mjs', 'check', 'examples/hunan-104012']],
];

export async function benchCli(runs = 9) {
  const times: number[][] = COMMANDS.map(() => []);
  for (let r = -1; r < runs; r++) {
    for (const [i, [name, args]] of COMMANDS.entries()) {
      const t0 = performance.now();
      const p = spawnSync(process.execPath, args, { encoding: 'utf8' });
      const t = performance.now() - t0;
      if (p.status !== 0) throw new Error(`${name}: exit ${p.status}\n${p.stderr}`);
      if (r >= 0) times[i].push(t);
    }
  }
  const base = median(times[0]);
  return [
    `cli (whole process, median of ${runs} interleaved runs):`,
    ...COMMANDS.map(([name], i) => `  ${name}: ${ms(median(times[i]))}${i ? `  (${(median(times[i]) / base).toFixed(2)}× of node -e 0)` : ''}`),
  ].join('\n');
}
