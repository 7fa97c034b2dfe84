import { describe, expect, it } from 'vitest';
import { changePhrase, directionOf, DIRECTION_SYNONYMS, textAmount, textPercent } from '../../src/publication/vocabulary.ts';

describe('text figures', () => {
  it('writes amounts in 万元 with two decimals and no separators', () => {
    expect(textAmount(2_961_680_000)).toBe('2961.68');
    expect(textAmount(0)).toBe('0.00');
  });

  it('writes shares with two decimals and none on a zero base', () => {
    expect(textPercent(1, 3)).toBe('33.33%');
    expect(textPercent(2, 3)).toBe('66.67%');
    expect(textPercent(5, 0)).toBeUndefined();
  });

  it('words a change by its direction, without a rate from zero', () => {
    expect(changePhrase(112_000_000, 100_000_000)).toBe('比上年增加12.00万元，增长12.00%');
    expect(changePhrase(97_000_000, 100_000_000)).toBe('比上年减少3.00万元，下降3.00%');
    expect(changePhrase(5, 5)).toBe('与上年持平');
    expect(changePhrase(1_000_000, 0)).toBe('比上年增加1.00万元');
    expect(directionOf(0, 1)).toBe('减少');
    expect(DIRECTION_SYNONYMS['下降']).toBe('减少');
  });
});
