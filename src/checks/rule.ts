/**
 * Rules are data: an id, a severity, the tables they read, a human formula and messages. The
 * engine turns each rule into comparisons of cell sums on the table IR, so the same catalogue
 * judges yusuan's output and disclosures read back from PDF, text or xlsx.
 */
import type { RowKind } from '../ir/table.ts';
import type { Severity } from './types.ts';

/** Rows a reference adds up. Absent rows count as zero, except label rows, which must exist unless optional. */
export type RowSel =
  | { total: true }
  | { kind: RowKind; code?: string }
  /** The row whose cell in column `in` reads `label` (whitespace and bracket width ignored); `nth` for repeated labels. */
  | { label: string; in: string; nth?: number; optional?: boolean };

/** The sum of the cells of column `col` over the rows `row` of table `table`. */
export interface Ref {
  table: string;
  row: RowSel;
  col: string;
}

export type Op = '=' | '<=';

interface RuleBase {
  id: string;
  severity: Severity;
  tables: string[];
  /** The identity as people write it, in Chinese; shown with every finding. */
  formula: string;
  /** How rounding of displayed figures is allowed for: per term (default), or not at all. */
  tolerance?: 'perTerm' | 'exact';
  /** Why, for the catalogue listing (e.g. the spec identity it implements). */
  note?: string;
}

/** Fixed comparisons between cells. */
export interface CellsRule extends RuleBase {
  kind: 'cells';
  comparisons: { lhs: Ref[]; op?: Op; rhs: Ref[] }[];
  /** The identity ignores 年终结转结余: it is not run when any of these cells is non-zero. */
  unlessNonZero?: Ref[];
}

/** In every row of a table (of the given kinds): total = Σ parts. */
export interface RowSumRule extends RuleBase {
  kind: 'rowSum';
  table: string;
  total: string;
  parts: string[];
  rows?: RowKind[];
}

/** Row hierarchy, every amount column: 合计 = Σ 部门; 部门 = Σ 单位; 单位 = Σ 类 (or 项); 类 = Σ 款; 款 = Σ 项. */
export interface TreeRule extends RuleBase {
  kind: 'tree';
  table: string;
}

/**
 * Rows matched across two tables by (kind, unit, code): Σ left columns op Σ right columns. A row
 * missing on one side counts as zero.
 */
export interface JoinRule extends RuleBase {
  kind: 'join';
  left: string;
  right: string;
  op?: Op;
  /** Each pair: Σ left columns op Σ right columns. */
  pairs: [left: string[], right: string[]][];
  rows: RowKind[];
  /** Only rows (matched by key) whose listed columns are all empty in these tables. */
  whereEmpty?: { table: string; cols: string[] }[];
}

export type Rule = CellsRule | RowSumRule | TreeRule | JoinRule;
