/**
 * The rowSum rules of one table in a single pass over its rows: a catalogue has about two per table,
 * and walking a table's rows (objects spread over memory) costs more than the sums. Each rule's
 * failures are the ones rowSum() finds (row-rules.ts), in the same row order.
 */
import { holds, perHeaders, sumOf, type Failure, type Site } from './compare.ts';
import type { Rule, RowSumRule } from './rule.ts';
import { CannotRun, type TableSet } from './table-set.ts';

/** The rowSum rules of a catalogue by table, in catalogue order. */
const groupsOf = new WeakMap<Rule[], Map<string, RowSumRule[]>>();
export function rowSumGroups(rules: Rule[]): Map<string, RowSumRule[]> {
  let g = groupsOf.get(rules);
  if (!g) {
    groupsOf.set(rules, (g = new Map()));
    for (const r of rules) if (r.kind === 'rowSum') (g.get(r.table) ?? g.set(r.table, []).get(r.table)!).push(r);
  }
  return g;
}

interface Live {
  rule: RowSumRule;
  total: number;
  parts: number[];
  out: Failure[];
}

/** Evaluates `rules` (all on one table) into `into`: each rule's failures, or the CannotRun it throws. */
export function rowSums(rules: RowSumRule[], set: TableSet, site: Site, into: Map<Rule, Failure[] | CannotRun>): void {
  const live: Live[] = [];
  for (const rule of rules) {
    try {
      const t = set.get(rule.table);
      const { total, parts } = perHeaders(rule, [t.leaves], () => ({
        total: set.col(rule.table, rule.total),
        parts: rule.parts.map((p) => set.col(rule.table, p)),
      }));
      const out: Failure[] = [];
      into.set(rule, out);
      live.push({ rule, total, parts, out });
    } catch (e) {
      if (!(e instanceof CannotRun)) throw e;
      into.set(rule, e);
    }
  }
  if (!live.length) return;
  const table = set.get(rules[0].table).table;
  const p = table.precision ?? 0;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.kind === 'line') continue;
    const cells = row.cells;
    for (let r = 0; r < live.length; r++) {
      const { rule, total, parts, out } = live[r];
      if (rule.rows && !rule.rows.includes(row.kind)) continue;
      const v = cells[total];
      const found = typeof v === 'number' ? v : 0;
      const expected = sumOf(cells, parts);
      if (holds(rule, found, expected, '=', 1 + parts.length, p)) continue;
      out.push({ table: rule.table, row: i, col: total, expected, found });
      site.record?.(rule, table, i, out, out.length - 1);
    }
  }
}
