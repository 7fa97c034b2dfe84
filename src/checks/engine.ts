/** Runs a rule catalogue on tables: every rule becomes comparisons of cell sums. */
import type { Table } from '../ir/table.ts';
import { formatMoney } from '../money/money.ts';
import { CellSums } from './cells.ts';
import type { Failure, Site } from './compare.ts';
import type { Rule } from './rule.ts';
import { join } from './joins.ts';
import { rowSum, tree } from './row-rules.ts';
import { rowSumGroups, rowSumOf, type RowSumGroup } from './row-sums.ts';
import { CannotRun, rowLabel, TableSet } from './table-set.ts';
import type { CheckReport, Finding } from './types.ts';

export type { Failure, Passing, Site } from './compare.ts';
export { parents } from './row-rules.ts';

/** Numbers the calls of runRules: the rowSum groups hold the results of the current one (row-sums.ts). */
let runs = 0;
const NO_SITE: Site = {};

export function runRules(tables: Table[], rules: Rule[], site: Site = NO_SITE): CheckReport {
  const set = new TableSet(tables);
  const sums = new CellSums(set);
  const report: CheckReport = { findings: [], rulesRun: [], rulesNotRun: [] };
  const rowSumsOf = rowSumGroups(rules);
  const run = ++runs;
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k];
    if (!hasAll(set, rule.tables)) {
      const missing = rule.tables.filter((t) => !set.has(t));
      report.rulesNotRun.push({ rule: rule.id, reason: `缺少${missing.map((t) => `预算${t}表`).join('、')}` });
      continue;
    }
    try {
      const failures = evaluate(rule, set, sums, site, rowSumsOf, run);
      report.rulesRun.push(rule.id);
      for (let f = 0; f < failures.length; f++) report.findings.push(findingOf(rule, failures[f], set));
    } catch (e) {
      if (!(e instanceof CannotRun)) throw e;
      report.rulesNotRun.push({ rule: rule.id, reason: e.message });
    }
  }
  return report;
}

function hasAll(set: TableSet, ids: string[]): boolean {
  for (let i = 0; i < ids.length; i++) if (!set.has(ids[i])) return false;
  return true;
}

function evaluate(rule: Rule, set: TableSet, sums: CellSums, site: Site, groups: Map<string, RowSumGroup>, run: number): readonly Failure[] {
  switch (rule.kind) {
    case 'cells':
      return sums.cells(rule);
    case 'rowSum': {
      // Known failures and passing rows are per rule: a department's package is checked rule by rule.
      if (site.reuse || site.passing) return rowSum(rule, set, site);
      // Evaluated with the others of their table (row-sums.ts), until their turn comes.
      return rowSumOf(rule, groups.get(rule.table)!, set, site, run);
    }
    case 'tree':
      return tree(rule, set, site);
    case 'join':
      return join(rule, set, site);
  }
}

function findingOf(rule: Rule, f: Failure, set: TableSet): Finding {
  const { table, leaves } = set.get(f.table);
  const column = leaves[f.col];
  const where = `预算${f.table}表「${rowLabel(table, f.row)}」行「${column?.path.join('/') ?? ''}」列`;
  const whereEn = `table ${f.table}, row "${rowLabel(table, f.row)}", column ${column?.key ?? ''}`;
  const amt = (v: number) => formatMoney(v, table.unit);
  return {
    rule: rule.id,
    severity: rule.severity,
    message: `${rule.formula} 不成立：${where}应为 ${amt(f.expected)}，实为 ${amt(f.found)}（差 ${amt(f.found - f.expected)}）`,
    messageEn: `Identity ${rule.id} does not hold at ${whereEn}: expected ${amt(f.expected)}, found ${amt(f.found)} (difference ${amt(f.found - f.expected)})`,
    table: f.table,
    row: f.row,
    rowLabel: rowLabel(table, f.row),
    column: column?.key,
    columnLabel: column?.path.join('/'),
    expected: f.expected,
    found: f.found,
  };
}
