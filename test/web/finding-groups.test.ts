/**
 * One wrong code on a line item gives one group: its line-item findings as causes, the identities
 * of the tables they break folded under them. Run on real check output of the seed with one item
 * broken, so the test follows the rules as they are.
 */
import { describe, expect, it } from 'vitest';
import { checkBudget } from '../../src/checks/index.ts';
import { groupFindings, severityOf } from '../../web/src/finding-groups.ts';
import { loadExample, SEED_DIR } from '../helpers.ts';
import { buildTables } from '../../src/tables/index.ts';

const { budget, classification } = loadExample(SEED_DIR);

function findingsWith(change: (items: typeof budget.lineItems) => typeof budget.lineItems) {
  const b = { ...budget, lineItems: change(budget.lineItems.map((li, i) => ({ ...li, source: { file: '明细', row: i + 1 } }))) };
  return checkBudget(b, classification, buildTables(b, classification)).findings;
}

describe('findings grouped under their causes', () => {
  it('folds the identities broken by one wrong code under that line item', () => {
    const project = budget.lineItems.findIndex((li) => li.kind === '项目支出');
    const findings = findingsWith((items) => items.map((li, i) => (i === project ? { ...li, deptEconCode: '30101' } : li)));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(2); // causes and consequences, as the checks report them
    const groups = groupFindings(findings).filter((g) => severityOf(g) === 'error');
    expect(groups).toHaveLength(1);
    expect(groups[0].row).toBe(project + 1);
    expect(groups[0].causes.map((f) => f.rule)).toContain('R3-project-econ');
    expect(groups[0].causes.length + groups[0].consequences.length).toBe(errors.length);
    expect(groups[0].consequences.every((f) => /^[IX]\d/.test(f.rule))).toBe(true);
  });

  it('puts the identities in one group of their own when several rows are wrong, and keeps every finding once', () => {
    const findings = findingsWith((items) => items.map((li, i) => (i < 2 ? { ...li, amount: -li.amount } : li)));
    const groups = groupFindings(findings);
    const rows = groups.filter((g) => g.row !== undefined);
    expect(rows.map((g) => g.row).sort()).toEqual([1, 2]);
    expect(rows.every((g) => g.consequences.length === 0)).toBe(true);
    const shared = groups.filter((g) => g.ofSeveral);
    expect(shared.length).toBeLessThanOrEqual(1);
    const all = groups.flatMap((g) => [...g.causes, ...g.consequences]);
    expect(all).toHaveLength(findings.length);
    expect(new Set(all).size).toBe(findings.length);
  });

  it('leaves a finding without a line item on its own', () => {
    const findings = findingsWith((items) => items);
    expect(groupFindings(findings).every((g) => g.causes.length === 1 && g.consequences.length === 0)).toBe(true);
  });
});
