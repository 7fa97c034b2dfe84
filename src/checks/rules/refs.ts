/** Shorthands for writing rule catalogues. */
import type { Ref, RowSumRule, TreeRule } from '../rule.ts';
import type { RowKind } from '../../ir/table.ts';

/** The amount next to `label` in list `list` (rev/fn/dept/gov in 预算01表; rev/exp in 预算06表). */
export const line = (table: string, list: string, label: string, nth?: number): Ref => ({
  table,
  row: { label, in: `${list}.label`, nth },
  col: `${list}.amount`,
});
export const lines = (table: string, list: string, labels: string[]) => labels.map((l) => line(table, list, l));
/** A list line that a table prints only when it has an amount. */
export const optionalLine = (table: string, list: string, label: string): Ref => ({ table, row: { label, in: `${list}.label`, optional: true }, col: `${list}.amount` });

/** Column `col` of the 合计 row. */
export const total = (table: string, col: string): Ref => ({ table, row: { total: true }, col });

/** Column `col` summed over the rows of one kind (and code). */
export const rowsOf = (table: string, kind: RowKind, col: string, code?: string): Ref => ({ table, row: { kind, code }, col });

export const rowSum = (id: string, table: string, totalCol: string, parts: string[], formula: string, rows?: RowKind[]): RowSumRule => ({
  id,
  kind: 'rowSum',
  severity: 'error',
  tables: [table],
  table,
  total: totalCol,
  parts,
  rows,
  formula,
});

export const tree = (id: string, table: string, formula = '合计 = Σ部门；部门 = Σ单位；单位 = Σ类(项)；类 = Σ款；款 = Σ项（各金额列）'): TreeRule => ({
  id,
  kind: 'tree',
  severity: 'error',
  tables: [table],
  table,
  formula,
});
