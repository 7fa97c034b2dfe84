/**
 * The content of a published snapshot: the budget model and the 23 tables (amounts in 分), frozen
 * as one JSON text whose sha256 is the snapshot's content hash.
 */
import type { Table } from '../../ir/table.ts';
import type { Budget, Department, Unit } from '../../model/budget.ts';
import type { LoadedUnitBudget } from './model.ts';

export const PACKAGE_FORMAT = 'yusuan-package/1';

export interface SnapshotContent {
  format: typeof PACKAGE_FORMAT;
  department: Department;
  unit: Unit;
  year: number;
  version: number;
  publishedAt: string;
  budget: Budget;
  tables: Table[];
}

export function snapshotContent(s: { loaded: LoadedUnitBudget; tables: Table[]; version: number; publishedAt: string }): string {
  const { budget } = s.loaded;
  const content: SnapshotContent = {
    format: PACKAGE_FORMAT,
    department: budget.department,
    unit: budget.units[0],
    year: budget.year,
    version: s.version,
    publishedAt: s.publishedAt,
    // where an item was stored is no business of the published package
    budget: {
      ...budget,
      lineItems: budget.lineItems.map((li) => ({
        unit: li.unit,
        functionCode: li.functionCode,
        deptEconCode: li.deptEconCode,
        govEconCode: li.govEconCode,
        kind: li.kind,
        ...(li.project ? { project: li.project } : {}),
        fund: li.fund,
        amount: li.amount,
      })),
    },
    tables: s.tables,
  };
  return JSON.stringify(content);
}

export const parseSnapshot = (text: string) => JSON.parse(text) as SnapshotContent;
