import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { amount, code, group, sum, text } from './columns.ts';
import type { BuildContext } from './context.ts';

/** The 款 that make up “三公”经费 (rule R7). */
export const THREE_PUBLIC = {
  abroad: ['30212'],
  carPurchase: ['31013', '30913'],
  carRunning: ['30231'],
  reception: ['30217'],
} as const;

const ALL: readonly string[] = Object.values(THREE_PUBLIC).flat();

/** Basic and project money alike; carry-over counts [assumed: the seed cannot tell, A8]. */
export const t14: AggregateDef = {
  id: '14',
  title: '一般公共预算“三公”经费支出表',
  rows: 'units',
  pool: (li) => POOLS.gpb(li.fund) && ALL.includes(li.deptEconCode),
  columns: [
    code('单位编码', 'code'),
    text('单位名称', 'name'),
    sum('“三公”经费合计', 'total', 'abroad', 'car.total', 'reception'),
    amount('因公出国（境）费', 'abroad', { deptEcon: THREE_PUBLIC.abroad }),
    group('公务用车购置及运行费', [
      sum('小计', 'car.total', 'car.purchase', 'car.running'),
      amount('公务用车购置费', 'car.purchase', { deptEcon: THREE_PUBLIC.carPurchase }),
      amount('公务用车运行费', 'car.running', { deptEcon: THREE_PUBLIC.carRunning }),
    ]),
    amount('公务接待费', 'reception', { deptEcon: THREE_PUBLIC.reception }),
  ],
};

export const build14 = (ctx: BuildContext) => aggregate(t14, ctx);
