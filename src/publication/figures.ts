/**
 * Figures of part one read from the 23 tables with the rule engine's references, so a sentence
 * states exactly what a table prints and says which cells it summed.
 */
import type { Ref } from '../checks/rule.ts';
import { TableSet } from '../checks/table-set.ts';
import type { Table } from '../ir/table.ts';
import type { Money } from '../money/money.ts';
import { amount, type Slot, type Source } from './statement.ts';

export class Figures {
  private readonly set: TableSet;

  constructor(readonly tables: Table[]) {
    this.set = new TableSet(tables);
  }

  /** The sum of the referenced cells. */
  value(...refs: Ref[]): Money {
    return refs.reduce((s, r) => s + this.set.resolve(r).sum, 0);
  }

  source(...refs: Ref[]): Source {
    return { from: 'tables', refs };
  }

  /** An amount slot of the referenced cells. */
  amount(...refs: Ref[]): Slot {
    return amount(this.value(...refs), this.source(...refs));
  }

  table(id: string): Table {
    return this.set.get(id).table;
  }

  /** The 类 of a function-classified table, in printed order, once each (a department lists them under every unit). */
  classes(id: string): { code: string; name: string }[] {
    const seen = new Map<string, string>();
    for (const r of this.table(id).rows) if (r.kind === 'class' && r.code && !seen.has(r.code)) seen.set(r.code, String(r.cells[1] ?? ''));
    return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Rows of a kind in a table. */
  count(id: string, kind: Table['rows'][number]['kind']): number {
    return this.table(id).rows.filter((r) => r.kind === kind).length;
  }
}

/** References used by several sections. */
export const total = (table: string, col: string): Ref => ({ table, row: { total: true }, col });
export const line = (table: string, list: string, label: string): Ref => ({ table, row: { label, in: `${list}.label`, optional: true }, col: `${list}.amount` });
export const ofKind = (table: string, kind: Table['rows'][number]['kind'], col: string, code?: string): Ref => ({ table, row: { kind, code }, col });
