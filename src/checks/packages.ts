/**
 * Checks of a department's package and of each unit's own package, with the unit blocks checked
 * once. A department's tables are composed of its units' blocks of rows, the very row objects of
 * the units' own tables (tables/compose.ts), and the row-by-row rules compare a unit's row only
 * with rows of the same unit (join keys carry the unit): so the comparisons at those rows are made
 * in the unit's package only, and the department's report takes the failures found there. The
 * reports equal checkTables on each package, findings in the same order (test/checks/packages.test.ts).
 */
import type { Row, Table } from '../ir/table.ts';
import type { DepartmentPackages } from '../tables/index.ts';
import { NO_FAILURES, type Failure, type Passing, type Site } from './compare.ts';
import { checkTables, type CheckOptions } from './index.ts';
import type { Rule } from './rule.ts';
import type { CheckReport } from './types.ts';

const ROW_TABLE_RULES = new Set(['C-function-level', 'C-function-code']);

export interface PackageReports {
  department: CheckReport;
  units: Map<string, CheckReport>;
}

export function checkDepartmentPackages(pkgs: DepartmentPackages, opts: CheckOptions): PackageReports {
  // Per rule, the failures found at each unit row (the first comparison made there: a key
  // repeated in a table compares the same rows each time).
  const found = new Map<Rule, Map<Row, Failure[]>>();
  const notRunInSomeUnit = new Set<string>();
  const record: Site['record'] = (rule, table, row, out, from) => {
    if (out.length === from) return;
    let atRows = found.get(rule);
    if (!atRows) found.set(rule, (atRows = new Map()));
    const r = table.rows[row];
    if (!atRows.has(r)) atRows.set(r, out.slice(from));
  };
  const units = new Map<string, CheckReport>();
  for (const [code, tables] of pkgs.units) {
    const report = checkTables(tables, opts, { record });
    for (const n of report.rulesNotRun) notRunInSomeUnit.add(n.rule);
    units.set(code, report);
  }
  const unitPkgs = [...pkgs.units.values()];
  const unitRows = new Map(pkgs.department.map((t, k) => [t, unitRowsOf(t, unitPkgs.map((ts) => ts[k]))]));
  const passingRows = new Map<Table, Passing>();
  for (const [t, known] of unitRows) {
    const others: number[] = [];
    for (let i = 0; i < known.length; i++) if (!known[i]) others.push(i);
    passingRows.set(t, { known, others, wide: undefined });
  }
  // A rule that failed at no unit row (and ran in every unit) holds at every unit row.
  const passing: Site['passing'] = (rule, table) => (found.has(rule) || notRunInSomeUnit.has(rule.id) ? undefined : passingRows.get(table));
  const reuse: Site['reuse'] = (rule, table, row) => {
    if (!unitRows.get(table)?.[row] || notRunInSomeUnit.has(rule.id)) return undefined;
    const r = table.rows[row];
    const fs = found.get(rule)?.get(r);
    return fs ? fs.map((f) => ({ ...f, row })) : NO_FAILURES;
  };
  // The row-by-row table rules judge a row by itself and its table's header: at a unit row, they
  // find what they found in the unit's table (when it shares the header and found nothing there).
  const tableFound = new Set<string>();
  for (const r of units.values()) for (const f of r.findings) if (ROW_TABLE_RULES.has(f.rule)) tableFound.add(`${f.rule}|${f.table}`);
  const sameHeader = new Set(pkgs.department.filter((t, k) => unitPkgs.every((ts) => ts[k]?.header === t.header && ts[k].id === t.id)));
  const tableRuleKnown: Site['tableRuleKnown'] = (rule, table) =>
    ROW_TABLE_RULES.has(rule) && sameHeader.has(table) && !tableFound.has(`${rule}|${table.id}`) ? unitRows.get(table) : undefined;
  return { department: checkTables(pkgs.department, opts, { reuse, passing, tableRuleKnown }), units };
}

/**
 * Which rows of a department table are rows of its units' tables (1), found by walking both in
 * order: the units' blocks follow one another as composed (tables/compose.ts).
 */
function unitRowsOf(department: Table, parts: Table[]): Uint8Array {
  const rows = department.rows;
  const flags = new Uint8Array(rows.length);
  let p = 0;
  for (const t of parts) {
    // Rows that sum over every unit (合计, 部门) are never taken from a unit's package.
    for (const r of t.rows) {
      if (r.kind === 'total' || r.kind === 'department') continue;
      let q = p;
      while (q < rows.length && rows[q] !== r) q++;
      // A table whose rows are not in the department's (01, 06: summed line by line) has none there.
      if (q === rows.length) break;
      flags[q] = 1;
      p = q + 1;
    }
  }
  return flags;
}
