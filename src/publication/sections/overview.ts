/** 一、部门基本概况 （一）职能职责 （二）机构设置; 二、部门预算单位构成. */
import { count, statement, text } from '../statement.ts';
import { heading, ownText, paragraph, type SectionContext } from './context.ts';
import type { Block } from '../document.ts';

export function overview(ctx: SectionContext): Block[] {
  const { word: w, inputs, budget } = ctx;
  const duties = inputs.duties ?? budget.unitPerformance.map((u) => u.duties.trim()).filter(Boolean).join('\n');
  const divisions = inputs.divisions;
  const staff = inputs.staffing;
  const organisation = [
    ...ownText('units', inputs.organisation),
    ...(divisions.length ? [statement('units')`本${w}内设机构${count(divisions.length)}个：${text(divisions.join('、'))}。`] : []),
    ...(staff
      ? [
          statement('staffing')`本${w}编制数${count(staff.establishment)}人，实有在职人数${count(staff.serving)}人${
            staff.retired !== undefined && ['，离退休人员', count(staff.retired), '人']
          }。`,
        ]
      : []),
  ];
  return [
    heading(2, `一、${w}基本概况`),
    heading(3, '（一）职能职责'),
    ...(duties ? duties.split('\n').flatMap((d) => paragraph(ownText('units', d))) : paragraph(statement('none')`本${w}未提供职能职责说明。`)),
    heading(3, '（二）机构设置'),
    ...(organisation.length
      ? organisation.flatMap((s) => paragraph(s))
      : paragraph(statement('units')`本${w}未单独设置内设机构。`)),
  ];
}

export function composition(ctx: SectionContext): Block[] {
  const { word: w, budget, year } = ctx;
  const notes = new Map(ctx.inputs.unitNotes.map((n) => [n.unit, n]));
  const byType = new Map<string, number>();
  for (const u of budget.units) byType.set(u.type, (byType.get(u.type) ?? 0) + 1);
  const kinds = [...byType].map(([type, n]) => [`${type}`, count(n), '个']);
  const intro = statement('units')`纳入本${w}${String(year)}年${w}预算编制范围的单位共${count(budget.units.length)}个，其中：${kinds.map((k, i) => (i ? ['，', ...k] : k))}。具体包括：`;
  const list = budget.units.map((u, i) => {
    const n = notes.get(u.code);
    const kind = [u.type, n?.funding].filter(Boolean).join('，');
    return statement('units')`${String(i + 1)}.${text(u.name)}（${text(kind)}）${n?.note ? ['：', text(n.note)] : ''}${i === budget.units.length - 1 ? '。' : '；'}`;
  });
  return [heading(2, `二、${w}预算单位构成`), ...paragraph(intro), ...list.flatMap((s) => paragraph(s))];
}
