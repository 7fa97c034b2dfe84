import { aggregate, type AggregateDef } from './aggregate.ts';
import { basicGpbOf } from './basic-pool.ts';
import { amount, ITEM_KEY_COLUMNS } from './columns.ts';
import { NOTE_NO_CARRY_OVER } from './common.ts';
import type { BuildContext } from './context.ts';

/** The 20 款 of 302 that basic 公用经费 may use (rule R4). */
export const PUBLIC_GOODS_COLUMNS: [string, string][] = [
  ['30201', '办公费'],
  ['30202', '印刷费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30207', '邮电费'],
  ['30208', '取暖费'],
  ['30209', '物业管理费'],
  ['30211', '差旅费'],
  ['30213', '维修(护)费'],
  ['30214', '租赁费'],
  ['30215', '会议费'],
  ['30216', '培训费'],
  ['30217', '公务接待费'],
  ['30226', '劳务费'],
  ['30228', '工会经费'],
  ['30229', '福利费'],
  ['30231', '公务用车运行维护费'],
  ['30239', '其他交通费用'],
  ['30240', '税金及附加费用'],
  ['30299', '其他商品和服务支出'],
];

/** No 合计 row in the seed. 总计 is all basic 302 money, so a 款 without a column shows as a gap. */
export const t13: AggregateDef = {
  id: '13',
  title: '一般公共预算基本支出表--公用经费(商品和服务支出)(按部门预算经济分类)',
  notes: [NOTE_NO_CARRY_OVER],
  rows: 'items',
  noTotalRow: true,
  pool: basicGpbOf('302'),
  columns: [
    ...ITEM_KEY_COLUMNS,
    amount('总 计', 'total', {}),
    ...PUBLIC_GOODS_COLUMNS.map(([c, label]) => amount(label, `e.${c}`, { deptEcon: [c] })),
  ],
};

export const build13 = (ctx: BuildContext) => aggregate(t13, ctx);
