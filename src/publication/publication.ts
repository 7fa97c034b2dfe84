/**
 * Builds the whole 部门预算公开 document of a budget: 第一部分 说明 written from the same tables it
 * publishes in 第二部分, plus the inputs the tables do not hold.
 */
import type { Classification } from '../classification/classification.ts';
import type { Table } from '../ir/table.ts';
import { type Budget, filerOf } from '../model/budget.ts';
import { buildTables } from '../tables/index.ts';
import { EMPTY_TABLES_NOTE, type Block, type Publication } from './document.ts';
import { Figures } from './figures.ts';
import { generalBudget, governmentFunds } from './sections/appropriations.ts';
import { assets, performance, procurement } from './sections/assets-performance.ts';
import { EMPTY_INPUTS, heading, type SectionContext } from './sections/context.ts';
import { officeRunning, generalExpenditure, threePublic } from './sections/other-matters.ts';
import { composition, overview } from './sections/overview.ts';
import { totals } from './sections/totals.ts';
import { statement, text } from './statement.ts';
import { TERMS, type BodyWord } from './vocabulary.ts';

function terms(): Block[] {
  return [
    heading(2, '七、名词解释'),
    ...TERMS.map((t, i): Block => ({ type: 'paragraph', statements: [statement('units')`${String(i + 1)}.${t.term}：${text(t.text)}`] })),
  ];
}

export function partOne(ctx: SectionContext): Block[] {
  const { word: w, year } = ctx;
  return [
    heading(1, `第一部分 ${year}年${w}预算说明`, 1),
    ...overview(ctx),
    ...composition(ctx),
    ...totals(ctx),
    ...generalBudget(ctx),
    ...governmentFunds(ctx),
    heading(2, '六、其他重要事项的情况说明'),
    ...officeRunning(ctx),
    ...threePublic(ctx),
    ...generalExpenditure(ctx),
    ...procurement(ctx),
    ...assets(ctx),
    ...performance(ctx),
    ...terms(),
  ];
}

/** A department with one unit publishes that unit's 单位预算; otherwise the 部门预算. */
export const bodyWordOf = (b: Budget): BodyWord => (b.units.length === 1 ? '单位' : '部门');

export function buildPublication(budget: Budget, classification: Classification, tables: Table[] = buildTables(budget, classification)): Publication {
  const word = bodyWordOf(budget);
  const body = filerOf(budget);
  const ctx: SectionContext = { budget, fig: new Figures(tables), inputs: budget.publication ?? EMPTY_INPUTS, word, year: budget.year };
  return {
    year: budget.year,
    body,
    word,
    title: `${body}${budget.year}年${word}预算`,
    blocks: [
      ...partOne(ctx),
      heading(1, `第二部分 ${budget.year}年${word}预算公开表格`, 2),
      ...tables.map((table): Block => ({ type: 'table', table })),
      { type: 'note', text: EMPTY_TABLES_NOTE(word) },
    ],
  };
}
