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
  const lists = new Map(units.map((u) => [u.code, Object.fromEntries(PER_UNIT.map((k) => [k, []])) as unknown as PerUnit]));
  for (const k of PER_UNIT) {
    // Lists mostly come unit by unit: look the unit up only when it changes.
    let unit: string | undefined;
    let into: { unit: string }[] | undefined;
    for (const x of b[k] as { unit: string }[]) {
      if (x.unit !== unit) into = lists.get((unit = x.unit))?.[k] as { unit: string }[] | undefined;
      into?.push(x);
    }
  }
  return units.map((u) => unitBudget(b, u.code, lists.get(u.code)));
}
