/** 舍位平衡: data in 元 displayed in 万元 still adds up, in every table and across tables. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/checks/engine.ts';
import { HUNAN_23_RULES } from '../../src/checks/index.ts';
import type { Table } from '../../src/ir/table.ts';
import { roundTo } from '../../src/money/money.ts';
import type { Budget } from '../../src/model/budget.ts';
import { balanceToStep, WAN_CENTI } from '../../src/model/rounding.ts';
import { buildContext } from '../../src/tables/context.ts';
import { buildTables, HUNAN_23, ROUNDING_NOTE } from '../../src/tables/index.ts';
import { loadExample, MULTI_DIR } from '../helpers.ts';

/** The multi-unit example with amounts off the 0.01 万元 step, as data kept in 元 would be. */
function inYuan(): { budget: Budget; classification: ReturnType<typeof loadExample>['classification'] } {
  const { budget, classification } = loadExample(MULTI_DIR);
  let k = 0;
  const odd = (a: number) => a + ((k++ * 3_337) % WAN_CENTI) - WAN_CENTI / 2; // ±50 元, deterministic
  return {
    classification,
    budget: { ...budget, lineItems: budget.lineItems.map((li) => ({ ...li, amount: odd(li.amount) })), yearEndBalances: budget.yearEndBalances.map((b) => ({ ...b, amount: odd(b.amount) })) },
  };
}

const displayed = (tables: Table[]) =>
  tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (typeof c === 'number' ? roundTo(c, WAN_CENTI) : c)) })) }));

describe('舍位平衡 (balanced rounding to 0.01 万元)', () => {
  it('naive rounding of each cell breaks identities on such data', () => {
    const { budget, classification } = inYuan();
    const ctx = buildContext(budget, classification);
    const naive = displayed(HUNAN_23.map((b) => b(ctx)));
    expect(runRules(naive, HUNAN_23_RULES).findings.length).toBeGreaterThan(0);
  });

  it('balanced tables show only whole steps, and every identity holds exactly', () => {
    const { budget, classification } = inYuan();
    const tables = buildTables(budget, classification);
    for (const t of tables) {
      for (const r of t.rows) for (const c of r.cells) if (typeof c === 'number') expect(c % WAN_CENTI).toBe(0);
      expect(t.notes).toContain(ROUNDING_NOTE);
    }
    const report = runRules(tables, HUNAN_23_RULES);
    expect(report.findings).toEqual([]);
  });

  it('each unit total is its exactly rounded total, and no fact moves by a step or more', () => {
    const { budget } = inYuan();
    const balanced = balanceToStep(budget);
    for (const u of budget.units) {
      const exact = budget.lineItems.filter((li) => li.unit === u.code).reduce((s, li) => s + li.amount, 0)
        + budget.yearEndBalances.filter((b) => b.unit === u.code).reduce((s, b) => s + b.amount, 0);
      const shown = balanced.lineItems.filter((li) => li.unit === u.code).reduce((s, li) => s + li.amount, 0)
        + balanced.yearEndBalances.filter((b) => b.unit === u.code).reduce((s, b) => s + b.amount, 0);
      expect(shown).toBe(roundTo(exact, WAN_CENTI));
    }
    balanced.lineItems.forEach((li, i) => expect(Math.abs(li.amount - budget.lineItems[i].amount)).toBeLessThan(WAN_CENTI));
  });

  it('three thirds of a 万元 show as 0.33 + 0.33 + 0.34 = 1.00', () => {
    const { budget } = loadExample(MULTI_DIR);
    const li = budget.lineItems[0];
    const third = { ...budget, lineItems: [0, 1, 2].map((i) => ({ ...li, functionCode: ['2011301', '2011302', '2011308'][i], amount: 333_333 })), yearEndBalances: [] };
    const out = balanceToStep(third).lineItems.map((x) => x.amount);
    expect(out.reduce((s, a) => s + a, 0)).toBe(1_000_000);
    expect(out.sort()).toEqual([330_000, 330_000, 340_000]);
  });

  it('data already on the step is left alone, without the note', () => {
    const { budget, tables } = loadExample(MULTI_DIR);
    expect(balanceToStep(budget)).toBe(budget);
    expect(tables.every((t) => !t.notes.includes(ROUNDING_NOTE))).toBe(true);
  });
});
