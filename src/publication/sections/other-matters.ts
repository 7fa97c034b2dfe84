/**
 * 六、其他重要事项的情况说明 (一)–(三): 机关运行经费 and 一般性支出 are derived from the model, not
 * typed; “三公”经费 is read from 预算14表.
 */
import { POOLS } from '../../model/funds.ts';
import { amount, change, count, statement, text } from '../statement.ts';
import { ofKind, total } from '../figures.ts';
import { heading, ownText, paragraph, previous, type SectionContext } from './context.ts';
import type { Block } from '../document.ts';

/** Units whose 公用经费 is 机关运行经费: 行政单位 and 参照公务员法管理的事业单位. */
export const OFFICE_UNITS = new Set(['行政单位', '参公事业单位']);

/**
 * 机关运行经费: the 一般公共预算 基本支出 公用经费 of 行政 and 参公 units, i.e. their 单位 rows of
 * 预算07表 in the 公用经费 column.
 */
export function officeRunning(ctx: SectionContext): Block[] {
  const { word: w, year, fig, budget } = ctx;
  const units = budget.units.filter((u) => OFFICE_UNITS.has(u.type));
  const head = heading(3, '（一）机关运行经费');
  if (!units.length) {
    const why = budget.units.length === 1 ? `本单位为${budget.units[0].type}` : `本部门所属单位均为事业单位`;
    return [head, ...paragraph(statement('none')`${why}，无机关运行经费。`)];
  }
  const refs = units.map((u) => ofKind('07', 'unit', 'basic.302', u.code));
  const v = fig.value(...refs);
  const prev = previous(ctx, 'officeRunning');
  return [
    head,
    ...paragraph(
      statement('officeRunning')`${String(year)}年本${w}机关运行经费${fig.amount(...refs)}万元${change(v, prev.value, prev.source) && ['，', change(v, prev.value, prev.source)]}。`,
      ownText('officeRunning', ctx.inputs.reasons.officeRunning),
    ),
  ];
}

export function threePublic(ctx: SectionContext): Block[] {
  const { word: w, year, fig } = ctx;
  const all = total('14', 'total');
  const v = fig.value(all);
  const prev = previous(ctx, 'threePublic');
  const head = heading(3, '（二）“三公”经费预算');
  if (v === 0 && !prev.value) return [head, ...paragraph(statement('none')`${String(year)}年本${w}无“三公”经费预算。`)];
  return [
    head,
    ...paragraph(
      statement('threePublic')`${String(year)}年本${w}“三公”经费预算${fig.amount(all)}万元，其中：因公出国（境）费${fig.amount(total('14', 'abroad'))}万元，公务用车购置费${fig.amount(total('14', 'car.purchase'))}万元，公务用车运行费${fig.amount(total('14', 'car.running'))}万元，公务接待费${fig.amount(total('14', 'reception'))}万元。`,
      prev.value !== undefined ? [statement('yearOnYear')`“三公”经费预算${change(v, prev.value, prev.source)}。`] : [],
      ownText('threePublic', ctx.inputs.reasons.threePublic),
    ),
  ];
}

/** 会议费 and 培训费 (部门预算经济分类 30215, 30216) paid from 一般公共预算, basic and project alike. */
export const GENERAL_EXPENDITURE = { meetings: { code: '30215', name: '会议费' }, training: { code: '30216', name: '培训费' } } as const;

export function generalExpenditure(ctx: SectionContext): Block[] {
  const { word: w, year, budget, inputs } = ctx;
  const head = heading(3, '（三）一般性支出情况');
  const of = (key: keyof typeof GENERAL_EXPENDITURE) => {
    const { code, name } = GENERAL_EXPENDITURE[key];
    const v = budget.lineItems.filter((li) => li.deptEconCode === code && POOLS.gpb(li.fund)).reduce((s, li) => s + li.amount, 0);
    return { name, slot: amount(v, { from: 'lineItems', what: `一般公共预算 ${code} ${name}` }), v };
  };
  const meetings = of('meetings');
  const training = of('training');
  if (meetings.v === 0 && training.v === 0) return [head, ...paragraph(statement('none')`${String(year)}年本${w}无会议费、培训费预算。`)];
  const detail = (d: { count: number; people?: number; content?: string } | undefined, act: string) =>
    d && ['，拟', act, count(d.count), '次', d.people !== undefined && ['，参加人数', count(d.people), '人'], d.content && ['，主要内容为', text(d.content)]];
  const prevM = previous(ctx, 'meetings');
  const prevT = previous(ctx, 'training');
  return [
    head,
    ...paragraph(
      statement('generalExpenditure')`${String(year)}年本${w}一般公共预算安排会议费${meetings.slot}万元${detail(inputs.meetings, '召开会议')}${
        change(meetings.v, prevM.value, prevM.source) && ['，', change(meetings.v, prevM.value, prevM.source)]
      }；培训费${training.slot}万元${detail(inputs.training, '举办培训')}${change(training.v, prevT.value, prevT.source) && ['，', change(training.v, prevT.value, prevT.source)]}。`,
      ownText('generalExpenditure', inputs.reasons.generalExpenditure),
    ),
  ];
}
