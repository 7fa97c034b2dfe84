/** The rules compared row by row: a row's total against its parts, the row tree, rows joined across tables. */
import type { RowKind, Table } from '../ir/table.ts';
import { holds, perHeaders, type Failure, type Site } from './compare.ts';
import type { JoinRule, RowSumRule, TreeRule } from './rule.ts';
import { amountOf, rowOfKey, type TableSet } from './table-set.ts';

export function rowSum(rule: RowSumRule, set: TableSet, site: Site): Failure[] {
  const t = set.get(rule.table);
  const { total, parts } = perHeaders(rule, [t.leaves], () => ({
    total: set.col(rule.table, rule.total),
    parts: rule.parts.map((p) => set.col(rule.table, p)),
  }));
  const { table } = t;
  const p = table.precision ?? 0;
  const rows = table.rows;
  const out: Failure[] = [];
  const only = site.passing?.(rule, table)?.others;
  const n = only ? only.length : rows.length;
  for (let o = 0; o < n; o++) {
    const i = only ? only[o] : o;
    const row = rows[i];
    if (rule.rows && !rule.rows.includes(row.kind)) continue;
    if (row.kind === 'line') continue;
    const known = site.reuse?.(rule, table, i);
    if (known) {
      out.push(...known);
      continue;
    }
    const from = out.length;
    const found = amountOf(row, total);
    let expected = 0;
    for (let k = 0; k < parts.length; k++) expected += amountOf(row, parts[k]);
    if (!holds(rule, found, expected, '=', 1 + parts.length, p)) out.push({ table: rule.table, row: i, col: total, expected, found });
    if (out.length > from) site.record?.(rule, table, i, out, from);
  }
  return out;
}

/** Levels of the row hierarchy (-1: outside it). */
function levelOf(kind: RowKind): number {
  switch (kind) {
    case 'total':
      return 0;
    case 'department':
      return 1;
    case 'unit':
      return 2;
    case 'class':
    case 'project':
      return 3;
    case 'section':
      return 4;
    case 'item':
      return 5;
    default:
      return -1;
  }
}

/** Parent of each row: the nearest row above with a smaller level. */
export function parents(t: Table): number[] {
  const rows = t.rows;
  const out = new Array<number>(rows.length);
  const stack: number[] = [];
  const levels: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const lv = levelOf(rows[i].kind);
    if (lv < 0) {
      out[i] = -1;
      continue;
    }
    while (levels.length && levels[levels.length - 1] >= lv) {
      stack.pop();
      levels.pop();
    }
    out[i] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
    levels.push(lv);
  }
  return out;
}

// Scratch arrays of tree(), grown as needed: most tables are small, and their allocation cost more
// than the sums (the engine is synchronous, and the site hooks do not run rules).
let slotBuf = new Int32Array(256);
let kidsBuf = new Int32Array(256);
let sumsBuf = new Float64Array(4096);

export function tree(rule: TreeRule, set: TableSet, site: Site): Failure[] {
  const { table, amountCols } = set.get(rule.table);
  const m = amountCols.length;
  const rows = table.rows;
  const n = rows.length;
  const parent = parents(table);
  // A parent's first child is the next row, so parents are met in row order: slot s is the s-th parent.
  if (slotBuf.length < n) slotBuf = new Int32Array(2 * n);
  const slot = slotBuf;
  slot.fill(-1, 0, n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const q = parent[i];
    if (q >= 0 && slot[q] < 0) slot[q] = order.push(q) - 1;
  }
  // Parents whose comparisons are known: in one array by slot (reused failures) or by row (passing).
  const passing = site.passing?.(rule, table)?.known;
  const known = !passing && site.reuse ? order.map((q) => site.reuse!(rule, table, q)) : undefined;
  // Children's counts and column sums, in one pass (in row order, as the sums were always added).
  if (kidsBuf.length < order.length) kidsBuf = new Int32Array(2 * order.length);
  if (sumsBuf.length < order.length * m) sumsBuf = new Float64Array(2 * order.length * m);
  const kids = kidsBuf;
  const sums = sumsBuf;
  kids.fill(0, 0, order.length);
  sums.fill(0, 0, order.length * m);
  for (let i = 0; i < n; i++) {
    const s = parent[i] >= 0 ? slot[parent[i]] : -1;
    if (s < 0) continue;
    kids[s]++;
    if (known?.[s] || passing?.[parent[i]]) continue;
    const cells = rows[i].cells;
    for (let j = 0; j < m; j++) {
      const v = cells[amountCols[j]];
      if (typeof v === 'number') sums[s * m + j] += v;
    }
  }
  const p = table.precision ?? 0;
  const out: Failure[] = [];
  for (let s = 0; s < order.length; s++) {
    const q = order[s];
    if (passing?.[q]) continue;
    const k = known?.[s];
    if (k) {
      out.push(...k);
      continue;
    }
    const from = out.length;
    const cells = rows[q].cells;
    for (let j = 0; j < m; j++) {
      const v = cells[amountCols[j]];
      const found = typeof v === 'number' ? v : 0;
      const expected = sums[s * m + j];
      if (!holds(rule, found, expected, '=', 1 + kids[s], p)) out.push({ table: rule.table, row: q, col: amountCols[j], expected, found });
    }
    if (out.length > from) site.record?.(rule, table, q, out, from);
  }
  return out;
}

export function join(rule: JoinRule, set: TableSet, site: Site): Failure[] {
  const L = set.get(rule.left);
  const R = set.get(rule.right);
  const pairs = perHeaders(rule, [L.leaves, R.leaves], () =>
    rule.pairs.map(([l, r]) => [l.map((k) => set.col(rule.left, k)), r.map((k) => set.col(rule.right, k))] as const),
  );
  const wheres = (rule.whereEmpty ?? []).map((w) => ({ w, W: set.get(w.table) }));
  // Where only the 合计 and 部门 rows remain to compare, only their keys are looked up.
  const few = fewKeys(rule, [L.table, R.table, ...wheres.map(({ W }) => W.table)], set, site);
  const keyRows = (id: string, t: Table) => few?.get(t)?.rowOfKey ?? set.keyRows(id);
  const keysOfKind = (id: string, t: Table, kind: string) => (few ? (few.get(t)?.byKind.get(kind) ?? NO_KEYS) : set.keysOfKind(id, kind));
  const leftRows = keyRows(rule.left, L.table);
  const rightRows = keyRows(rule.right, R.table);
  const where = wheres.map(({ w, W }) => ({ t: W.table, rows: keyRows(w.table, W.table), cols: perHeaders(w, [W.leaves], () => w.cols.map((k) => set.col(w.table, k))) }));
  const lp = L.table.precision ?? 0;
  const rp = R.table.precision ?? 0;
  const precision = Math.max(lp, rp);
  const op = rule.op ?? '=';
  // `any`: 1 as soon as a cell is non-zero (whereEmpty), not the sum.
  const sumAt = (t: Table, i: number, cols: readonly number[], any = false) => {
    if (i < 0) return 0;
    let s = 0;
    const cells = t.rows[i].cells;
    for (let k = 0; k < cols.length; k++) {
      const v = cells[cols[k]];
      if (typeof v !== 'number') continue;
      if (any && v !== 0) return 1;
      s += v;
    }
    return s;
  };
  const out: Failure[] = [];
  const compare = (k: number) => {
    const li = rowOfKey(leftRows, k);
    const ri = rowOfKey(rightRows, k);
    // Every failure of a key is located at its left row, or its right row when the left has none.
    const at = li >= 0 ? L.table : R.table;
    const atRow = li >= 0 ? li : ri;
    const known = site.reuse?.(rule, at, atRow);
    if (known) return void out.push(...known);
    for (const w of where) {
      const wi = rowOfKey(w.rows, k);
      if (wi >= 0 && sumAt(w.t, wi, w.cols, true) !== 0) return;
    }
    const from = out.length;
    for (let p = 0; p < pairs.length; p++) {
      const lc = pairs[p][0];
      const rc = pairs[p][1];
      const found = sumAt(L.table, li, lc);
      const expected = sumAt(R.table, ri, rc);
      if (holds(rule, found, expected, op, lc.length + rc.length, precision)) continue;
      if (li >= 0) out.push({ table: rule.left, row: li, col: lc[0], expected, found });
      else out.push({ table: rule.right, row: ri, col: rc[0], expected: found, found: expected });
    }
    if (out.length > from) site.record?.(rule, at, atRow, out, from);
  };
  // Every key on the left, then the right's keys the left lacks (they compare against zero).
  for (const kind of rule.rows) {
    const lk = keysOfKind(rule.left, L.table, kind);
    for (let i = 0; i < lk.length; i++) compare(lk[i]);
    const rk = keysOfKind(rule.right, R.table, kind);
    for (let i = 0; i < rk.length; i++) if (rowOfKey(leftRows, rk[i]) < 0) compare(rk[i]);
  }
  return out;
}


const NO_KEYS: number[] = [];
const WIDE = new Set(['total', 'department']);

/**
 * Key lookups over the rows a join must still compare, when in each of its tables these are only
 * 合计 and 部门 rows (Passing: they are then all of them): every other key is located at a row whose
 * comparisons are known to hold, so it is not looked at (undefined: the tables are keyed whole).
 */
function fewKeys(rule: JoinRule, tables: Table[], set: TableSet, site: Site) {
  const few = new Map<Table, { rowOfKey: Int32Array; byKind: Map<string, number[]> }>();
  for (const t of tables) {
    const others = site.passing?.(rule, t)?.others;
    if (!others || !others.every((i) => WIDE.has(t.rows[i].kind))) return undefined;
    if (few.has(t)) continue;
    const byKind = new Map<string, number[]>();
    const keys = others.map((i) => set.keyOf(t.rows[i], true)!);
    const rowOfKey = new Int32Array(Math.max(-1, ...keys) + 1).fill(-1);
    others.forEach((i, o) => {
      rowOfKey[keys[o]] = i;
      const kind = t.rows[i].kind;
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(keys[o]);
    });
    few.set(t, { rowOfKey, byKind });
  }
  return few;
}
