/**
 * The vocabulary table definitions are written in: columns with what they sum, so that each
 * table file reads like the table it builds.
 */
import type { ColumnNode } from '../ir/table.ts';
import type { Kind, LineItem } from '../model/budget.ts';

/** Which line items an amount column adds up (all given conditions must hold). */
export interface Match {
  kinds?: readonly Kind[];
  /** 部门预算经济分类 code prefixes (类 "301" or 款 "30101") */
  deptEcon?: readonly string[];
  /** 政府预算经济分类 code prefixes */
  govEcon?: readonly string[];
  fund?: (fund: string) => boolean;
  /** Any other condition on the signature's fields (fund, kind, economic codes, 三公 mark). */
  test?: (li: LineItem) => boolean;
}

/** An amount column either matches line items or sums other columns of the same row. */
export type Measure = { match: Match } | { sum: readonly string[] };

export interface DefColumn extends ColumnNode {
  measure?: Measure;
  children?: DefColumn[];
}

export const BASIC: readonly Kind[] = ['基本支出-人员经费', '基本支出-公用经费'];
export const PROJECT: readonly Kind[] = ['项目支出'];

export const text = (label: string, key: string): DefColumn => ({ label, key, kind: 'text' });
export const code = (label: string, key: string): DefColumn => ({ label, key, kind: 'code' });
export const group = (label: string, children: DefColumn[]): DefColumn => ({ label, children });
export const amount = (label: string, key: string, match: Match): DefColumn => ({ label, key, kind: 'amount', measure: { match } });
export const sum = (label: string, key: string, ...keys: string[]): DefColumn => ({ label, key, kind: 'amount', measure: { sum: keys } });

export function matches(m: Match, li: LineItem): boolean {
  if (m.kinds && !m.kinds.includes(li.kind)) return false;
  if (m.deptEcon && !m.deptEcon.some((p) => li.deptEconCode.startsWith(p))) return false;
  if (m.govEcon && !m.govEcon.some((p) => li.govEconCode.startsWith(p))) return false;
  if (m.fund && !m.fund(li.fund)) return false;
  if (m.test && !m.test(li)) return false;
  return true;
}

/** The key columns of the function-item tables (04, 05, 08–13, 16, 17). */
export const ITEM_KEY_COLUMNS: DefColumn[] = [
  group('功能科目', [code('类', 'fn.class'), code('款', 'fn.section'), code('项', 'fn.item')]),
  code('单位代码', 'unit.code'),
  text('单位名称（功能科目）', 'name'),
];

/** The key columns of the function-tree tables (03, 07, 15, 18, 19). */
export const TREE_KEY_COLUMNS: DefColumn[] = [code('科目编码', 'code'), text('科目名称', 'name')];
