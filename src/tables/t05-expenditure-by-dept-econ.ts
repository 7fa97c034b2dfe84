import { aggregate, type AggregateDef } from './aggregate.ts';
import { ITEM_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { deptEconKindColumns } from './econ-columns.ts';

export const t05: AggregateDef = {
  id: '05',
  title: '支出预算分类汇总表（按部门预算经济分类）',
  rows: 'items',
  pool: () => true,
  columns: [...ITEM_KEY_COLUMNS, ...deptEconKindColumns('总  计')],
};

export const build05 = (ctx: BuildContext) => aggregate(t05, ctx);
