import type { Budget } from './budget.ts';

/** The lists of a budget that belong to one unit each. */
const PER_UNIT = ['lineItems', 'projects', 'yearEndBalances', 'specialFunds', 'projectPerformance', 'unitPerformance'] as const;
type PerUnit = { [K in (typeof PER_UNIT)[number]]: Budget[K] };

/** One unit's own budget out of its department's: what the unit publishes on its own. */
export function unitBudget(b: Budget, unit: string, lists?: PerUnit): Budget {
  const u = b.units.find((x) => x.code === unit);
  if (!u) throw new Error(`单位 ${unit} 不属于部门 ${b.department.code}`);
  const own = lists ?? (Object.fromEntries(PER_UNIT.map((k) => [k, (b[k] as { unit: string }[]).filter((x) => x.unit === unit)])) as PerUnit);
  return { ...b, filer: undefined, units: [u], ...own };
}

/** Every unit's own budget, in unit code order, with one pass over each of the department's lists. */
export function unitBudgets(b: Budget): Budget[] {
  const units = [...b.units].sort((x, y) => x.code.localeCompare(y.code));
  const lists = new Map<string, PerUnit>();
  for (const u of units) lists.set(u.code, { lineItems: [], projects: [], yearEndBalances: [], specialFunds: [], projectPerformance: [], unitPerformance: [] });
  for (const k of PER_UNIT) {
    // Lists mostly come unit by unit: a unit's run of entries is copied in one slice (exact length,
    // no regrowth by pushes) when it is the unit's first, appended otherwise.
    const all = b[k] as { unit: string }[];
    for (let start = 0; start < all.length; ) {
      const unit = all[start].unit;
      let end = start + 1;
      while (end < all.length && all[end].unit === unit) end++;
      const own = lists.get(unit);
      if (own) {
        const into = own[k] as { unit: string }[];
        if (into.length === 0) (own[k] as { unit: string }[]) = all.slice(start, end);
        else for (let i = start; i < end; i++) into.push(all[i]);
      }
      start = end;
    }
  }
  return units.map((u) => unitBudget(b, u.code, lists.get(u.code)));
}
