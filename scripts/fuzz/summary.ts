/** The fuzz figures: cases, crashes, hangs, outcomes, time per case; every crash with its replay line. */
import type { CaseResult, Outcome } from './cases.ts';

export interface RunInfo {
  hangs: number[];
  slow: number[];
  seed: number;
  jobs: number;
  timeout: number;
  elapsed: number;
}

const LABELS: Record<Outcome, string> = {
  clean: 'report, 0 errors',
  errors: 'report with errors',
  refused: 'clear DisclosureError',
  crash: 'crash',
};

function slowCases(results: CaseResult[], slow: number[]): string {
  return results
    .filter((r) => slow.includes(r.n))
    .map((r) => `${r.n} ${r.input} ${(r.ms / 1000).toFixed(1)} s ${r.outcome}`)
    .join('; ');
}

export function summary(results: CaseResult[], run: RunInfo): string {
  const n = results.length + run.hangs.length;
  const pct = (k: number) => `${String(k).padStart(6)}  ${((100 * k) / Math.max(1, n)).toFixed(1).padStart(5)}%`;
  const count = (rs: CaseResult[], o: Outcome) => rs.filter((r) => r.outcome === o).length;
  const crashes = results.filter((r) => r.outcome === 'crash');
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;
  const lines = [
    `fuzz: ${n} cases (seed ${run.seed}, ${run.jobs} workers, timeout ${run.timeout} ms) in ${run.elapsed.toFixed(0)} s`,
    `  crashes  ${crashes.length}`,
    `  hangs    ${run.hangs.length}`,
    ...(run.slow.length ? [`  slow     ${run.slow.length} (past the timeout, finished on retry: ${slowCases(results, run.slow)})`] : []),
    '  outcomes',
    ...(['clean', 'errors', 'refused'] as const).map((o) => `    ${LABELS[o].padEnd(22)}${pct(count(results, o))}`),
    '  by input',
    ...(['txt', 'pdf', 'xlsx'] as const).map((k) => {
      const rs = results.filter((r) => r.kind === k);
      const mean = rs.length ? rs.reduce((s, r) => s + r.ms, 0) / rs.length : 0;
      return `    ${k.padEnd(5)}${String(rs.length).padStart(6)} cases: ${(['clean', 'errors', 'refused', 'crash'] as const).map((o) => `${count(rs, o)} ${o}`).join(', ')}; ${mean.toFixed(0)} ms/case`;
    }),
    `  time per case  mean ${(ms.reduce((s, x) => s + x, 0) / Math.max(1, ms.length)).toFixed(0)} ms, p50 ${q(0.5)}, p95 ${q(0.95)}, max ${q(1)} ms (mutation + audit)`,
  ];
  for (const c of crashes)
    lines.push('', `crash: case ${c.n} (${c.input}; ${c.ops.join('; ')})`, `  replay: npm run fuzz -- --seed ${run.seed} --replay ${c.n}`, ...(c.message ?? '').split('\n').slice(0, 8).map((l) => `  ${l}`));
  for (const h of run.hangs) lines.push('', `hang: case ${h}`, `  replay: npm run fuzz -- --seed ${run.seed} --replay ${h}`);
  return lines.join('\n');
}
