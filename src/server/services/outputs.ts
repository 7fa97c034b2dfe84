/**
 * Tables and findings of a stored budget, cached by budget id and version: a version never
 * changes content, so that cache needs no invalidation, only a size bound. Which version is
 * current is itself remembered briefly (`ShortLived`: forgotten on any edit through this
 * process), so a repeated read of an unchanged budget costs no query. One cache per app.
 */
import { checkBudget, type CheckReport } from '../../checks/index.ts';
import type { Table } from '../../ir/table.ts';
import type { Queryable } from '../db/db.ts';
import type { EncodedBody } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { getBudgetVersion } from '../repo/budgets.ts';
import type { UnitRow } from '../repo/org.ts';
import { loadUnitBudget, type LoadedUnitBudget } from './model.ts';
import { Generation, ShortLived } from '../fresh.ts';

export interface BudgetOutputs {
  version: number;
  tables: Table[];
  report: CheckReport;
  /** Serialised responses of this version, made on first request (by the route's serializer). */
  bodies: Map<string, EncodedBody>;
}

export class OutputCache {
  private readonly entries = new Map<string, BudgetOutputs>();
  private readonly current: ShortLived<{ id: number; version: number }>;
  constructor(
    private readonly generation = new Generation(),
    private readonly max = 64,
  ) {
    this.current = new ShortLived(generation);
  }

  of(loaded: LoadedUnitBudget): BudgetOutputs {
    const key = `${loaded.row.id}:${loaded.row.version}`;
    let out = this.entries.get(key);
    if (!out) {
      const { tables, ...report } = checkBudget(loaded.budget, loaded.classification);
      out = { version: loaded.row.version, tables, report, bodies: new Map() };
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, out);
    }
    return out;
  }

  /** Reads only the budget's version when its outputs are cached, nothing when that is known. */
  async get(q: Queryable, unit: UnitRow, year: number): Promise<BudgetOutputs> {
    const key = `${unit.code}:${year}`;
    const known = this.current.get(key);
    const hit = known && this.entries.get(`${known.id}:${known.version}`);
    if (hit) return hit;
    const readAt = this.generation.value;
    const row = await getBudgetVersion(q, unit.code, year);
    if (!row) throw notFound(`${unit.name}（${unit.code}）${year} 年度预算尚未导入`);
    const out = this.entries.get(`${row.id}:${row.version}`) ?? this.of(await loadUnitBudget(q, unit, year));
    if (out.version === row.version) this.current.set(key, row, readAt);
    return out;
  }
}
