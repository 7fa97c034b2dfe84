/**
 * Core benchmark: a synthetic province (≈100 departments, 2,000 units, 300,000 line items); all 23
 * tables for every department and every unit, and all checks on each package. The floor is one
 * pass over the same line items aggregating them by (unit, function 项, fund, kind, economic 类),
 * the least work any table builder must do.
 */
import type { Classification } from '../src/classification/classification.ts';
import type { Budget } from '../src/model/budget.ts';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';
import { built, median, ms, peakRss, time, watchGc } from './measure.ts';

const { loadClassification } = await built<typeof import('../src/classification/load.ts')>('classification/load.ts');
const { checkDepartmentPackages } = await built<typeof import('../src/checks/packages.ts')>('checks/packages.ts');
const { runModelRules } = await built<typeof import('../src/checks/model-rules.ts')>('checks/model-rules.ts');
const { buildDepartmentPackages, buildTables } = await built<typeof import('../src/tables/index.ts')>('tables/index.ts');
const { unitBudgets } = await built<typeof import('../src/model/split.ts')>('model/split.ts');

function floor(budgets: Budget[]): number {
  const sums = new Map<string, number>();
  for (const b of budgets)
    for (const li of b.lineItems) {
      const k = `${li.unit}|${li.functionCode}|${li.fund}|${li.kind}|${li.deptEconCode.slice(0, 3)}`;
      sums.set(k, (sums.get(k) ?? 0) + li.amount);
    }
  return sums.size;
}

/** Every department's package and every unit's own package: built, then checked (line-item rules once per item, unit blocks once). */
function buildAndCheckAll(province: Budget[], classification: Classification): { tables: number; errors: number } {
  let tables = 0;
  let errors = 0;
  for (const d of province) {
    const pkgs = buildDepartmentPackages(d, classification);
    const model = runModelRules(d, classification);
    errors += model.findings.filter((f) => f.severity === 'error').length;
    const reports = checkDepartmentPackages(pkgs, { classification });
    for (const [pkg, report] of [[pkgs.department, reports.department], ...[...pkgs.units].map(([u, ts]) => [ts, reports.units.get(u)!] as const)] as const) {
      tables += pkg.length;
      errors += report.findings.filter((f) => f.severity === 'error').length;
    }
  }
  return { tables, errors };
}

export async function benchCore(runs = 5) {
  const classification = loadClassification(2024);
  const [gen, province] = time(() => generateProvince(DEFAULT_OPTIONS));
  const items = province.reduce((s, b) => s + b.lineItems.length, 0);
  const units = province.reduce((s, b) => s + b.units.length, 0);

  // Warm up the JIT on a few departments, then measure in interleaved rounds: each round times the
  // floor right before the builds, so a busy moment of the machine weighs on both; medians reported.
  buildAndCheckAll(province.slice(0, 3), classification);
  const floors: number[] = [];
  const builds: number[] = [];
  const alls: number[] = [];
  const directs: number[] = [];
  const spans: [number, number][] = [];
  let tableCount = 0;
  let errors = 0;
  const gc = watchGc();
  for (let r = 0; r < runs; r++) {
    floors.push(Math.min(...[0, 1].map(() => time(() => floor(province))[0])));
    const [b, n] = time(() => province.reduce((n, d) => n + buildDepartmentPackages(d, classification).department.length * (1 + d.units.length), 0));
    builds.push(b);
    tableCount = n;
    const start = performance.now();
    const [a, res] = time(() => buildAndCheckAll(province, classification));
    alls.push(a);
    spans.push([start, start + a]);
    errors = res.errors;
    directs.push(time(() => province.reduce((n, d) => n + buildTables(d, classification).length + unitBudgets(d).reduce((m, u) => m + buildTables(u, classification).length, 0), 0))[0]);
  }
  // Collections during each build + check round: a scavenge that copies much (objects kept alive by
  // dead old ones) shows here first, as it did when built rows were pretenured (src/ir/table.ts).
  const collections = await gc.stop();
  const during = spans.map(([s, e]) => collections.filter((c) => c.start >= s && c.start < e));
  const gcOf = (major: boolean) => {
    const cs = during.map((d) => d.filter((c) => c.major === major));
    return `${median(cs.map((c) => c.length))} ${major ? 'major' : 'minor'}, ${ms(median(cs.map((c) => c.reduce((t, x) => t + x.ms, 0))))}`;
  };
  const ratio = (xs: number[]) => median(xs.map((x, i) => x / floors[i])).toFixed(1);
  const [floorMs, buildMs, allMs, directMs] = [floors, builds, alls, directs].map(median);
  return [
    `core: ${province.length} departments, ${units} units, ${items} line items (generated in ${ms(gen)}); V8 flags: ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'defaults'}`,
    `  build all 23 tables of ${province.length + units} packages (${tableCount} tables):    ${ms(buildMs)}`,
    `    (without composing departments from their units: ${ms(directMs)})`,
    `  build + all checks of every package:                 ${ms(allMs)}  (${errors} errors found)`,
    `    (garbage collection per round: ${gcOf(false)}; ${gcOf(true)})`,
    `  floor (one aggregation pass over the line items):    ${ms(floorMs)}`,
    `  ratio build+check / floor: ${ratio(alls)}×;  build only / floor: ${ratio(builds)}×  (medians of ${runs} interleaved rounds)`,
    `  peak RSS: ${peakRss()}`,
  ].join('\n');
}
