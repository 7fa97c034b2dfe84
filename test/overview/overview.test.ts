import { describe, expect, it } from 'vitest';
import { buildOverview, type PackageSummary, summarize } from '../../src/overview/overview.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const seed = loadExample(SEED_DIR);
const multi = loadExample(MULTI_DIR);

/** Each unit of an example as its own published package, as the portal holds them. */
function packages(ex: typeof seed, year: number, version = 1): PackageSummary[] {
  return ex.budget.units.map((u) => ({
    departmentCode: ex.budget.department.code,
    departmentName: ex.budget.department.name,
    unitCode: u.code,
    unitName: u.name,
    year,
    version,
    ...summarize({ lineItems: ex.budget.lineItems.filter((li) => li.unit === u.code) }),
  }));
}
const total = (ex: typeof seed) => ex.budget.lineItems.reduce((s, li) => s + li.amount, 0);

describe('province overview', () => {
  const all = [...packages(seed, 2024), ...packages(multi, 2024, 2)];
  const o = buildOverview(all, seed.classification)!;

  it('sums every published unit into its department, largest first', () => {
    expect(o.year).toBe(2024);
    expect(o.totalFen).toBe(total(seed) + total(multi));
    expect(o.departments.map((d) => d.totalFen)).toEqual([total(seed), total(multi)].sort((a, b) => b - a));
    const m = o.departments.find((d) => d.code === multi.budget.department.code)!;
    expect(m.units.map((u) => u.code).sort()).toEqual(multi.budget.units.map((u) => u.code).sort());
    expect(m.units.every((u) => u.version === 2)).toBe(true);
    expect(m.units.reduce((s, u) => s + u.totalFen, 0)).toBe(m.totalFen);
    expect(m.previousFen).toBeNull();
    expect(o.yearOnYear).toBeNull();
  });

  it('builds the function tree 类 › 款 › 项 whose levels add up, named from the list', () => {
    expect(o.functions.reduce((s, f) => s + f.amountFen, 0)).toBe(o.totalFen);
    for (const cls of o.functions) {
      expect(cls.code).toHaveLength(3);
      expect(cls.children!.reduce((s, f) => s + f.amountFen, 0)).toBe(cls.amountFen);
      for (const sec of cls.children!) expect(sec.children!.reduce((s, f) => s + f.amountFen, 0)).toBe(sec.amountFen);
    }
    expect(o.functions.map((f) => f.amountFen)).toEqual([...o.functions.map((f) => f.amountFen)].sort((a, b) => b - a));
    const sci = o.functions.find((f) => f.code === '206')!;
    expect(sci.name).toBe('科学技术支出');
    // a department's 类 and 款 amounts, for finding where a kind of spending goes
    const d = o.departments.find((x) => x.code === seed.budget.department.code)!;
    const seedSci = seed.budget.lineItems.filter((li) => li.functionCode.startsWith('20603')).reduce((s, li) => s + li.amount, 0);
    expect(d.functionFen['20603']).toBe(seedSci);
  });

  it('compares the whole and each 类 with the year before, and keeps every year', () => {
    const lastYear = packages(seed, 2023).map((p) => ({ ...p, totalFen: p.totalFen - 20_000, functionFen: { ...p.functionFen, '2060301': p.functionFen['2060301'] - 20_000 } }));
    const o2 = buildOverview([...all, ...lastYear], seed.classification)!;
    expect(o2.years.map((y) => y.year)).toEqual([2024, 2023]);
    expect(o2.yearOnYear!.previousFen).toBe(total(seed) - 20_000);
    const row = o2.yearOnYear!.rows.find((r) => r.code === '206')!;
    const seed206 = seed.budget.lineItems.filter((li) => li.functionCode.startsWith('206')).reduce((s, li) => s + li.amount, 0);
    expect(row.currentFen).toBe(o.functions.find((f) => f.code === '206')!.amountFen);
    expect(row.previousFen).toBe(seed206 - 20_000);
    expect(o2.departments.find((d) => d.code === seed.budget.department.code)!.previousFen).toBe(total(seed) - 20_000);
    expect(buildOverview([...all, ...lastYear], seed.classification, 2023)!.yearOnYear).toBeNull();
    expect(buildOverview([], seed.classification)).toBeUndefined();
  });
});
