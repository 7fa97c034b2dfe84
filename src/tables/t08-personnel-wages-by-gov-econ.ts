import { aggregate, type AggregateDef } from './aggregate.ts';
import { basicGpbOf } from './basic-pool.ts';
import { amount, group, ITEM_KEY_COLUMNS, sum } from './columns.ts';
import { NOTE_NO_CARRY_OVER } from './common.ts';
import type { BuildContext } from './context.ts';

const gov = (label: string, code: string) => amount(label, `gov.${code}`, { govEcon: [code] });

export const t08: AggregateDef = {
  id: '08',
  title: '一般公共预算基本支出表--人员经费(工资福利支出)(按政府预算经济分类)',
  notes: [NOTE_NO_CARRY_OVER],
  rows: 'items',
  pool: basicGpbOf('301'),
  columns: [
    ...ITEM_KEY_COLUMNS,
    sum('总  计', 'total', 'gov.501', 'gov.505'),
    group('机关工资福利支出', [
      sum('合计', 'gov.501', 'gov.50101', 'gov.50102', 'gov.50103', 'gov.50199'),
      gov('工资奖金津补贴', '50101'),
      gov('社会保障缴费', '50102'),
      gov('住房公积金', '50103'),
      gov('其他工资福利支出', '50199'),
    ]),
    group('对事业单位经常性补助', [
      sum('合计', 'gov.505', 'gov.50501', 'gov.50599'),
      gov('工资福利支出', '50501'),
      gov('其他对事业单位补助', '50599'),
    ]),
  ],
};

export const build08 = (ctx: BuildContext) => aggregate(t08, ctx);
