import { POOLS } from '../model/funds.ts';
import type { Table } from '../ir/table.ts';
import type { BuildContext } from './context.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { amount, code, group, sum, text } from './columns.ts';
import { addYearEndBalances } from './balances.ts';

const fund = (f: string) => ({ fund: (x: string) => x === f });

export const t02: AggregateDef = {
  id: '02',
  title: '收 入 总 表',
  rows: 'units',
  pool: () => true,
  columns: [
    code('部门（单位）代码', 'code'),
    text('部门（单位）名称', 'name'),
    sum('合计', 'total', 'cur.total', 'co.total'),
    group('本年收入', [
      sum('小计', 'cur.total', 'cur.gpb', 'cur.gf', 'cur.soe', 'cur.sa', 'cur.up.gpb', 'cur.up.gf', 'cur.up.soe', 'cur.shiye', 'cur.operating', 'cur.upper', 'cur.subsidiary', 'cur.other'),
      amount('一般公共预算', 'cur.gpb', { fund: POOLS.gpbCurrent }),
      amount('政府性基金预算', 'cur.gf', { fund: POOLS.gfCurrent }),
      amount('国有资本经营预算', 'cur.soe', { fund: POOLS.soeCurrent }),
      amount('财政专户管理资金', 'cur.sa', { fund: POOLS.saCurrent }),
      group('上级财政补助收入', [
        amount('一般公共预算补助', 'cur.up.gpb', fund('本年/上级财政补助收入/一般公共预算补助')),
        amount('政府性基金补助', 'cur.up.gf', fund('本年/上级财政补助收入/政府性基金补助')),
        amount('国有资本经营预算补助', 'cur.up.soe', fund('本年/上级财政补助收入/国有资本经营预算补助')),
      ]),
      amount('事业收入', 'cur.shiye', fund('本年/事业收入')),
      amount('事业单位经营收入', 'cur.operating', fund('本年/事业单位经营收入')),
      amount('上级补助收入', 'cur.upper', fund('本年/上级补助收入')),
      amount('附属单位上缴收入', 'cur.subsidiary', fund('本年/附属单位上缴收入')),
      amount('其他收入', 'cur.other', fund('本年/其他收入')),
    ]),
    group('上年结转结余', [
      sum('小计', 'co.total', 'co.gpb', 'co.gf', 'co.soe', 'co.sa', 'co.unit'),
      amount('一般公共预算', 'co.gpb', { fund: POOLS.gpbCarry }),
      amount('政府性基金预算', 'co.gf', { fund: POOLS.gfCarry }),
      amount('国有资本经营预算', 'co.soe', { fund: POOLS.soeCarry }),
      amount('财政专户管理资金', 'co.sa', { fund: POOLS.saCarry }),
      amount('单位资金', 'co.unit', fund('上年结转结余/单位资金')),
    ]),
  ],
};

/** Income = the line items funded from each source, plus planned year-end balances (R6). */
export function build02(ctx: BuildContext): Table {
  return addYearEndBalances(aggregate(t02, ctx), t02, ctx);
}
