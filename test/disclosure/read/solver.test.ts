/** The placement search on small cases whose answers can be worked out by hand. */
import { describe, expect, it } from 'vitest';
import { solve, type SolverRow } from '../../../src/disclosure/read/assign/solver.ts';

const row = (values: number[], parent = -1, slots = 4, extra: Partial<SolverRow> = {}): SolverRow => ({
  values,
  parent,
  allowed: Array(slots).fill(true),
  identities: true,
  childSums: false,
  ...extra,
});
// Slots: 0 total = 1 + 2 + 3.
const SUMS = [{ head: 0, parts: [1, 2, 3] }];

describe('placement search', () => {
  it('places figures by the row sum, leftmost first, and lists every admissible column', () => {
    const r = solve({ slots: 4, sums: SUMS, rows: [row([10, 10])], step: 0, all: true });
    expect(r.placement).toEqual([[0, 1]]);
    expect(r.feasible![0].map((s) => [...s].sort())).toEqual([[0], [1, 2, 3]]);
  });

  it('links a row and its children through the column sums', () => {
    // Parent 10 = 4 + 6; each child prints its total and one figure. Alone, every row is open.
    const open = [row([10, 4, 6], -1, 4, { childSums: true }), row([4, 4], 0), row([6, 6], 0)];
    const sets = (rows: SolverRow[]) => solve({ slots: 4, sums: SUMS, rows, step: 0, all: true }).feasible!.map((fs) => fs.map((s) => [...s].sort()));
    expect(sets(open)[0]).toEqual([[0], [1, 2], [2, 3]]);
    // Column 1 known empty for the first child (another table says so): the 4 moves to column 2
    // in the child and, through the column sums, in the parent, which leaves column 3 for the 6.
    const pinned = [open[0], { ...open[1], bounds: [undefined, { eq: 0, tol: 0 }] }, open[2]];
    expect(sets(pinned)).toEqual([[[0], [2], [3]], [[0], [2]], [[0], [3]]]);
  });

  it('respects bounds from other tables', () => {
    const rows = [row([10, 10], -1, 4, { bounds: [undefined, { hi: 0, tol: 0 }, { eq: 0, tol: 0 }] })];
    expect(solve({ slots: 4, sums: SUMS, rows, step: 0, all: false }).placement).toEqual([[0, 3]]);
  });

  it('accepts rounded figures within a step per two terms, and not beyond', () => {
    const rows = [row([100, 33, 33, 33])];
    expect(solve({ slots: 4, sums: SUMS, rows, step: 0, all: false }).placement).toBeNull();
    expect(solve({ slots: 4, sums: SUMS, rows, step: 1, all: false }).placement).toEqual([[0, 1, 2, 3]]);
    expect(solve({ slots: 4, sums: SUMS, rows: [row([100, 30, 30, 30])], step: 1, all: false }).placement).toBeNull();
  });

  it('finds no placement when a row has more figures than columns', () => {
    expect(solve({ slots: 4, sums: [], rows: [row([1, 2, 3, 4, 5])], step: 0, all: true }).placement).toBeNull();
  });
});
