/**
 * Money is an integer number of 分 (0.01 元). JavaScript numbers hold integers exactly up to 2^53
 * (≈ 9×10^13 元), far beyond any budget, so sums of Money stay exact; no fractional value is ever
 * stored. Conversions to 元 / 万元 happen only at the edges (input parsing, display).
 */
export type Money = number;

export type AmountUnit = '元' | '万元';

/** How many 分 one unit of each input/display unit is worth. */
export const FEN_PER: Record<AmountUnit, number> = { 元: 100, 万元: 1_000_000 };

export class MoneyParseError extends Error {}

const DECIMAL = /^([+-]?)(\d{1,15})(?:\.(\d+))?$/;

/**
 * Parses a decimal string in the given unit into 分, exactly (no float arithmetic).
 * Accepts thousands separators. Rejects more decimals than the unit can hold exactly
 * (元: 2, 万元: 6), because such input would silently lose money.
 */
export function parseMoney(text: string, unit: AmountUnit): Money {
  const s = text.trim().replace(/[,，\s]/g, '');
  const m = DECIMAL.exec(s);
  if (!m) throw new MoneyParseError(`不是金额: "${text}"`);
  const [, sign, int, frac = ''] = m;
  const scaleDigits = unit === '元' ? 2 : 6;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > scaleDigits) {
    throw new MoneyParseError(`金额 "${text}" 的小数位超过${unit}所能精确表示的 ${scaleDigits} 位`);
  }
  const fen = Number(int + trimmed.padEnd(scaleDigits, '0'));
  if (!Number.isSafeInteger(fen)) throw new MoneyParseError(`金额过大: "${text}"`);
  return sign === '-' ? -fen : fen;
}

/** Rounds 分 to whole display steps of `step` 分, half away from zero (四舍五入). */
export function roundTo(fen: Money, step: number): Money {
  const q = Math.trunc(fen / step);
  const r = fen - q * step;
  if (Math.abs(r) * 2 >= step) return (q + Math.sign(fen)) * step;
  return q * step;
}

/** Formats 分 in a display unit with fixed decimals, using integer arithmetic only. */
export function formatMoney(fen: Money, unit: AmountUnit = '万元', decimals = 2): string {
  const step = FEN_PER[unit] / 10 ** decimals;
  const steps = roundTo(fen, step) / step;
  const neg = steps < 0;
  const digits = String(Math.abs(steps)).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : '';
  return (neg ? '-' : '') + int + frac;
}

/** The display value as a JSON number (e.g. 216.3 for 2163000 分 in 万元). Only for output. */
export function toDisplayNumber(fen: Money, unit: AmountUnit = '万元', decimals = 2): number {
  return Number(formatMoney(fen, unit, decimals));
}
