/** Rows joined across two tables by key (kind, owning unit, code): Σ left columns op Σ right columns. */
import { holds, NO_FAILURES, perHeaders, sumOf, type Failure, type Site } from './compare.ts';
import { byKindAt, keyAt, keyedRowsValid, kindFrom, kindNum, kindTo, rowOfKey, type KeyedRows } from './row-keys.ts';
import type { JoinRule } from './rule.ts';
import type { Indexed, TableSet } from './table-set.ts';

type Pairs = (readonly [left: number[], right: number[]])[];
type WhereEmpty = NonNullable<JoinRule['whereEmpty']>[number];

function pairCols(rule: JoinRule, set: TableSet): Pairs {
  return rule.pairs.map(([l, r]) => [l.map((k) => set.col(rule.left, k)), r.map((k) => set.col(rule.right, k))] as const);
}
function whereCols(w: WhereEmpty, set: TableSet): number[] {
  return w.cols.map((k) => set.col(w.table, k));
}

export function join(rule: JoinRule, set: TableSet, site: Site): readonly Failure[] {
  const L = set.get(rule.left);
  const R = set.get(rule.right);
  const pairs = perHeaders(rule, L.leaves, R.leaves, set, pairCols);
  // Where only the 合计 and 部门 rows remain to compare, only their keys are looked up.
  const few = site.passing !== undefined && fewKeys(rule, L, R, set, site);
  const left = few ? someKeys(rule, L, set, site)! : set.keysOf(L);
  const right = few ? someKeys(rule, R, set, site)! : set.keysOf(R);
  const where = rule.whereEmpty;
  const lrows = L.table.rows;
  const rrows = R.table.rows;
  const precision = Math.max(L.table.precision ?? 0, R.table.precision ?? 0);
  const op = rule.op ?? '=';
  let out: Failure[] | undefined;
  // Per kind, every key on the left, then the right's keys the left lacks (they compare against zero).
  for (let kk = 0; kk < rule.rows.length; kk++) {
    const kind = kindNum(rule.rows[kk]);
    const lf = kindFrom(left, kind);
    const nl = kindTo(left, kind) - lf;
    const rf = kindFrom(right, kind) - nl;
    for (let i = 0, n = nl + kindTo(right, kind) - kindFrom(right, kind); i < n; i++) {
      const side = i < nl ? left : right;
      const k = keyAt(side, byKindAt(side, i < nl ? lf + i : rf + i));
      const li = rowOfKey(left, k);
      if (i >= nl && li >= 0) continue;
      const ri = rowOfKey(right, k);
      // Every failure of a key is located at its left row, or its right row when the left has none.
      const at = li >= 0 ? L.table : R.table;
      const atRow = li >= 0 ? li : ri;
      const known = site.reuse?.(rule, at, atRow);
      if (known) {
        for (let f = 0; f < known.length; f++) (out ??= []).push(known[f]);
        continue;
      }
      if (where && !allEmpty(where, k, set, few, rule, site)) continue;
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

/** Whether key `k`'s row (if any) in each whereEmpty table has only empty or zero cells in the listed columns. */
function allEmpty(where: WhereEmpty[], k: number, set: TableSet, few: boolean, rule: JoinRule, site: Site): boolean {
  for (let w = 0; w < where.length; w++) {
    const W = set.get(where[w].table);
    const wi = rowOfKey(few ? someKeys(rule, W, set, site)! : set.keysOf(W), k);
    if (wi < 0) continue;
    const cols = perHeaders(where[w], W.leaves, undefined, set, whereCols);
    const cells = W.table.rows[wi].cells;
    for (let c = 0; c < cols.length; c++) {
      const v = cells[cols[c]];
      if (typeof v === 'number' && v !== 0) return false;
    }
  }
  return true;
}


/**
 * Whether the rows a join must still compare are, in each of its tables, only 合计 and 部门 rows
 * (Passing: they are then all of them): every other key is located at a row whose comparisons are
 * known to hold, so it is not looked at, and only those rows are keyed (someKeys).
 */
function fewKeys(rule: JoinRule, L: Indexed, R: Indexed, set: TableSet, site: Site): boolean {
  if (!someKeys(rule, L, set, site) || !someKeys(rule, R, set, site)) return false;
  const where = rule.whereEmpty;
  if (where) for (let w = 0; w < where.length; w++) if (!someKeys(rule, set.get(where[w].table), set, site)) return false;
  return true;
}

/** The keyed rows a join compares in a table, when they are 合计 and 部门 rows only (see fewKeys); found once per Passing. */
function someKeys(rule: JoinRule, t: Indexed, set: TableSet, site: Site): KeyedRows | undefined {
  const passing = site.passing?.(rule, t.table);
  if (!passing) return undefined;
  let w = passing.wide;
  if (!w || w.set !== set || (w.rows && !keyedRowsValid(w.rows))) {
    const { others } = passing;
    let wide = true;
    for (let o = 0; o < others.length && wide; o++) {
      const kind = t.table.rows[others[o]].kind;
      wide = kind === 'total' || kind === 'department';
    }
    passing.wide = w = { set, rows: wide ? set.someKeysOf(t, others) : undefined };
  }
  return w.rows;
}
