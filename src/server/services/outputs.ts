/**
 * Tables and findings of a stored budget, cached by budget id and version: a version never
 * changes content, so the cache needs no invalidation, only a size bound. One cache per app
 * (per database).
 */
import { checkBudget, type CheckReport } from '../../checks/index.ts';
import type { Table } from '../../ir/table.ts';
import type { Queryable } from '../db/db.ts';
import { notFound } from '../errors.ts';
import { getBudgetVersion } from '../repo/budgets.ts';
import type { UnitRow } from '../repo/org.ts';
import { loadUnitBudget, type LoadedUnitBudget } from './model.ts';

export interface BudgetOutputs {
  version: number;
  tables: Table[];
  report: CheckReport;
}

export class OutputCache {
  private readonly entries = new Map<string, BudgetOutputs>();
  constructor(private readonly max = 64) {}

  of(loaded: LoadedUnitBudget): BudgetOutputs {
    const key = `${loaded.row.id}:${loaded.row.version}`;
    let out = this.entries.get(key);
    if (!out) {
      const { tables, ...report } = checkBudget(loaded.budget, loaded.classification);
      out = { version: loaded.row.version, tables, report };
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, out);
    }
    return out;
  }

  /** Reads only the budget's version when its outputs are cached. */
  async get(q: Queryable, unit: UnitRow, year: number): Promise<BudgetOutputs> {
    const row = await getBudgetVersion(q, unit.code, year);
    if (!row) throw notFound(`${unit.name}（${unit.code}）${year} 年度预算尚未导入`);
    return this.entries.get(`${row.id}:${row.version}`) ?? this.of(await loadUnitBudget(q, unit, year));
  }
}
