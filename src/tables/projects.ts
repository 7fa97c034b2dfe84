import type { Money } from '../money/money.ts';
import type { LineItem, Project } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import type { BuildContext } from './context.ts';

export const projectKey = (unit: string, name: string) => `${unit}\u0000${name}`;

const byProject = new WeakMap<BuildContext, Map<string, LineItem[]>>();

/** Line items of each project, keyed by unit + name (grouped once per budget: 预算20–22表 all use them). */
export function itemsByProject(ctx: BuildContext): Map<string, LineItem[]> {
  let m = byProject.get(ctx);
  if (!m) byProject.set(ctx, (m = groupByProject(ctx)));
  return m;
}

function groupByProject(ctx: BuildContext): Map<string, LineItem[]> {
  const m = new Map<string, LineItem[]>();
  for (const li of ctx.items) {
    if (!li.project) continue;
    const k = projectKey(li.unit, li.project);
    const list = m.get(k);
    if (list) list.push(li);
    else m.set(k, [li]);
  }
  return m;
}

/** This year's 财政拨款 of a project: what its performance goals (预算21/22表) are set for [assumed, A10]. */
export const fiscalCurrent = (items: LineItem[] = []): Money =>
  items.reduce((s, li) => (POOLS.gpbFiscalCurrent(li.fund) || POOLS.gfFiscalCurrent(li.fund) || POOLS.soeFiscalCurrent(li.fund) ? s + li.amount : s), 0);

/** Projects of a category, in unit then name order of the input. */
export function projectsOf(ctx: BuildContext, category: Project['category']): Project[] {
  const unitOrder = new Map(ctx.units.map((u, i) => [u.code, i]));
  return ctx.budget.projects
    .filter((p) => p.category === category)
    .sort((a, b) => (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0));
}
