/**
 * A finding's text in the reader's language, from its structured fields where the stored English
 * would keep Chinese names: identities name their table, row and column through the glossary and
 * the code lists; a line item's row is left to the group that holds it; amounts are in 万元.
 */
import type { Finding } from '../../src/checks/types.ts';
import { wan } from './format.ts';

export interface Words {
  lang: 'zh' | 'en';
  /** An official table term in the reader's language. */
  term: (s: string) => string;
  /** A classification name in the reader's language (marked when it has no English). */
  name: (s: string) => string;
}

/** "2060301 机构运行" → code and name; "专项收入 五、文化…" → each part through the glossary. */
export function labelIn(label: string, w: Words): string {
  if (w.lang === 'zh') return label;
  return label
    .split(/(?<=\S) (?=\S)/)
    .map((part, i, parts) => (/^\d+$/.test(part) ? part : /^\d+$/.test(parts[i - 1] ?? '') ? w.name(part) : w.term(part)))
    .join(' ');
}

const ROW_PREFIX = /^.*?第 \d+ 行[：:]\s*/;

export function findingText(f: Finding, w: Words, inGroup: boolean): string {
  if (f.rule === 'R1-amount' && f.found !== undefined) return w.lang === 'zh' ? `金额应大于 0，实为 ${wan(f.found)} 万元` : `amount must be above 0, found ${wan(f.found)} (10k yuan)`;
  if (w.lang === 'en' && f.table && f.rowLabel !== undefined && /^[IX]\d/.test(f.rule)) {
    return `Identity ${f.rule} does not hold in table ${f.table}, row “${labelIn(f.rowLabel, w)}”, column “${labelIn(f.columnLabel ?? '', w).replace(/\s*\/\s*/g, ' / ')}”`;
  }
  const text = w.lang === 'en' ? f.messageEn : f.message;
  return inGroup ? text.replace(ROW_PREFIX, '') : text;
}
