/**
 * The key figures of a budget that next year's 说明 compares with, read from its tables exactly as
 * the statements read them: so a previous year's yusuan budget can stand in for typed totals.
 */
import type { Classification } from '../classification/classification.ts';
import type { Budget } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import type { KeyFigures } from '../model/publication-inputs.ts';
import { buildTables } from '../tables/index.ts';
import { Figures, line, ofKind, total } from './figures.ts';
import { GENERAL_EXPENDITURE, OFFICE_UNITS } from './sections/other-matters.ts';

export function keyFigures(budget: Budget, classification: Classification): Required<KeyFigures> {
  const fig = new Figures(buildTables(budget, classification));
  const econ = (code: string) => budget.lineItems.filter((li) => li.deptEconCode === code && POOLS.gpb(li.fund)).reduce((s, li) => s + li.amount, 0);
  return {
    income: fig.value(line('01', 'rev', '收入总计')),
    expenditure: fig.value(line('01', 'fn', '支出总计')),
    gpb: fig.value(total('07', 'total')),
    govFund: fig.value(total('15', 'total')),
    threePublic: fig.value(total('14', 'total')),
    officeRunning: fig.value(...budget.units.filter((u) => OFFICE_UNITS.has(u.type)).map((u) => ofKind('07', 'unit', 'basic.302', u.code))),
    meetings: econ(GENERAL_EXPENDITURE.meetings.code),
    training: econ(GENERAL_EXPENDITURE.training.code),
  };
}
