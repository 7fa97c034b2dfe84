/**
 * Placement read off the page. A ruled PDF prints every figure inside its column (the PDF reader's
 * printed rows, read/pdf/emit.ts), so the search over placements (place.ts, which grows with the
 * rows a column sum ties together) is not needed when the printed placement needs none of the
 * search's loosening: every row sum, column sum and other table's bound holds as printed. Otherwise
 * the search decides, and reports what does not add up, as for any other document.
 */
import { parseMoney, type AmountUnit } from '../../../money/money.ts';
import type { PrintedRow } from '../pdf/emit.ts';
import type { Bound } from './solver.ts';
import { slotsOf, type PlaceInput, type PlaceOutput } from './place.ts';

/** A printed row's figures with their leaf columns, in 分 (null: a row read from header labels only, or a figure no amount can hold). */
export type PrintedFigures = { leaf: number; value: number }[] | null;

export function printedFigures(rows: PrintedRow[], unit: AmountUnit): PrintedFigures[] {
  return rows.map((r) => {
    if (!r.exact) return null;
    try {
      return r.figures.map((f) => ({ leaf: f.leaf, value: parseMoney(f.text, unit) }));
    } catch {
      return null;
    }
  });
}

/** How many printed rows may be passed over to find the one a table row was read from (as in pdf/overlay.ts). */
const LOOKAHEAD = 4;

export function printedPlacement(input: PlaceInput, printed: PrintedFigures[]): PlaceOutput | null {
  const { layout, rows, parents, bounds } = input;
  const { ls, zeros, slots, slotOf } = slotsOf(layout);
  const slotOfLeaf = new Map(slots.map((leaf, s) => [leaf, s]));
  const unreachable = new Set(layout.unreachable ?? []);
  const placement: number[][] = [];
  const cells: number[][] = [];
  let next = 0;
  for (const r of rows) {
    const row = new Array<number>(slots.length).fill(0);
    cells.push(row);
    if (!r.values.length) {
      placement.push([]);
      continue;
    }
    let found: { leaf: number; value: number }[] | undefined;
    for (let j = next; j < Math.min(printed.length, next + LOOKAHEAD + 1) && !found; j++) {
      const p = printed[j];
      if (p && p.length === r.values.length && p.every((f, k) => f.value === r.values[k])) [found, next] = [p, j + 1];
    }
    if (!found) return null;
    const emptyRow = r.values.length === zeros.size && r.values.every((v) => v === 0);
    for (const f of found) {
      const s = slotOfLeaf.get(f.leaf);
      const c = ls[f.leaf];
      const allowed = emptyRow ? zeros.has(c.key) : c.kind === 'amount' || r.kind === 'total';
      if (s === undefined || !allowed || unreachable.has(c.key)) return null;
      row[s] = f.value;
    }
    placement.push(found.map((f) => f.leaf));
  }
  const sums = input.sums.flatMap((x) => {
    const head = slotOf.get(x.key);
    const parts = x.parts.map((p) => slotOf.get(p));
    return head === undefined || parts.some((p) => p === undefined) ? [] : [{ head, parts: parts as number[] }];
  });
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (!cells.every((row) => sums.every((x) => row[x.head] === total(x.parts.map((p) => row[p]))))) return null;
  const children = new Map<number, number[]>();
  parents.forEach((p, i) => p >= 0 && (children.get(p) ?? children.set(p, []).get(p)!).push(i));
  for (const [p, kids] of children) if (cells[p].some((v, s) => v !== total(kids.map((k) => cells[k][s])))) return null;
  if (!cells.every((row, i) => row.every((v, s) => within(v, bounds[i]?.[s])))) return null;
  return { placement, ambiguous: [], warnings: [] };
}

function within(v: number, b: Bound | undefined): boolean {
  if (!b) return true;
  return (b.eq === undefined || Math.abs(v - b.eq) <= b.tol) && (b.lo === undefined || v >= b.lo - b.tol) && (b.hi === undefined || v <= b.hi + b.tol);
}
