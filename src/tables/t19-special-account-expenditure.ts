import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { group, TREE_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { basicProjectColumns } from './econ-columns.ts';
import { TREE_ZEROS } from './t07-general-budget-expenditure.ts';

/** This year's 财政专户管理资金 only [assumed, A9]: it must equal 预算01表 四、财政专户管理资金收入. */
export const t19: AggregateDef = {
  id: '19',
  title: '财政专户管理资金预算支出表',
  notes: ['注：本表指纳入专户管理的教育收入等收入。'],
  rows: 'tree',
  sectionCode: 'short',
  zeros: [...TREE_ZEROS],
  pool: (li) => POOLS.saCurrent(li.fund),
  columns: [...TREE_KEY_COLUMNS, group('本年财政专户管理资金支出', basicProjectColumns())],
};

export const build19 = (ctx: BuildContext) => aggregate(t19, ctx);
