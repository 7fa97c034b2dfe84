/** Where each figure of a row can go, given its allowed cells and the figures before and after it. */
import type { SolverRow } from './solver.ts';

/** Per figure, the first and the last column it can take (first > last: nowhere). */
export function figureWindows(r: SolverRow, slots: number): { first: Int32Array; last: Int32Array } {
  const n = r.values.length;
  const can = (k: number, c: number) => r.allowed[c] && (!r.domain?.[c] || r.domain[c]!.has(r.values[k]));
  const first = new Int32Array(n).fill(slots);
  const last = new Int32Array(n).fill(-1);
  for (let k = 0, from = 0; k < n; k++) {
    let c = from;
    while (c < slots && !can(k, c)) c++;
    first[k] = c;
    from = c + 1;
  }
  for (let k = n - 1, to = slots - 1; k >= 0; k--) {
    let c = to;
    while (c >= 0 && !can(k, c)) c--;
    last[k] = c;
    to = c - 1;
  }
  return { first, last };
}
