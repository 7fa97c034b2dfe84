import type { Classification } from '../classification/classification.ts';
import type { Table } from '../ir/table.ts';
import type { Budget } from '../model/budget.ts';
import { balanceToStep } from '../model/rounding.ts';
import { unitBudgets } from '../model/split.ts';
import { composeDepartment, ROUNDING_NOTE } from './compose.ts';
import { buildContext, type BuildContext } from './context.ts';
import { build01 } from './t01-revenue-expenditure-summary.ts';
import { build02 } from './t02-income-summary.ts';
import { build03 } from './t03-expenditure-summary.ts';
import { build04 } from './t04-expenditure-by-gov-econ.ts';
import { build05 } from './t05-expenditure-by-dept-econ.ts';
import { build06 } from './t06-fiscal-summary.ts';
import { build07 } from './t07-general-budget-expenditure.ts';
import { build08 } from './t08-personnel-wages-by-gov-econ.ts';
import { build09 } from './t09-personnel-wages-by-dept-econ.ts';
import { build10 } from './t10-personnel-households-by-gov-econ.ts';
import { build11 } from './t11-personnel-households-by-dept-econ.ts';
import { build12 } from './t12-public-goods-by-gov-econ.ts';
import { build13 } from './t13-public-goods-by-dept-econ.ts';
import { build14 } from './t14-three-public-expenses.ts';
import { build15 } from './t15-gov-fund-expenditure.ts';
import { build16 } from './t16-gov-fund-by-gov-econ.ts';
import { build17 } from './t17-gov-fund-by-dept-econ.ts';
import { build18 } from './t18-state-capital-expenditure.ts';
import { build19 } from './t19-special-account-expenditure.ts';
import { build20 } from './t20-special-funds.ts';
import { build21 } from './t21-special-fund-goals.ts';
import { build22 } from './t22-other-fund-goals.ts';
import { build23 } from './t23-overall-goals.ts';

/** The 23 Hunan tables (预算01表 … 预算23表), in order. */
export const HUNAN_23: ((ctx: BuildContext) => Table)[] = [
  build01, build02, build03, build04, build05, build06, build07, build08, build09, build10, build11, build12,
  build13, build14, build15, build16, build17, build18, build19, build20, build21, build22, build23,
];


/**
 * Builds all 23 tables of a budget (a department, or one unit when the budget holds one). Amounts
 * not on the displayed 0.01 万元 step are first balanced (舍位平衡, see model/rounding.ts), so every
 * displayed total equals the sum of its displayed parts; the tables then say so in a note.
 */
export function buildTables(budget: Budget, classification: Classification): Table[] {
  const balanced = balanceToStep(budget);
  const ctx = buildContext(balanced, classification);
  const tables = HUNAN_23.map((build) => build(ctx));
  if (balanced !== budget) for (const t of tables) t.notes.push(ROUNDING_NOTE);
  return tables;
}

export { ROUNDING_NOTE };

export interface DepartmentPackages {
  department: Table[];
  /** Each unit's own 23 tables, by unit code. */
  units: Map<string, Table[]>;
}

/** The department's tables and every unit's own tables, the department's composed from its units'. */
export function buildDepartmentPackages(budget: Budget, classification: Classification): DepartmentPackages {
  const parts = unitBudgets(budget);
  const perUnit = parts.map((u) => buildTables(u, classification));
  return { department: composeDepartment(budget, perUnit), units: new Map(parts.map((u, i) => [u.units[0].code, perUnit[i]])) };
}
