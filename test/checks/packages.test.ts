/** Checking a department's packages together gives the reports of checking each package on its own. */
import { describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/generate.ts';
import { checkTables } from '../../src/checks/index.ts';
import { checkDepartmentPackages } from '../../src/checks/packages.ts';
import { loadClassification } from '../../src/classification/load.ts';
import type { Budget } from '../../src/model/budget.ts';
import { buildDepartmentPackages } from '../../src/tables/index.ts';
import { loadExample, MULTI_DIR } from '../helpers.ts';

/** Changes every `every`-th amount of the units' tables (shared with the department's unit blocks). */
function corrupt(tables: Iterable<{ rows: { cells: unknown[] }[] }[]>, every: number) {
  let n = 0;
  for (const ts of tables)
    for (const t of ts)
      for (const r of t.rows)
        r.cells.forEach((v, i) => {
          if (typeof v === 'number' && ++n % every === 0) r.cells[i] = v + 10_000;
        });
}

function same(budget: Budget, every?: number) {
  const classification = loadClassification(budget.year);
  const pkgs = buildDepartmentPackages(budget, classification);
  if (every) corrupt(pkgs.units.values(), every);
  const together = checkDepartmentPackages(pkgs, { classification });
  expect(together.department).toEqual(checkTables(pkgs.department, { classification }));
  for (const [code, tables] of pkgs.units) expect(together.units.get(code)).toEqual(checkTables(tables, { classification }));
  return together;
}

describe('checkDepartmentPackages', () => {
  it('equals checking each package, findings in order, on the multi-unit example', () => {
    const { budget } = loadExample(MULTI_DIR);
    expect(same(budget).department.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('equals checking each package when unit rows are wrong (the findings are then in unit blocks)', () => {
    const { budget } = loadExample(MULTI_DIR);
    for (const every of [3, 17, 101]) {
      const { department } = same(budget, every);
      // The department's findings include unit-block rows taken from the units' packages.
      expect(department.findings.some((f) => f.row !== undefined && f.row > 2 && /^(I|X)/.test(f.rule))).toBe(true);
    }
  });

  it('equals checking each package on generated departments', () => {
    for (const [i, b] of generateProvince({ departments: 3, units: 20, lineItems: 2000, seed: 9, otherKinds: true }).entries()) same(b, 7 + i * 13);
  });
});
