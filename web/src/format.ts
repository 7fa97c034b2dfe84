/** Display of amounts and dates. Amounts arrive as integer 分 (line items, charts) or as 万元 numbers (tables). */
import { formatMoney } from '../../src/money/money.ts';

/** 分 → "216.30" (万元, 2 decimals), as the tables print it. */
export const wan = (fen: number) => formatMoney(fen, '万元');

/** 分 → "20,937,623.96" (万元 with thousands separators), for figures read on their own (charts, the overview). */
export const wanGrouped = (fen: number) => wan(fen).replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');

/** 分 → the exact 万元 figure for editing: all 6 decimals a 万元 amount can hold, trailing zeros beyond 2 dropped. */
export function wanExact(fen: number): string {
  return formatMoney(fen, '万元', 6).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** A table cell's 万元 number (already rounded to 2 decimals by the server) as printed. */
export const tableAmount = (v: number) => v.toFixed(2);

export const dateTime = (iso: string, lang: 'zh' | 'en') =>
  new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Percent change for year-on-year rows. */
export const percent = (ratio: number | null) => (ratio === null ? '—' : `${ratio > 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`);
