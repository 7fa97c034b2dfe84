/**
 * Figures as some publishers print them, in the plain form the readers parse: full-width digits and
 * separators (１，２３４．００), minus signs other than the hyphen (−, －) and negatives in brackets
 * ((1,234.00), （1,234.00）). A bracketed number counts only with a thousands separator or decimals,
 * so list marks like (1) and （一） stay text.
 */
const FULL_WIDTH_NUMBER = /[０-９][０-９，．,.]*/g;
const MINUS = /(^|[^\d])[−－](?=\d)/g;
const BRACKETED = /[（(](\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)[)）]/g;

export function asciiFigures(s: string): string {
  if (!/[０-９−－（(]/.test(s)) return s;
  return s
    .replace(FULL_WIDTH_NUMBER, (m) => m.normalize('NFKC'))
    .replace(MINUS, '$1-')
    .replace(BRACKETED, '-$1');
}
