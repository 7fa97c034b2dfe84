/** Department tables composed from the units' tables equal the tables built from all line items. */
import { describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/generate.ts';
import { loadClassification } from '../../src/classification/load.ts';
import type { Budget } from '../../src/model/budget.ts';
import { buildDepartmentPackages, buildTables } from '../../src/tables/index.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const same = (budget: Budget) => {
  const c = loadClassification(budget.year);
  const direct = buildTables(budget, c);
  const { department, units } = buildDepartmentPackages(budget, c);
  expect(department).toEqual(direct);
  expect([...units.keys()]).toEqual(budget.units.map((u) => u.code).sort());
};

describe('composing a department from its units', () => {
  it('equals the direct build for the seed and the multi-unit example', () => {
    same(loadExample(SEED_DIR).budget);
    same(loadExample(MULTI_DIR).budget);
  });

  it('equals the direct build for generated departments, with other spending kinds and amounts in 元', () => {
    for (const b of generateProvince({ departments: 4, units: 30, lineItems: 3000, seed: 5, otherKinds: true })) {
      same(b);
      same({ ...b, lineItems: b.lineItems.map((li, i) => ({ ...li, amount: li.amount + (i % 7) * 1_111 })) });
    }
  });

  it('equals the direct build when some units have nothing in a table', () => {
    const { budget } = loadExample(MULTI_DIR);
    same({ ...budget, lineItems: budget.lineItems.filter((li) => li.unit !== '186002' || li.kind === '基本支出-人员经费') });
  });
});
