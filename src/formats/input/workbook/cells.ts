/**
 * Cell values as text. Amount cells may hold numbers: they become the decimal a person typed
 * (the shortest string that reads back as the same double), never float arithmetic.
 */
import type { CellValue } from 'exceljs';

/** A cell whose value cannot be used (error value, date …). */
export class CellProblem extends Error {}

/** The cell's text, trimmed; '' when blank. `scale` is the decimals the amount unit holds exactly. */
export function cellText(value: CellValue, amountScale?: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return amountScale === undefined ? plainDecimal(value) : numberToDecimal(value, amountScale);
  if (typeof value === 'boolean') throw new CellProblem(`单元格是逻辑值 ${value ? 'TRUE' : 'FALSE'}`);
  if (value instanceof Date) throw new CellProblem('单元格是日期，请改为文本或数字（单元格格式设为“文本”或“常规”）');
  if ('error' in value) throw new CellProblem(`单元格是错误值 ${value.error}`);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== undefined && typeof result === 'object' && result !== null && 'error' in result)
      throw new CellProblem(`公式结果是错误值 ${(result as { error: string }).error}`);
    return cellText(result as CellValue, amountScale);
  }
  if ('hyperlink' in value) return cellText(value.text as CellValue, amountScale);
  throw new CellProblem('无法识别的单元格内容');
}

/** A finite double in positional notation (String(1e-7) is "1e-7"). */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new CellProblem(`不是有限数值: ${n}`);
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', expText] = m;
  const digits = lead + rest;
  const point = 1 + Number(expText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A number cell as a decimal string in the amount unit. More decimals than the unit holds
 * (`scale`) with 15+ significant digits is binary noise from a formula (0.1+0.2 →
 * 0.30000000000000004): rounded half away from zero to `scale`. Fewer significant digits means
 * the person typed the decimals, which are kept so the amount parser rejects them.
 */
export function numberToDecimal(n: number, scale: number): string {
  const s = plainDecimal(n);
  const [int, frac = ''] = s.replace('-', '').split('.');
  if (frac.length <= scale) return s;
  const significant = (int + frac).replace(/^0+/, '').length;
  if (significant < 15) return s;
  const rounded = BigInt(int + frac.slice(0, scale)) + (frac[scale] >= '5' ? 1n : 0n);
  const digits = rounded.toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return (s.startsWith('-') && rounded !== 0n ? '-' : '') + text;
}

/** `2060301 科学技术管理事务` → code and name; a bare code has no name. */
export function splitCode(text: string): { code: string; name?: string } {
  const m = /^(\d+)\s+(\S.*)$/.exec(text);
  return m ? { code: m[1], name: m[2].trim() } : { code: text };
}
