/**
 * Places the figures of one table's rows into its columns, with the constraints loosened step by
 * step when a disclosure does not add up (which is what audits look for, so it must still read):
 * exact sums, then sums within rounding, then without the sums a row breaks, the cross-table
 * bounds it cannot meet, and the column sums of the rows that do not add up to their parent.
 * Every loosening is reported; the checks then report the broken identity itself.
 */
import { leaves, type RowKind } from '../../../ir/table.ts';
import type { SumIdentity, TableLayout } from '../../../layouts/layout.ts';
import { solve, type Bound, type SolverInput, type SolverRow } from './solver.ts';

export interface PlaceInput {
  layout: TableLayout;
  /** row sums: the layout's and those of the rule catalogue */
  sums: SumIdentity[];
  rows: { kind: RowKind; label: string; values: number[] }[];
  /** parent row of each row (-1: none), for column sums */
  parents: number[];
  bounds: (Bound | undefined)[][];
  /** display step in 分 */
  step: number;
}

export interface PlaceOutput {
  /** leaf column of every figure of every row */
  placement: number[][];
  /** rows whose figures fit more than one way: for each figure, the leaf columns it may take */
  ambiguous: { row: number; candidates: number[][] }[];
  warnings: string[];
}

/**
 * The columns figures may land in: the amount columns, and the text columns an empty table
 * prints 0.00 under (预算20表). `slotOf` maps a column key to its slot.
 */
export function slotsOf(layout: TableLayout) {
  const ls = leaves(layout.header);
  const zeros = new Set(layout.emptyZeros ?? []);
  const slots = ls.flatMap((c, i) => (c.kind === 'amount' || zeros.has(c.key) ? [i] : []));
  return { ls, zeros, slots, slotOf: new Map(slots.map((leaf, s) => [ls[leaf].key, s])) };
}

export function placeFigures(input: PlaceInput): PlaceOutput {
  const { layout, rows, parents, step } = input;
  const { ls, zeros, slots, slotOf } = slotsOf(layout);
  const sums = input.sums.flatMap((s) => {
    const head = slotOf.get(s.key);
    const parts = s.parts.map((p) => slotOf.get(p));
    return head === undefined || parts.some((p) => p === undefined) ? [] : [{ head, parts: parts as number[] }];
  });
  const unreachable = new Set(layout.unreachable ?? []);
  const pattern = slots.map((leaf) => zeros.has(ls[leaf].key));
  const hasChildren = new Set(parents.filter((p) => p >= 0));
  const warnings: string[] = [];

  const base = rows.map((r, i): SolverRow => {
    const emptyRow = r.values.length > 0 && r.values.length === zeros.size && r.values.every((v) => v === 0);
    const allowed = slots.map((leaf, s) => (emptyRow ? pattern[s] : ls[leaf].kind === 'amount' || r.kind === 'total'));
    return { values: r.values, parent: parents[i], allowed, bounds: input.bounds[i], identities: true, childSums: hasChildren.has(i) };
  });
  const strict = base.map((r) => ({ ...r, allowed: r.allowed.map((a, s) => a && !unreachable.has(ls[slots[s]].key)) }));
  const run = (rs: SolverRow[], exact: boolean, all = false) => solve({ slots: slots.length, sums, rows: rs, step: exact ? 0 : step, all } satisfies SolverInput);

  let final = strict;
  let exact = true;
  if (!run(strict, true).placement) {
    final = base;
    if (!run(base, true).placement) {
      ({ rows: final, exact } = loosen(base));
    }
  }
  let res = run(final, exact, true);
  if (res.exhausted || !res.placement) {
    // Too many states to enumerate: take the leftmost solution and over-report, row by row.
    warnings.push('组合过多，未能完全排除歧义，按每行单独判断');
    const first = run(final, exact);
    const alone = final.map((r) => run([{ ...r, parent: -1, childSums: false }], exact, true).feasible?.[0]);
    res = { placement: first.placement ?? final.map((r) => leftmost(r)), feasible: alone.map((f, i) => f ?? final[i].values.map(() => new Set<number>())), exhausted: false };
  }
  const placement = res.placement!.map((cols) => cols.map((s) => slots[s]));
  const ambiguous = res.feasible!.flatMap((figures, row) =>
    figures.some((cols, k) => cols.size > 1 && rows[row].values[k] !== 0)
      ? [{ row, candidates: figures.map((cols) => [...cols].sort((a, b) => a - b).map((s) => slots[s])) }]
      : [],
  );
  return { placement, ambiguous, warnings };

  function loosen(start: SolverRow[]): { rows: SolverRow[]; exact: boolean } {
    let cur = start.map((r) => ({ ...r }));
    let exact = true;
    const alone = (r: SolverRow, ex: boolean) => run([{ ...r, parent: -1, childSums: false }], ex).placement !== null;
    // Row sums each row on its own: exact, within rounding, or given up for that row.
    if (cur.some((r) => !alone({ ...r, bounds: undefined }, true))) exact = false;
    cur.forEach((r, i) => {
      if (alone({ ...r, bounds: undefined }, exact)) return;
      r.identities = false;
      warnings.push(`「${rows[i].label}」行的数字不满足本表的行内合计关系，按从左到右放置`);
    });
    cur.forEach((r, i) => {
      if (!r.bounds || alone(r, exact)) return;
      r.bounds = undefined;
      warnings.push(`「${rows[i].label}」行与其他表的对应数字不一致，未用其他表定位`);
    });
    if (run(cur, exact).placement) return { rows: cur, exact };
    // Column sums parent by parent, keeping those that can hold.
    cur = cur.map((r) => ({ ...r, childSums: false }));
    for (const p of [...hasChildren].sort((a, b) => a - b)) {
      const next = cur.map((r, i) => (i === p ? { ...r, childSums: true } : r));
      if (run(next, exact).placement) cur = next;
      else warnings.push(`「${rows[p].label}」行不等于其下各行之和，未用列合计定位`);
    }
    return { rows: cur, exact };
  }
}

/** Figures packed into the first allowed columns. */
function leftmost(r: SolverRow): number[] {
  const out: number[] = [];
  r.allowed.forEach((a, s) => a && out.length < r.values.length && out.push(s));
  return out;
}
