import type { Money } from '../money/money.ts';
import type { LineItem, Project, ProjectPerformance } from '../model/budget.ts';
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
export function fiscalCurrent(items: LineItem[] = []): Money {
  let s = 0;
  for (const li of items) if (POOLS.gpbFiscalCurrent(li.fund) || POOLS.gfFiscalCurrent(li.fund) || POOLS.soeFiscalCurrent(li.fund)) s += li.amount;
  return s;
}

const goalsOf = new WeakMap<BuildContext, Map<string, Map<string, ProjectPerformance>>>();

/** A project's performance goals (indexed once per budget, unit → name: 预算21 and 22表 both look them up). */
export function projectGoal(ctx: BuildContext, unit: string, name: string): ProjectPerformance | undefined {
  let m = goalsOf.get(ctx);
  if (!m) {
    goalsOf.set(ctx, (m = new Map()));
    // The last record of a project wins, as in a Map built from the list.
    for (const g of ctx.budget.projectPerformance) (m.get(g.unit) ?? m.set(g.unit, new Map()).get(g.unit)!).set(g.project, g);
  }
  return m.get(unit)?.get(name);
}

/** Projects of a category, in unit then name order of the input. */
export function projectsOf(ctx: BuildContext, category: Project['category']): Project[] {
  // A unit's own budget (the common case) has one unit: nothing to order.
  if (ctx.units.length === 1) return ctx.budget.projects.filter((p) => p.category === category);
  const unitOrder = new Map(ctx.units.map((u, i) => [u.code, i]));
  return ctx.budget.projects
    .filter((p) => p.category === category)
    .sort((a, b) => (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0));
}
