import { describe, expect, it } from 'vitest';
import { chartsOf, groupIncome, SMALL_SHARE } from '../../../src/server/services/charts.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';

const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);

describe('income by top level', () => {
  for (const dir of [SEED_DIR, MULTI_DIR]) {
    it(`keeps the whole and leaves few readable parts (${dir})`, () => {
      const { budget, classification, tables } = loadExample(dir);
      const c = chartsOf({ budget, tables }, classification);
      expect(sum(c.incomeByGroup)).toBe(sum(c.incomeBySource));
      // carry-over is one part (or inside 其他), never one part per fund
      expect(c.incomeByGroup.filter((g) => g.label.includes('/'))).toEqual([]);
      const total = sum(c.incomeBySource);
      const small = c.incomeByGroup.filter((g) => g.key !== 'other' && g.amountFen < total * SMALL_SHARE);
      expect(small.length).toBeLessThanOrEqual(1);
      expect(c.incomeByGroup.length).toBeLessThan(8);
    });
  }

  it('folds two or more small groups into 其他, and not a single one', () => {
    const s = (key: string, label: string, amountFen: number) => ({ key, label, amountFen });
    const big = [s('cur.gpb', '本年收入/一般公共预算', 900), s('co.gpb', '上年结转结余/一般公共预算', 20), s('co.unit', '上年结转结余/单位资金', 10)];
    expect(groupIncome(big)).toEqual([s('cur.gpb', '一般公共预算', 900), s('co', '上年结转结余', 30)]);
    expect(groupIncome([...big, s('cur.other', '本年收入/其他收入', 20)])).toEqual([s('cur.gpb', '一般公共预算', 900), s('other', '其他', 50)]);
  });
});
