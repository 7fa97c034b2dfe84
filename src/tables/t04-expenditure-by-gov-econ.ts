import { aggregate, type AggregateDef } from './aggregate.ts';
import { ITEM_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { govEconClassColumns } from './econ-columns.ts';

export const t04: AggregateDef = {
  id: '04',
  title: '支出预算分类汇总表（按政府预算经济分类）',
  rows: 'items',
  pool: () => true,
  columns: [...ITEM_KEY_COLUMNS, ...govEconClassColumns('总\u00a0 计')],
};

export const build04 = (ctx: BuildContext) => aggregate(t04, ctx);
