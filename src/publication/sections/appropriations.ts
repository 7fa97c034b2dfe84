/**
 * 四、一般公共预算拨款支出 (预算07表: by kind, and by 功能类 with each share) and 五、政府性基金预算支出
 * (预算15表, with 国有资本经营预算 of 预算18表). An empty source reads as the documents say it:
 * 本部门无政府性基金预算支出。
 */
import { change, share, statement, text } from '../statement.ts';
import { ofKind, total } from '../figures.ts';
import { heading, paragraph, previous, type SectionContext } from './context.ts';
import type { Block } from '../document.ts';

/** 一般公共预算 / 政府性基金 / 国有资本经营: the same column layout (07, 15, 18). */
function byFunction(ctx: SectionContext, id: string) {
  const { fig } = ctx;
  const whole = fig.value(total(id, 'total'));
  return fig.classes(id).map(({ code, name }, i) => {
    const ref = ofKind(id, 'class', 'total', code);
    return [i ? '；' : '', text(`${name}（类）`), fig.amount(ref), '万元', share(fig.value(ref), whole)];
  });
}

export function generalBudget(ctx: SectionContext): Block[] {
  const { word: w, year, fig } = ctx;
  const all = total('07', 'total');
  const gpb = fig.value(all);
  const prev = previous(ctx, 'gpb');
  const head = heading(2, '四、一般公共预算拨款支出');
  if (gpb === 0 && prev.value === undefined) return [head, ...paragraph(statement('none')`本${w}无一般公共预算拨款支出。`)];
  const basic = total('07', 'basic.total');
  return [
    head,
    ...paragraph(
      statement('gpbTotal')`${String(year)}年本${w}一般公共预算拨款支出${fig.amount(all)}万元，其中：基本支出${fig.amount(basic)}万元${share(fig.value(basic), gpb)}；项目支出${fig.amount(total('07', 'project'))}万元${share(fig.value(total('07', 'project')), gpb)}。`,
      prev.value !== undefined ? [statement('yearOnYear')`一般公共预算拨款支出${change(gpb, prev.value, prev.source)}。`] : [],
    ),
    ...paragraph(
      statement('gpbBasic')`基本支出中，人员经费${fig.amount(total('07', 'basic.301'), total('07', 'basic.303'))}万元，主要包括工资福利支出和对个人和家庭的补助；公用经费${fig.amount(total('07', 'basic.302'))}万元，主要包括办公费、差旅费、会议费、培训费等商品和服务支出。`,
    ),
    ...(gpb !== 0 ? paragraph(statement('gpbByFunction')`按支出功能分类，一般公共预算拨款支出主要用于：${byFunction(ctx, '07')}。`) : []),
  ];
}

export function governmentFunds(ctx: SectionContext): Block[] {
  const { word: w, year, fig } = ctx;
  const gf = total('15', 'total');
  const soe = total('18', 'total');
  return [
    heading(2, '五、政府性基金预算支出'),
    ...paragraph(
      fig.value(gf) === 0
        ? statement('none')`本${w}无政府性基金预算支出。`
        : statement('govFundTotal')`${String(year)}年本${w}政府性基金预算拨款支出${fig.amount(gf)}万元，其中：${byFunction(ctx, '15')}。`,
      fig.value(soe) === 0
        ? statement('none')`本${w}无国有资本经营预算支出。`
        : statement('stateCapitalTotal')`${String(year)}年本${w}国有资本经营预算拨款支出${fig.amount(soe)}万元，其中：${byFunction(ctx, '18')}。`,
    ),
  ];
}
