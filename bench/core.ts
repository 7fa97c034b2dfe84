/**
 * Core benchmark: a synthetic province (≈100 departments, 2,000 units, 300,000 line items); all 23
 * tables for every department and every unit, and all checks on each package. The floor is one
 * pass over the same line items aggregating them by (unit, function 项, fund, kind, economic 类),
 * the least work any table builder must do.
 */
import { loadClassification } from '../src/classification/load.ts';
import { checkBudget } from '../src/checks/index.ts';
import type { Budget } from '../src/model/budget.ts';
import { buildTables } from '../src/tables/index.ts';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';
import { ms, peakRss, time } from './measure.ts';

/** One unit's share of a department budget: what a unit publishes on its own. */
export function unitBudgets(b: Budget): Budget[] {
  const items = new Map(b.units.map((u) => [u.code, [] as Budget['lineItems']]));
  for (const li of b.lineItems) items.get(li.unit)?.push(li);
  const only = <T extends { unit: string }>(xs: T[], unit: string) => xs.filter((x) => x.unit === unit);
  return b.units.map((u) => ({
    ...b,
    units: [u],
    lineItems: items.get(u.code)!,
    projects: only(b.projects, u.code),
    yearEndBalances: only(b.yearEndBalances, u.code),
    specialFunds: only(b.specialFunds, u.code),
    projectPerformance: only(b.projectPerformance, u.code),
    unitPerformance: only(b.unitPerformance, u.code),
  }));
}

function floor(budgets: Budget[]): number {
  const sums = new Map<string, number>();
  for (const b of budgets)
    for (const li of b.lineItems) {
      const k = `${li.unit}|${li.functionCode}|${li.fund}|${li.kind}|${li.deptEconCode.slice(0, 3)}`;
      sums.set(k, (sums.get(k) ?? 0) + li.amount);
    }
  return sums.size;
}

export async function benchCore() {
  const classification = loadClassification(2024);
  const [gen, province] = time(() => generateProvince(DEFAULT_OPTIONS));
  const items = province.reduce((s, b) => s + b.lineItems.length, 0);
  const units = province.reduce((s, b) => s + b.units.length, 0);
  const packages = province.flatMap((d) => [d, ...unitBudgets(d)]);

  // Warm up the JIT on a slice, then measure.
  for (const b of packages.slice(0, 50)) checkBudget(b, classification);
  const floorMs = Math.min(...[0, 1, 2].map(() => time(() => floor(province))[0]));
  const [buildMs, tableCount] = time(() => packages.reduce((n, b) => n + buildTables(b, classification).length, 0));
  const [allMs, errors] = time(() =>
    packages.reduce((n, b) => n + checkBudget(b, classification).findings.filter((f) => f.severity === 'error').length, 0),
  );
  return [
    `core: ${province.length} departments, ${units} units, ${items} line items (generated in ${ms(gen)})`,
    `  build all 23 tables, ${packages.length} packages (${tableCount} tables): ${ms(buildMs)}`,
    `  build + all checks, every package:                  ${ms(allMs)}  (${errors} errors found)`,
    `  floor (one aggregation pass over the line items):   ${ms(floorMs)}`,
    `  ratio build+check / floor: ${(allMs / floorMs).toFixed(1)}×;  build only / floor: ${(buildMs / floorMs).toFixed(1)}×`,
    `  peak RSS: ${peakRss()}`,
  ].join('\n');
}
