import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { group, TREE_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { basicProjectColumns } from './econ-columns.ts';
import { TREE_ZEROS } from './t07-general-budget-expenditure.ts';

/** Includes carry-over of the fund, like 预算07表 [assumed, A9]; needed for 预算06表 to balance. */
export const t15: AggregateDef = {
  id: '15',
  title: '政府性基金预算支出表',
  rows: 'tree',
  sectionCode: 'short',
  zeros: [...TREE_ZEROS],
  pool: (li) => POOLS.gf(li.fund),
  columns: [...TREE_KEY_COLUMNS, group('本年政府性基金预算支出', basicProjectColumns())],
};

export const build15 = (ctx: BuildContext) => aggregate(t15, ctx);
