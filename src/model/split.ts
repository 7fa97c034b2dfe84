import type { Budget } from './budget.ts';

/** One unit's own budget out of its department's: what the unit publishes on its own. */
export function unitBudget(b: Budget, unit: string): Budget {
  const only = <T extends { unit: string }>(xs: T[]) => xs.filter((x) => x.unit === unit);
  const u = b.units.find((x) => x.code === unit);
  if (!u) throw new Error(`单位 ${unit} 不属于部门 ${b.department.code}`);
  return {
    ...b,
    filer: undefined,
    units: [u],
    lineItems: only(b.lineItems),
    projects: only(b.projects),
    yearEndBalances: only(b.yearEndBalances),
    specialFunds: only(b.specialFunds),
    projectPerformance: only(b.projectPerformance),
    unitPerformance: only(b.unitPerformance),
  };
}
