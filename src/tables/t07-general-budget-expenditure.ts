import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { TREE_KEY_COLUMNS } from './columns.ts';
import type { BuildContext } from './context.ts';
import { basicProjectColumns } from './econ-columns.ts';

/** Zeros print as 0.00 on 类 and 款 rows (seen in the seed); on 合计/部门/单位 rows [assumed]. */
export const TREE_ZEROS = ['total', 'department', 'unit', 'class', 'section'] as const;

export const t07: AggregateDef = {
  id: '07',
  title: '一般公共预算支出表',
  notes: ['注：支出包括当年预算和上年结转安排的所有支出。'],
  rows: 'tree',
  sectionCode: 'short',
  zeros: [...TREE_ZEROS],
  pool: (li) => POOLS.gpb(li.fund),
  columns: [...TREE_KEY_COLUMNS, ...basicProjectColumns()],
};

export const build07 = (ctx: BuildContext) => aggregate(t07, ctx);
