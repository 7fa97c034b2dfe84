/** Between the stored rows of one unit's budget and the budget model the tables are built from. */
import type { Classification } from '../../classification/classification.ts';
import { withItemNames } from '../../model/code-names.ts';
import { classificationFor } from './code-lists.ts';
import type { Budget, LineItem } from '../../model/budget.ts';
import type { Queryable } from '../db/db.ts';
import { notFound } from '../errors.ts';
import { type BudgetRow, getBudget, type UnitDocument } from '../repo/budgets.ts';
import { listLineItems, type StoredLineItem } from '../repo/line-items.ts';
import type { UnitRow } from '../repo/org.ts';

export interface LoadedUnitBudget {
  unit: UnitRow;
  row: BudgetRow;
  items: StoredLineItem[];
  budget: Budget;
  classification: Classification;
}

export function assemble(unit: UnitRow, row: BudgetRow, items: LineItem[]): Budget {
  return {
    year: row.year,
    department: { code: unit.departmentCode, name: unit.departmentName },
    units: [{ code: unit.code, name: unit.name, type: unit.type }],
    ...row.document,
    lineItems: items,
  };
}

export async function loadUnitBudget(q: Queryable, unit: UnitRow, year: number): Promise<LoadedUnitBudget> {
  const row = await getBudget(q, unit.code, year);
  if (!row) throw notFound(`${unit.name}（${unit.code}）${year} 年度预算尚未导入`);
  const items = await listLineItems(q, row.id, unit.code);
  // the year's lists, plus the names line items give for codes outside them
  return { unit, row, items, budget: assemble(unit, row, items), classification: withItemNames(await classificationFor(q, year), items) };
}

/** One unit's part of a (possibly multi-unit) budget. */
export function unitPart(b: Budget, unit: string): { document: UnitDocument; lineItems: LineItem[] } {
  const mine = <T extends { unit: string }>(list: T[]) => list.filter((x) => x.unit === unit);
  return {
    document: {
      // the filer of a department-wide file names the department, not this unit
      ...(b.filer && b.units.length === 1 ? { filer: b.filer } : {}),
      projects: mine(b.projects),
      yearEndBalances: mine(b.yearEndBalances),
      specialFunds: mine(b.specialFunds),
      projectPerformance: mine(b.projectPerformance),
      unitPerformance: mine(b.unitPerformance),
      ...(b.publication && { publication: { ...b.publication, unitNotes: mine(b.publication.unitNotes) } }),
    },
    lineItems: mine(b.lineItems),
  };
}

export const totalOf = (items: LineItem[]) => items.reduce((s, li) => s + li.amount, 0);
