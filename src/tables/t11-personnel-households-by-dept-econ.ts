import { aggregate, type AggregateDef } from './aggregate.ts';
import { basicGpbOf } from './basic-pool.ts';
import { amount, ITEM_KEY_COLUMNS, sum } from './columns.ts';
import type { BuildContext } from './context.ts';

const COLUMNS: [string, string][] = [
  ['30301', '离休费'],
  ['30302', '退休费'],
  ['30303', '退职（役）费'],
  ['30304', '抚恤金'],
  ['30305', '生活补助'],
  ['30306', '救济费'],
  ['30307', '医疗费补助'],
  ['30308', '助学金'],
  ['30309', '奖励金'],
  ['30310', '个人农业生产补贴'],
  ['30311', '代缴社会保险费'],
  ['30399', '其他对个人和家庭的补助'],
];

/** The seed prints no 不含上年结转结余 note under this table, unlike 08/09/10/12/13. */
export const t11: AggregateDef = {
  id: '11',
  title: '一般公共预算基本支出表--人员经费(对个人和家庭的补助)（按部门预算经济分类）',
  rows: 'items',
  pool: basicGpbOf('303'),
  columns: [
    ...ITEM_KEY_COLUMNS,
    sum('总计', 'total', ...COLUMNS.map(([c]) => `e.${c}`)),
    ...COLUMNS.map(([c, label]) => amount(label, `e.${c}`, { deptEcon: [c] })),
  ],
};

export const build11 = (ctx: BuildContext) => aggregate(t11, ctx);
