import type { Table } from '../ir/table.ts';
import { isFiscal, POOLS } from '../model/funds.ts';
import { mark } from './common.ts';
import { perSignature, type BuildContext } from './context.ts';
import { blankZero, chineseNumeral, FUNCTION_CLASS_LIST, FUNCTION_CLASS_SLOT, FundSums, sideBySide, zeros, Entries } from './lists.ts';

export const HEADER_06 = [
  { label: '收入', children: [{ label: '项目', key: 'rev.label', kind: 'text' as const }, { label: '预算数', key: 'rev.amount' }] },
  { label: '支出', children: [{ label: '项目', key: 'exp.label', kind: 'text' as const }, { label: '预算数', key: 'exp.amount' }] },
];

/** The same in every table: made once per process. */
const FUNCTION_LABELS = FUNCTION_CLASS_LIST.map(([, label], i) => `（${chineseNumeral(i + 1)}）${label}`);

const SOURCES = ['（一）一般公共预算拨款', '（二）政府性基金预算拨款', '（三）国有资本经营预算拨款'];

/** Revenue, spending and footer lists, written anew for each table. */
const LISTS = [new Entries(), new Entries(), new Entries()];

const fiscalOf = perSignature((li) => isFiscal(li.fund));

/** 财政拨款 (一般公共预算, 政府性基金, 国有资本经营预算): income by source, spending by function 类. */
export function build06(ctx: BuildContext): Table {
  const income = new FundSums();
  let spent = 0;
  let anyFiscal = false;
  const { signatureItem, signatureAmount, signatureId } = ctx;
  for (let k = 0; k < signatureItem.length; k++)
    if (fiscalOf(signatureId[k], signatureItem[k])) {
      anyFiscal = true;
      spent += signatureAmount[k];
      income.add(signatureItem[k].fund, signatureAmount[k]);
    }
  const balances = ctx.budget.yearEndBalances.filter((b) => isFiscal(b.fund));
  for (const b of balances) income.add(b.fund, b.amount);
  const inc = (p: (f: string) => boolean) => income.sum(p);

  const cur = [POOLS.gpbFiscalCurrent, POOLS.gfFiscalCurrent, POOLS.soeFiscalCurrent].map(inc);
  const co = [POOLS.gpbCarry, POOLS.gfCarry, POOLS.soeCarry].map(inc);
  // Lists pushed, not spread into literals: a spread iterates, per table.
  const revenue = LISTS[0].reuse();
  revenue.add('一、本年收入', blankZero(cur[0] + cur[1] + cur[2]));
  for (let i = 0; i < SOURCES.length; i++) revenue.add(SOURCES[i], blankZero(cur[i]));
  revenue.add('二、上年结转', blankZero(co[0] + co[1] + co[2]));
  for (let i = 0; i < SOURCES.length; i++) revenue.add(SOURCES[i], blankZero(co[i]));
  // Fiscal spending by (unit, 项) cell, then by the cells' 类.
  const { items, signature, cell, cellParts } = ctx;
  const byCell = zeros(cellParts.length);
  for (let i = 0; i < items.length; i++) if (fiscalOf(signature[i], items[i])) byCell[cell[i]] += items[i].amount;
  const byClass = zeros(FUNCTION_CLASS_LIST.length);
  for (let c = 0; c < byCell.length; c++) {
    const slot = byCell[c] === 0 ? undefined : FUNCTION_CLASS_SLOT.get(cellParts[c].class);
    if (slot !== undefined) byClass[slot] += byCell[c];
  }
  const balance = balances.reduce((s, b) => s + b.amount, 0);
  const expenditure = LISTS[1].reuse();
  expenditure.add('一、本年支出', blankZero(spent));
  for (let i = 0; i < FUNCTION_LABELS.length; i++) expenditure.add(FUNCTION_LABELS[i], blankZero(byClass[i]));
  // printed as 0.00 even when there is none (seed)
  expenditure.add('二、年终结转结余', balance);
  const footer = LISTS[2].reuse();
  footer.add('收    入    总    计', inc(isFiscal));
  footer.add('支    出    总    计', spent + balance);
  const rows = sideBySide([revenue, expenditure], [footer]);
  return {
    id: '06',
    mark: mark('06'),
    title: '财政拨款收支总表',
    filer: ctx.filer,
    unit: '万元',
    header: HEADER_06,
    rows,
    notes: ['注：本表中本年收入包括本级安排和上级补助，含当年支出和上年结转结余资金。'],
    empty: !anyFiscal && balances.length === 0,
  };
}
