import type { Budget, LineItem } from './budget.ts';

/** One unit's own budget out of its department's: what the unit publishes on its own. */
export function unitBudget(b: Budget, unit: string, items?: LineItem[]): Budget {
  const only = <T extends { unit: string }>(xs: T[]) => xs.filter((x) => x.unit === unit);
  const u = b.units.find((x) => x.code === unit);
  if (!u) throw new Error(`单位 ${unit} 不属于部门 ${b.department.code}`);
  return {
    ...b,
    filer: undefined,
    units: [u],
    lineItems: items ?? only(b.lineItems),
    projects: only(b.projects),
    yearEndBalances: only(b.yearEndBalances),
    specialFunds: only(b.specialFunds),
    projectPerformance: only(b.projectPerformance),
    unitPerformance: only(b.unitPerformance),
  };
}

/** Every unit's own budget, in unit code order, with one pass over the line items. */
export function unitBudgets(b: Budget): Budget[] {
  const units = [...b.units].sort((x, y) => x.code.localeCompare(y.code));
  const items = new Map(units.map((u) => [u.code, [] as LineItem[]]));
  for (const li of b.lineItems) items.get(li.unit)?.push(li);
  return units.map((u) => unitBudget(b, u.code, items.get(u.code)));
}
