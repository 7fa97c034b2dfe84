import { describe, expect, it } from 'vitest';
import { buildOverview, summarize } from '../../src/overview/overview.ts';
import { searchOverview } from '../../web/src/overview.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const examples = [loadExample(SEED_DIR), loadExample(MULTI_DIR)];
const o = buildOverview(
  examples.flatMap((ex) =>
    ex.budget.units.map((u) => ({
      departmentCode: ex.budget.department.code,
      departmentName: ex.budget.department.name,
      unitCode: u.code,
      unitName: u.name,
      year: 2024,
      version: 1,
      ...summarize({ lineItems: ex.budget.lineItems.filter((li) => li.unit === u.code) }),
    })),
  ),
  examples[0].classification,
)!;

describe('overview search', () => {
  it('finds a department by its name, by a unit of it, or every one for an empty query', () => {
    expect(searchOverview(o, '').departments).toHaveLength(2);
    const seedDept = examples[0].budget.department;
    expect(searchOverview(o, seedDept.name).departments.map((d) => d.code)).toEqual([seedDept.code]);
    const unit = examples[1].budget.units[1];
    expect(searchOverview(o, unit.name).departments.map((d) => d.code)).toEqual([examples[1].budget.department.code]);
    expect(searchOverview(o, unit.code).departments.map((d) => d.code)).toEqual([examples[1].budget.department.code]);
  });

  it('finds where a kind of spending goes, by name (Chinese or English) or code, largest department first', () => {
    const r = searchOverview(o, '科学技术');
    const sci = r.functions.find((f) => f.fn.code === '206')!;
    expect(sci.departments.map((d) => d.dept.code)).toContain(examples[0].budget.department.code);
    expect(sci.departments.map((d) => d.fen)).toEqual([...sci.departments.map((d) => d.fen)].sort((a, b) => b - a));
    expect(sci.departments.reduce((s, d) => s + d.fen, 0)).toBe(o.functions.find((f) => f.code === '206')!.amountFen);
    const en = searchOverview(o, 'science', (zh) => (zh === '科学技术支出' ? 'Science and technology' : zh));
    expect(en.functions.map((f) => f.fn.code)).toContain('206');
    expect(searchOverview(o, '20603').functions.map((f) => f.fn.code)).toEqual(['20603']);
  });
});
