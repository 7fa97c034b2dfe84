import { aggregate, type AggregateDef } from './aggregate.ts';
import type { BuildContext } from './context.ts';
import { amount, BASIC, PROJECT, sum, TREE_KEY_COLUMNS } from './columns.ts';

export const t03: AggregateDef = {
  id: '03',
  title: '支 出 总 表',
  rows: 'tree',
  sectionCode: 'full',
  pool: () => true,
  columns: [
    ...TREE_KEY_COLUMNS,
    sum('合计', 'total', 'basic', 'project', 'operating', 'upper', 'subsidiary'),
    amount('基本支出', 'basic', { kinds: BASIC }),
    amount('项目支出', 'project', { kinds: PROJECT }),
    amount('事业单位经营支出', 'operating', { kinds: ['事业单位经营支出'] }),
    amount('上缴上级支出', 'upper', { kinds: ['上缴上级支出'] }),
    amount('对附属单位补助支出', 'subsidiary', { kinds: ['对附属单位补助支出'] }),
  ],
};

export const build03 = (ctx: BuildContext) => aggregate(t03, ctx);
