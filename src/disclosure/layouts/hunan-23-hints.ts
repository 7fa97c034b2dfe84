/**
 * Identities the readers use to place figures beyond the check catalogue: 预算08表 and 预算12表
 * cover part of the money of 预算04表 (basic 一般公共预算 spending on 301 / 302), so row by row
 * none of their 政府经济分类 classes exceeds 预算04表's. That decides 机关 (501/502) against
 * 对事业单位经常性补助 (505) when every row prints the same figure three times.
 */
import type { JoinRule } from '../../checks/rule.ts';

const ROWS: JoinRule['rows'] = ['total', 'department', 'unit', 'item'];

const within04 = (id: string, table: string, classes: string[]): JoinRule => ({
  id,
  kind: 'join',
  severity: 'error',
  tables: [table, '04'],
  left: table,
  right: '04',
  op: '<=',
  pairs: classes.map((c) => [[`gov.${c}`], [`gov.${c}`]]),
  rows: ROWS,
  formula: `预算${table}表 各政府经济分类 ≤ 预算04表 对应列（逐行）`,
});

export const HUNAN_23_HINTS: JoinRule[] = [within04('R08-04', '08', ['501', '505']), within04('R12-04', '12', ['502', '505'])];
