/** 三、部门收支总体情况: income by source and spending by kind, from 预算01表, with last year's totals. */
import { change, share, statement, text, type Piece } from '../statement.ts';
import { line } from '../figures.ts';
import { heading, ownText, paragraph, previous, type SectionContext } from './context.ts';
import type { Block } from '../document.ts';

/** The income lines of 预算01表 as printed, and the name a sentence gives each. */
const INCOME_LINES = [
  '一、一般公共预算拨款收入',
  '二、政府性基金预算拨款收入',
  '三、国有资本经营预算拨款收入',
  '四、财政专户管理资金收入',
  '五、上级财政补助收入',
  '六、事业收入',
  '七、事业单位经营收入',
  '八、上级补助收入',
  '九、附属单位上缴收入',
  '十、其他收入',
  '上年结转结余',
];
const SPENDING_LINES = ['一、基本支出', '二、项目支出', '三、事业单位经营支出', '四、上缴上级支出', '五、对附属单位补助支出'];
const nameOf = (label: string) => label.replace(/^[一二三四五六七八九十]+、/, '');

export function totals(ctx: SectionContext): Block[] {
  const { word: w, year, fig, inputs } = ctx;
  const incomeRef = line('01', 'rev', '收入总计');
  const spendingRef = line('01', 'fn', '支出总计');
  const income = fig.value(incomeRef);
  const spending = fig.value(spendingRef);
  const listed = (list: string, labels: string[], whole: number) => {
    const parts: Piece[] = [];
    for (const l of labels) {
      const ref = line('01', list, l);
      const v = fig.value(ref);
      if (v !== 0) parts.push([parts.length ? '；' : '', text(nameOf(l)), fig.amount(ref), '万元', share(v, whole)]);
    }
    return parts;
  };
  const prevIncome = previous(ctx, 'income');
  const prevSpending = previous(ctx, 'expenditure');
  const balanceRef = line('01', 'fn', '年终结转结余');
  const balance = fig.value(balanceRef);
  return [
    heading(2, `三、${w}收支总体情况`),
    ...paragraph(
      statement('incomeTotal')`收入预算：${String(year)}年本${w}收入预算总计${fig.amount(incomeRef)}万元${income !== 0 && ['，其中：', listed('rev', INCOME_LINES, income)]}。`,
      prevIncome.value !== undefined ? [statement('yearOnYear')`收入预算总计${change(income, prevIncome.value, prevIncome.source)}。`] : [],
      ownText('yearOnYear', inputs.reasons.income),
    ),
    ...paragraph(
      statement('expenditureTotal')`支出预算：${String(year)}年本${w}支出预算总计${fig.amount(spendingRef)}万元${
        spending !== 0 && ['，其中：', listed('dept', SPENDING_LINES, spending)]
      }${balance !== 0 && ['；年终结转结余', fig.amount(balanceRef), '万元']}。`,
      prevSpending.value !== undefined ? [statement('yearOnYear')`支出预算总计${change(spending, prevSpending.value, prevSpending.source)}。`] : [],
      ownText('yearOnYear', inputs.reasons.expenditure),
    ),
  ];
}
