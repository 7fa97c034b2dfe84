/** The rules compared row by row within a table: a row's total against its parts, and the row tree (joins: joins.ts). */
import type { RowKind, Table } from '../ir/table.ts';
import { holds, NO_FAILURES, perHeaders, sumOf, type Failure, type Site } from './compare.ts';
import type { RowSumRule, TreeRule } from './rule.ts';
import type { TableSet } from './table-set.ts';

/** A rowSum rule's total and part columns (see perHeaders). */
export function rowSumCols(rule: RowSumRule, set: TableSet): { total: number; parts: number[] } {
  return { total: set.col(rule.table, rule.total), parts: rule.parts.map((p) => set.col(rule.table, p)) };
}

export function rowSum(rule: RowSumRule, set: TableSet, site: Site): readonly Failure[] {
  const t = set.get(rule.table);
  const { total, parts } = perHeaders(rule, t.leaves, undefined, set, rowSumCols);
  const { table } = t;
  const p = table.precision ?? 0;
  const rows = table.rows;
  let out: Failure[] | undefined;
  const only = site.passing?.(rule, table)?.others;
  const kinds = rule.rows;
  const terms = 1 + parts.length;
  const n = only ? only.length : rows.length;
  for (let o = 0; o < n; o++) {
    const i = only ? only[o] : o;
    const row = rows[i];
    if (kinds && !kinds.includes(row.kind)) continue;
    if (row.kind === 'line') continue;
    const known = site.reuse?.(rule, table, i);
    if (known) {
      for (let f = 0; f < known.length; f++) (out ??= []).push(known[f]);
      continue;
    }
    const cells = row.cells;
    const v = cells[total];
    const found = typeof v === 'number' ? v : 0;
    const expected = sumOf(cells, parts);
    if (holds(rule, found, expected, '=', terms, p)) continue;
    const from = (out ??= []).length;
    out.push({ table: rule.table, row: i, col: total, expected, found });
    site.record?.(rule, table, i, out, from);
  }
  return out ?? NO_FAILURES;
}

/** Levels of the row hierarchy (-1: outside it); the commonest kinds first, as a switch compares in order. */
function levelOf(kind: RowKind): number {
  switch (kind) {
    case 'item':
      return 5;
    case 'section':
      return 4;
    case 'class':
    case 'project':
      return 3;
    case 'unit':
      return 2;
    case 'department':
      return 1;
    case 'total':
      return 0;
    default:
      return -1;
  }
}

/** Parent of each row: the nearest row above with a smaller level. */
export function parents(t: Table): number[] {
  const out = new Array<number>(t.rows.length);
  parentsInto(t.rows, out);
  return out;
}

// Rows above whose level is below the current one: levels rise along it, so it holds at most 6.
// tree() keeps each of them's slot beside it (-1 until its first child), so it needs no array by row.
const stack = new Int32Array(8);
const levels = new Int32Array(8);
const stackSlots = new Int32Array(8);
let depth = 0;
/**
 * Where row i's parent stands on the stack (-1: none), given the rows above it were met in order
 * since depth was set to 0 (rows outside the hierarchy skipped); row i is then pushed.
 */
function parentAt(i: number, lv: number): number {
  while (depth && levels[depth - 1] >= lv) depth--;
  stack[depth] = i;
  levels[depth] = lv;
  stackSlots[depth++] = -1;
  return depth - 2;
}
function parentsInto(rows: Table['rows'], out: { [i: number]: number }): void {
  depth = 0;
  for (let i = 0; i < rows.length; i++) {
    const lv = levelOf(rows[i].kind);
    const at = lv < 0 ? -1 : parentAt(i, lv);
    out[i] = at < 0 ? -1 : stack[at];
  }
}

// Scratch arrays of tree(), grown as needed: most tables are small, and their allocation cost more
// than the sums (the engine is synchronous, and the site hooks do not run rules).
let kidsBuf = new Int32Array(256);
let orderBuf = new Int32Array(256);
let sumsBuf = new Float64Array(4096);
/** Failures known at each parent (see Site.reuse), by slot; cleared after each use. */
const knownBuf: (readonly Failure[] | undefined)[] = [];

export function tree(rule: TreeRule, set: TableSet, site: Site): readonly Failure[] {
  const { table, amountCols } = set.get(rule.table);
  const m = amountCols.length;
  const rows = table.rows;
  const n = rows.length;
  if (kidsBuf.length < n) {
    kidsBuf = new Int32Array(2 * n);
    orderBuf = new Int32Array(2 * n);
  }
  // Parents whose comparisons are known: in one array by slot (reused failures) or by row (passing).
  const passing = site.passing?.(rule, table)?.known;
  const known = !passing && site.reuse ? knownBuf : undefined;
  // A parent's first child is the next row, so parents are met in row order: slot s is the s-th
  // parent. Parents, children's counts and column sums in one pass (sums in row order, as always).
  const order = orderBuf;
  const kids = kidsBuf;
  let sums = sumsBuf;
  let parents = 0;
  depth = 0;
  for (let i = 0; i < n; i++) {
    const lv = levelOf(rows[i].kind);
    if (lv < 0) continue;
    const at = parentAt(i, lv);
    if (at < 0) continue;
    const q = stack[at];
    let s = stackSlots[at];
    if (s < 0) {
      stackSlots[at] = s = parents++;
      order[s] = q;
      kids[s] = 0;
      if (sums.length < parents * m) (sumsBuf = new Float64Array(2 * parents * m)).set(sums), (sums = sumsBuf);
      for (let j = s * m; j < parents * m; j++) sums[j] = 0;
      if (known) known[s] = site.reuse!(rule, table, q);
    }
    kids[s]++;
    if (known?.[s] || passing?.[q]) continue;
    const cells = rows[i].cells;
    for (let j = 0, w = s * m; j < m; j++, w++) {
      const v = cells[amountCols[j]];
      if (typeof v === 'number') sums[w] += v;
    }
  }
  const p = table.precision ?? 0;
  let out: Failure[] | undefined;
  for (let s = 0; s < parents; s++) {
    const q = order[s];
    if (passing?.[q]) continue;
    const k = known?.[s];
    if (k) {
      for (let f = 0; f < k.length; f++) (out ??= []).push(k[f]);
      continue;
    }
    const from = out ? out.length : 0;
    const cells = rows[q].cells;
    for (let j = 0; j < m; j++) {
      const v = cells[amountCols[j]];
      const found = typeof v === 'number' ? v : 0;
      const expected = sums[s * m + j];
      if (!holds(rule, found, expected, '=', 1 + kids[s], p)) (out ??= []).push({ table: rule.table, row: q, col: amountCols[j], expected, found });
    }
    if (out && out.length > from) site.record?.(rule, table, q, out, from);
  }
  // Keep the array's room, not the failures.
  if (known) known.fill(undefined, 0, parents);
  return out ?? NO_FAILURES;
}
