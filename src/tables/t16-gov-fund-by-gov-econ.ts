import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { ITEM_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { govEconClassColumns } from './econ-columns.ts';

export const t16: AggregateDef = {
  id: '16',
  title: '政府性基金预算支出分类汇总表（按政府预算经济分类）',
  rows: 'items',
  pool: (li) => POOLS.gf(li.fund),
  columns: [...ITEM_KEY_COLUMNS, ...govEconClassColumns('总\u00a0 计')],
};

export const build16 = (ctx: BuildContext) => aggregate(t16, ctx);
