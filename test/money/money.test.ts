import { describe, expect, it } from 'vitest';
import { formatMoney, MoneyParseError, parseMoney, roundTo } from '../../src/money/money.ts';

describe('money', () => {
  it('parses 万元 and 元 exactly into 分', () => {
    expect(parseMoney('216.30', '万元')).toBe(216_300_000);
    expect(parseMoney('0.000001', '万元')).toBe(1);
    expect(parseMoney('1,234.56', '元')).toBe(123_456);
    expect(parseMoney('-0.01', '元')).toBe(-1);
    // 0.1 + 0.2 style float error cannot happen: the sum is exact in 分
    expect(parseMoney('0.10', '元') + parseMoney('0.20', '元')).toBe(parseMoney('0.30', '元'));
  });

  it('rejects text, and decimals finer than the unit holds', () => {
    expect(() => parseMoney('12万', '万元')).toThrow(MoneyParseError);
    expect(() => parseMoney('1.001', '元')).toThrow(/小数位/);
    expect(() => parseMoney('', '元')).toThrow(MoneyParseError);
  });

  it('formats with integer rounding, half away from zero', () => {
    expect(formatMoney(216_300_000)).toBe('216.30');
    expect(formatMoney(5_000, '万元')).toBe('0.01');
    expect(formatMoney(4_999, '万元')).toBe('0.00');
    expect(formatMoney(-5_000, '万元')).toBe('-0.01');
    expect(formatMoney(123_456, '元')).toBe('1234.56');
    expect(roundTo(15_000, 10_000)).toBe(20_000);
  });
});
