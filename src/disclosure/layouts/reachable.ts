/**
 * Columns of the 23 tables that no budget can fill: the builders are run on a probe budget, and
 * every amount column left empty everywhere is unreachable (e.g. 预算08表 其他对事业单位补助: no 301
 * 款 maps to 50599). Readers use this to keep figures out of columns they can never belong to.
 *
 * The full probe crosses every (unit type, 款 with its mapped 政府经济分类 款, kind, fund); the
 * default one crosses every 款 with one fund, and every fund with one 款 per pair of 类 (部门, 政府), which finds the
 * same columns (a test compares the two) at a seventh of the cost.
 */
import type { Classification } from '../../classification/classification.ts';
import type { UnitType } from '../../classification/mapping.ts';
import { leaves, type Table } from '../../ir/table.ts';
import { KINDS, type Budget, type LineItem, type ProjectCategory } from '../../model/budget.ts';
import { FUND_SOURCES } from '../../model/funds.ts';
import { buildTables } from '../../tables/index.ts';

/** One displayed step (0.01 万元), so that rounding before building leaves every probe amount in place. */
const AMOUNT = 10_000;

const cache = new WeakMap<Classification, Map<string, string[]>>();

export function unreachableColumns(classification: Classification, full = false): Map<string, string[]> {
  let out = full ? undefined : cache.get(classification);
  if (!out) {
    out = new Map(buildTables(probeBudget(classification, full), classification).map((t) => [t.id, emptyColumns(t)]));
    if (!full) cache.set(classification, out);
  }
  return out;
}

function emptyColumns(t: Table): string[] {
  return leaves(t.header).flatMap((c, i) =>
    c.kind === 'amount' && !t.rows.some((r) => typeof r.cells[i] === 'number' && r.cells[i] !== 0) ? [c.key] : [],
  );
}

function probeBudget(classification: Classification, full: boolean): Budget {
  const types: UnitType[] = ['行政单位', '事业单位'];
  const units = types.map((type, i) => ({ code: `99900${i + 1}`, name: type, type }));
  const functionCode = classification.function.list('项')[0]?.code ?? '2010101';
  const categories: ProjectCategory[] = ['省级专项资金', '其他资金'];
  const projects = units.flatMap((u) => categories.map((category) => ({ unit: u.code, name: category, category, direction: '' })));
  const lineItems: LineItem[] = [];
  const firstOfClass = new Set<string>();
  for (const u of units)
    for (const econ of classification.deptEcon.list('款')) {
      const gov = classification.mapping.govFor(econ.code, u.type);
      if (!gov) continue;
      const cls = `${u.code}:${econ.parent}:${gov.code.slice(0, 3)}`;
      const representative = !firstOfClass.has(cls);
      firstOfClass.add(cls);
      for (const kind of KINDS)
        for (const project of kind === '项目支出' ? categories : [undefined])
          for (const fund of full || representative ? FUND_SOURCES : FUND_SOURCES.slice(0, 1))
            lineItems.push({ unit: u.code, functionCode, deptEconCode: econ.code, govEconCode: gov.code, kind, project, fund, amount: AMOUNT });
    }
  return {
    year: classification.year,
    department: { code: '999', name: '' },
    units,
    projects,
    lineItems,
    yearEndBalances: units.flatMap((u) => FUND_SOURCES.map((fund) => ({ unit: u.code, fund, amount: AMOUNT }))),
    specialFunds: units.map((u) => ({
      unit: u.code,
      name: '省级专项资金',
      byFinance: { gpbAppropriation: AMOUNT, gpbNonTax: AMOUNT, govFund: AMOUNT, stateCapital: AMOUNT },
    })),
    projectPerformance: projects.map((p) => ({ unit: p.unit, project: p.name, transferToLocal: AMOUNT, periodGoal: '', annualGoal: '', indicators: {} })),
    unitPerformance: [],
  };
}
