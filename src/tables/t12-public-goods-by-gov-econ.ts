import { aggregate, type AggregateDef } from './aggregate.ts';
import { basicGpbOf } from './basic-pool.ts';
import { amount, group, ITEM_KEY_COLUMNS, sum } from './columns.ts';
import { NOTE_NO_CARRY_OVER } from './common.ts';
import type { BuildContext } from './context.ts';

const gov = (label: string, code: string) => amount(label, `gov.${code}`, { govEcon: [code] });

/** 机关·合计 sums all of 502: basic 50204/50207 have no column of their own (rule R4 flags them). */
export const t12: AggregateDef = {
  id: '12',
  title: '一般公共预算基本支出表--公用经费(商品和服务支出)（按政府预算经济分类）',
  notes: [NOTE_NO_CARRY_OVER],
  rows: 'items',
  pool: basicGpbOf('302'),
  columns: [
    ...ITEM_KEY_COLUMNS,
    sum('总计', 'total', 'gov.502', 'gov.505'),
    group('机关商品和服务支出', [
      amount('合计', 'gov.502', { govEcon: ['502'] }),
      gov('办公经费', '50201'),
      gov('会议费', '50202'),
      gov('培训费', '50203'),
      gov('委托业务费', '50205'),
      gov('公务接待费', '50206'),
      gov('公务用车运行维护费', '50208'),
      gov('维修(护)费', '50209'),
      gov('其他商品和服务支出', '50299'),
    ]),
    group('对事业单位经常性补助', [
      sum('合计', 'gov.505', 'gov.50502', 'gov.50599'),
      gov('商品和服务支出', '50502'),
      gov('其他对事业单位补助', '50599'),
    ]),
  ],
};

export const build12 = (ctx: BuildContext) => aggregate(t12, ctx);
