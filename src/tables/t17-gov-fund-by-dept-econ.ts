import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { ITEM_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { deptEconKindColumns } from './econ-columns.ts';

export const t17: AggregateDef = {
  id: '17',
  title: '政府性基金预算支出分类汇总表（按部门预算经济分类）',
  rows: 'items',
  pool: (li) => POOLS.gf(li.fund),
  columns: [...ITEM_KEY_COLUMNS, ...deptEconKindColumns('总  计')],
};

export const build17 = (ctx: BuildContext) => aggregate(t17, ctx);
