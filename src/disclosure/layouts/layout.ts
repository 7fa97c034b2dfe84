/**
 * What a reader needs to know about a published table set: each table's id, titles, header tree
 * (leaves carry column keys), how its rows are laid out, and the sums that hold inside a row.
 */
import type { Rule } from '../../checks/rule.ts';
import type { ColumnNode } from '../../ir/table.ts';

export type RowLayout =
  /** side-by-side label + amount lists (预算01表, 预算06表) */
  | 'lists'
  /** 合计, 部门, 单位 */
  | 'units'
  /** 合计, 部门, 单位, then 类 › 款 › 项 rows with codes in one column */
  | 'tree'
  /** 合计, 部门, 单位, then 项 rows with 类 / 款 / 项 code columns and the unit code */
  | 'items'
  /** 合计, 部门, 单位, then named projects without codes (预算20表) */
  | 'projects'
  /** one row per project with long goal texts (预算21表, 预算22表) */
  | 'goals';

/** In every row: the cell of `key` = Σ the cells of `parts` (empty cells count as zero). */
export interface SumIdentity {
  key: string;
  parts: string[];
}

export interface TableLayout {
  id: string;
  mark: string;
  title: string;
  header: ColumnNode[];
  rows: RowLayout;
  /** Whether the table prints a 合计 row (预算13表 does not). */
  totalRow: boolean;
  /** Other titles the table is published under (matching ignores spaces and bracket widths). */
  titles?: string[];
  sums?: SumIdentity[];
  /** Columns that print 0.00 in the first row of the empty table (the zero-printing convention). */
  emptyZeros?: string[];
  /** Side-by-side lists: the label cells of every row, as printed (null where a list has ended). */
  listRows?: (string | null)[][];
  /** Columns no line item can reach under the classification's mapping: a printed figure is never there. */
  unreachable?: string[];
  /** Code list of the tree rows (default: 支出功能分类). */
  codes?: 'function' | 'deptEcon';
  /** Whether department and unit rows come before the subject rows (default: yes, as in Hunan). */
  orgRows?: boolean;
}

export type LayoutId = 'hunan-23' | 'standard-9' | 'mof-budget' | 'mof-final';

export interface LayoutSet {
  id: LayoutId;
  tables: TableLayout[];
  /** Whether tables carry a `预算NN表`-style mark before the title. */
  marks: boolean;
  /** The identities the audit checks. */
  rules: Rule[];
  /** The identities readers place figures by (the check catalogue, or part of it). */
  hints: Rule[];
}
