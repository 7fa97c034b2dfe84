/** Rows joined across two tables by key (kind, owning unit, code): Σ left columns op Σ right columns. */
import type { Table } from '../ir/table.ts';
import { holds, NO_FAILURES, perHeaders, type Failure, type Site } from './compare.ts';
import type { JoinRule } from './rule.ts';
import type { Indexed, TableSet } from './table-set.ts';

interface Where {
  rows: Table['rows'];
  rowOfKey: Int32Array;
  cols: readonly number[];
}

export function join(rule: JoinRule, set: TableSet, site: Site): readonly Failure[] {
  const L = set.get(rule.left);
  const R = set.get(rule.right);
  const pairs = perHeaders(rule, [L.leaves, R.leaves], () =>
    rule.pairs.map(([l, r]) => [l.map((k) => set.col(rule.left, k)), r.map((k) => set.col(rule.right, k))] as const),
  );
  const wheres = rule.whereEmpty ? rule.whereEmpty.map((w) => ({ w, W: set.get(w.table) })) : NO_WHERES;
  // Where only the 合计 and 部门 rows remain to compare, only their keys are looked up.
  const few = site.passing ? fewKeys(rule, [L.table, R.table, ...wheres.map(({ W }) => W.table)], set, site) : undefined;
  const keyRows = (t: Indexed) => few?.get(t.table)?.rowOfKey ?? set.keysOf(t).rowOfKey!;
  const keysOfKind = (t: Indexed, kind: string) => (few ? few.get(t.table)?.byKind.get(kind) : set.keysOf(t).keysByKind!.get(kind)) ?? NO_KEYS;
  const leftRows = keyRows(L);
  const rightRows = keyRows(R);
  const where: Where[] = wheres.map(({ w, W }) => ({ rows: W.table.rows, rowOfKey: keyRows(W), cols: perHeaders(w, [W.leaves], () => w.cols.map((k) => set.col(w.table, k))) }));
  const lrows = L.table.rows;
  const rrows = R.table.rows;
  const precision = Math.max(L.table.precision ?? 0, R.table.precision ?? 0);
  const op = rule.op ?? '=';
  let out: Failure[] | undefined;
  // Every key on the left, then the right's keys the left lacks (they compare against zero).
  for (const kind of rule.rows) {
    const lk = keysOfKind(L, kind);
    const rk = keysOfKind(R, kind);
    for (let i = 0, n = lk.length + rk.length; i < n; i++) {
      const k = i < lk.length ? lk[i] : rk[i - lk.length];
      const li = k < leftRows.length ? leftRows[k] : -1;
      if (i >= lk.length && li >= 0) continue;
      const ri = k < rightRows.length ? rightRows[k] : -1;
      // Every failure of a key is located at its left row, or its right row when the left has none.
      const at = li >= 0 ? L.table : R.table;
      const atRow = li >= 0 ? li : ri;
      const known = site.reuse?.(rule, at, atRow);
      if (known) {
        for (let f = 0; f < known.length; f++) (out ??= []).push(known[f]);
        continue;
      }
      if (where.length && !allEmpty(where, k)) continue;
      const from = out ? out.length : 0;
      const lcells = li >= 0 ? lrows[li].cells : undefined;
      const rcells = ri >= 0 ? rrows[ri].cells : undefined;
      for (let p = 0; p < pairs.length; p++) {
        const lc = pairs[p][0];
        const rc = pairs[p][1];
        const found = lcells ? sumOf(lcells, lc) : 0;
        const expected = rcells ? sumOf(rcells, rc) : 0;
        if (holds(rule, found, expected, op, lc.length + rc.length, precision)) continue;
        (out ??= []).push(li >= 0 ? { table: rule.left, row: li, col: lc[0], expected, found } : { table: rule.right, row: ri, col: rc[0], expected: found, found: expected });
      }
      if (out && out.length > from) site.record?.(rule, at, atRow, out, from);
    }
  }
  return out ?? NO_FAILURES;
}

function sumOf(cells: Table['rows'][number]['cells'], cols: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < cols.length; k++) {
    const v = cells[cols[k]];
    if (typeof v === 'number') s += v;
  }
  return s;
}

/** Whether key `k`'s row (if any) in each whereEmpty table has only empty or zero cells in the listed columns. */
function allEmpty(where: Where[], k: number): boolean {
  for (const w of where) {
    const wi = k < w.rowOfKey.length ? w.rowOfKey[k] : -1;
    if (wi < 0) continue;
    const cells = w.rows[wi].cells;
    for (let c = 0; c < w.cols.length; c++) {
      const v = cells[w.cols[c]];
      if (typeof v === 'number' && v !== 0) return false;
    }
  }
  return true;
}

const NO_KEYS: number[] = [];
const NO_WHERES: { w: NonNullable<JoinRule['whereEmpty']>[number]; W: Indexed }[] = [];
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
