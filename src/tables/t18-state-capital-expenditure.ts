import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { group, TREE_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { basicProjectColumns } from './econ-columns.ts';
import { TREE_ZEROS } from './t07-general-budget-expenditure.ts';

export const t18: AggregateDef = {
  id: '18',
  title: '国有资本经营预算支出表',
  rows: 'tree',
  sectionCode: 'short',
  zeros: [...TREE_ZEROS],
  pool: (li) => POOLS.soe(li.fund),
  columns: [...TREE_KEY_COLUMNS, group('本年国有资本经营预算支出', basicProjectColumns())],
};

export const build18 = (ctx: BuildContext) => aggregate(t18, ctx);
