import type { LineItem, ThreePublic } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { aggregate, type AggregateDef } from './aggregate.ts';
import { amount, code, group, sum, text } from './columns.ts';
import type { BuildContext } from './context.ts';

/** The 款 that make up “三公”经费 (rule R7). */
export const THREE_PUBLIC_CODES: Record<string, ThreePublic> = {
  '30212': '因公出国（境）费',
  '31013': '公务用车购置费',
  '30913': '公务用车购置费',
  '30231': '公务用车运行费',
  '30217': '公务接待费',
};

/** Which 三公 item a line item is: its explicit mark, else its 款. */
export const threePublicOf = (li: LineItem): ThreePublic | undefined => li.threePublic ?? THREE_PUBLIC_CODES[li.deptEconCode];

const item = (label: string, key: string, which: ThreePublic) => amount(label, key, { test: (li) => threePublicOf(li) === which });

/** Basic and project money alike; carry-over counts [assumed: the seed cannot tell, A8]. */
export const t14: AggregateDef = {
  id: '14',
  title: '一般公共预算“三公”经费支出表',
  rows: 'units',
  pool: (li) => POOLS.gpb(li.fund) && threePublicOf(li) !== undefined,
  columns: [
    code('单位编码', 'code'),
    text('单位名称', 'name'),
    sum('“三公”经费合计', 'total', 'abroad', 'car.total', 'reception'),
    item('因公出国（境）费', 'abroad', '因公出国（境）费'),
    group('公务用车购置及运行费', [
      sum('小计', 'car.total', 'car.purchase', 'car.running'),
      item('公务用车购置费', 'car.purchase', '公务用车购置费'),
      item('公务用车运行费', 'car.running', '公务用车运行费'),
    ]),
    item('公务接待费', 'reception', '公务接待费'),
  ],
};

export const build14 = (ctx: BuildContext) => aggregate(t14, ctx);
