/**
 * The rowSum rules of one table in a single pass over its rows: a catalogue has about two per table,
 * and walking a table's rows (objects spread over memory) costs more than the sums. Each rule's
 * failures are the ones rowSum() finds (row-rules.ts), in the same row order.
 */
import { holds, NO_FAILURES, perHeaders, sumOf, type Failure, type Site } from './compare.ts';
import { rowSumCols } from './row-rules.ts';
import type { Rule, RowSumRule } from './rule.ts';
import { CannotRun, type TableSet } from './table-set.ts';

/**
 * The rowSum rules of one table, and what the current check run found for each (`run` says which
 * run: a package allocates no per-rule state).
 */
export interface RowSumGroup {
  rules: RowSumRule[];
  run: number;
  results: (readonly Failure[] | CannotRun)[];
}

/** The rowSum rules of a catalogue by table, in catalogue order. */
const groupsOf = new WeakMap<Rule[], Map<string, RowSumGroup>>();
export function rowSumGroups(rules: Rule[]): Map<string, RowSumGroup> {
  let g = groupsOf.get(rules);
  if (!g) {
    groupsOf.set(rules, (g = new Map()));
    for (const r of rules) {
      if (r.kind !== 'rowSum') continue;
      let group = g.get(r.table);
      if (!group) g.set(r.table, (group = { rules: [], run: -1, results: [] }));
      group.rules.push(r);
    }
  }
  return g;
}

/** A rule's failures in run `run`, or the CannotRun it throws: the group is evaluated on first asking. */
export function rowSumOf(rule: RowSumRule, group: RowSumGroup, set: TableSet, site: Site, run: number): readonly Failure[] {
  if (group.run !== run) evaluate(group, set, site, run);
  const r = group.results[group.rules.indexOf(rule)];
  if (r instanceof CannotRun) throw r;
  return r;
}

/** Per rule of a group: its total and part columns, or the CannotRun it throws on the table's header. */
function groupCols(group: RowSumGroup, set: TableSet): ({ total: number; parts: number[] } | CannotRun)[] {
  return group.rules.map((rule) => {
    try {
      return rowSumCols(rule, set);
    } catch (e) {
      if (!(e instanceof CannotRun)) throw e;
      return e;
    }
  });
}

function evaluate(group: RowSumGroup, set: TableSet, site: Site, run: number): void {
  const { rules, results } = group;
  const cols = perHeaders(group, set.get(rules[0].table).leaves, undefined, set, groupCols);
  group.run = run;
  let live = 0;
  for (let r = 0; r < rules.length; r++) {
    const c = cols[r];
    results[r] = c instanceof CannotRun ? c : NO_FAILURES;
    if (!(c instanceof CannotRun)) live++;
  }
  if (!live) return;
  const table = set.get(rules[0].table).table;
  const p = table.precision ?? 0;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.kind === 'line') continue;
    const cells = row.cells;
    for (let r = 0; r < rules.length; r++) {
      const c = cols[r];
      if (c instanceof CannotRun) continue;
      const rule = rules[r];
      if (rule.rows && !rule.rows.includes(row.kind)) continue;
      const v = cells[c.total];
      const found = typeof v === 'number' ? v : 0;
      const expected = sumOf(cells, c.parts);
      if (holds(rule, found, expected, '=', 1 + c.parts.length, p)) continue;
      let out = results[r] as Failure[];
      if (out === NO_FAILURES) results[r] = out = [];
      out.push({ table: rule.table, row: i, col: c.total, expected, found });
      site.record?.(rule, table, i, out, out.length - 1);
    }
  }
}
