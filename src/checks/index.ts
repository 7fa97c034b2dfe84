/** Checks: run the rule catalogue on tables (ours or read back from a disclosure) and on a budget. */
import type { Classification } from '../classification/classification.ts';
import type { Table } from '../ir/table.ts';
import type { Budget } from '../model/budget.ts';
import { buildTables } from '../tables/index.ts';
import { runRules, type Site } from './engine.ts';
import { runModelRules } from './model-rules.ts';
import type { Rule } from './rule.ts';
import { HUNAN_CROSS_TABLE } from './rules/hunan-cross-table.ts';
import { HUNAN_IN_TABLE } from './rules/hunan-in-table.ts';
import { mappingRules } from './rules/mapping-rules.ts';
import { runTableRules } from './table-rules.ts';
import type { CheckReport } from './types.ts';

export type { CheckReport, Finding, Severity } from './types.ts';

export const HUNAN_23_RULES: Rule[] = [...HUNAN_IN_TABLE, ...HUNAN_CROSS_TABLE];
export const HUNAN_23_IDS = Array.from({ length: 23 }, (_, i) => String(i + 1).padStart(2, '0'));

export interface CheckOptions {
  classification: Classification;
  /** Arithmetic rules of the layout (default: the Hunan 23). */
  rules?: Rule[];
  /** Table ids the layout requires (default: 01–23). */
  expectedTables?: string[];
}

/** The Hunan catalogue plus the identities generated from the year's economic mapping. */
const byClassification = new WeakMap<Classification, Rule[]>();
export function hunanRules(c: Classification): Rule[] {
  let rules = byClassification.get(c);
  if (!rules) byClassification.set(c, (rules = [...HUNAN_23_RULES, ...mappingRules(c)]));
  return rules;
}

/** `site`: see engine.ts (how checkDepartmentPackages reuses a unit's comparisons in its department). */
export function checkTables(tables: Table[], opts: CheckOptions, site?: Site): CheckReport {
  const report = runRules(tables, opts.rules ?? hunanRules(opts.classification), site);
  const extra = runTableRules(tables, opts.classification, opts.expectedTables ?? HUNAN_23_IDS, site?.tableRuleKnown);
  report.findings.push(...extra.findings);
  report.rulesRun.push(...extra.run);
  return report;
}

/** Line-item rules on the model, then every table rule on the tables built from it. */
export function checkBudget(budget: Budget, classification: Classification, tables = buildTables(budget, classification)): CheckReport & { tables: Table[] } {
  const model = runModelRules(budget, classification);
  const report = checkTables(tables, { classification });
  return {
    findings: [...model.findings, ...report.findings],
    rulesRun: [...model.run, ...report.rulesRun],
    rulesNotRun: report.rulesNotRun,
    tables,
  };
}
