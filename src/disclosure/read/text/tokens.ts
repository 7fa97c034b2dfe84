/**
 * Lines and tokens of pdftotext-style text. Tokens are separated by any space (ASCII, NBSP,
 * U+3000); a token is an amount (digits with a decimal point, optionally signed and with
 * thousands separators), a code (digits only) or text.
 */
import { normLabel } from '../../../ir/table.ts';
import { asciiFigures } from '../figure-text.ts';

export type TokenKind = 'amount' | 'code' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;
const CODE = /^\d+$/;
/** Page furniture that extraction leaves between rows: "第 3 页", "- 3 -", "3/12". */
const FURNITURE = /^(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*\/\s*\d+)$/;

export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\f/)
    .map((l) => (FURNITURE.test(l.trim()) ? '' : l));
}

export function tokenize(line: string): Token[] {
  return line
    .split(/[\s\u00a0\u3000]+/)
    .filter(Boolean)
    .map(asciiFigures)
    .map((text) => ({ kind: AMOUNT.test(text) ? 'amount' : CODE.test(text) ? 'code' : 'text', text }));
}

/** A line without any whitespace, for matching marks and titles. */
export const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Normalised for matching: no spaces, half-width brackets, plain quotes and dashes. */
export const norm = (s: string) => normLabel(s).replace(/['‘’]/g, "'");

/** Number of decimals an amount token prints. */
export const decimalsOf = (amount: string) => amount.length - amount.indexOf('.') - 1;
