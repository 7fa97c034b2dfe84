import type { Money } from '../money/money.ts';
import type { LineItem, Project } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import type { BuildContext } from './context.ts';

export const projectKey = (unit: string, name: string) => `${unit}\u0000${name}`;

const byProject = new WeakMap<BuildContext, Map<string, Map<string, LineItem[]>>>();

/** Line items of a unit's project (grouped once per budget: 预算20–22表 all use them). */
export function projectItems(ctx: BuildContext, unit: string, name: string): LineItem[] | undefined {
  let m = byProject.get(ctx);
  if (!m) byProject.set(ctx, (m = groupByProject(ctx)));
  return m.get(unit)?.get(name);
}

/** unit → project name → items: nested maps look the strings up as they are, with no key built per item. */
function groupByProject(ctx: BuildContext): Map<string, Map<string, LineItem[]>> {
  const m = new Map<string, Map<string, LineItem[]>>();
  let unit: string | undefined;
  let byName = new Map<string, LineItem[]>();
  for (const li of ctx.items) {
    if (!li.project) continue;
    // Items mostly come unit by unit: look the unit up only when it changes.
    if (li.unit !== unit) {
      unit = li.unit;
      const known = m.get(unit);
      if (known) byName = known;
      else m.set(unit, (byName = new Map()));
    }
    const list = byName.get(li.project);
    if (list) list.push(li);
    else byName.set(li.project, [li]);
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
