import { aggregate, type AggregateDef } from './aggregate.ts';
import { basicGpbOf } from './basic-pool.ts';
import { amount, ITEM_KEY_COLUMNS, sum } from './columns.ts';
import { NOTE_NO_CARRY_OVER } from './common.ts';
import type { BuildContext } from './context.ts';

const gov = (label: string, code: string) => amount(label, `gov.${code}`, { govEcon: [code] });

export const t10: AggregateDef = {
  id: '10',
  title: '一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经济分类)',
  notes: [NOTE_NO_CARRY_OVER],
  rows: 'items',
  pool: basicGpbOf('303'),
  columns: [
    ...ITEM_KEY_COLUMNS,
    sum('总计', 'total', 'gov.50901', 'gov.50902', 'gov.50903', 'gov.50905', 'gov.50999'),
    gov('社会福利和救助', '50901'),
    gov('助学金', '50902'),
    gov('个人农业生产补贴', '50903'),
    gov('离退休费', '50905'),
    gov('其他对个人和家庭的补助', '50999'),
  ],
};

export const build10 = (ctx: BuildContext) => aggregate(t10, ctx);
