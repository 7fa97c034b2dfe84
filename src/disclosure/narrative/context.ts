/**
 * What the checks share about one document: its sentences with their figures, its year and
 * whether it speaks for a 部门 or a 单位, and how figures are printed in findings.
 */
import { formatMoney, type Money } from '../../money/money.ts';
import type { DocLine } from './document.ts';
import { figuresOf, type Figure } from './figures.ts';
import { compactText, sentences, type Sentence } from './prose.ts';
import type { Place } from './rules.ts';

export interface Stated extends Sentence {
  figures: Figure[];
}

export interface NarrativeContext {
  lines: DocLine[];
  sentences: Stated[];
  /** the year the document is for, from its cover (undefined when no year is printed there) */
  year?: number;
  /** 部门 or 单位, from the cover */
  body?: '部门' | '单位';
}

export function narrativeContext(lines: DocLine[]): NarrativeContext {
  const ss = sentences(lines).map((s) => ({ ...s, figures: figuresOf(s.text) }));
  const cover = compactText(lines.filter((l) => l.page === (lines[0]?.page ?? 1)).map((l) => l.text).join(''));
  const year = Number(/(20\d\d)年/.exec(cover)?.[1]) || undefined;
  const body = /单位(?:预算|决算)/.test(cover) ? '单位' : /部门(?:预算|决算)/.test(cover) ? '部门' : undefined;
  return { lines, sentences: ss, year, body };
}

/** The sentence shown in a finding, shortened around the spot when long. */
export function placeOf(s: Sentence, around = 0): Place {
  const max = 80;
  if (s.text.length <= max) return { page: s.page, line: s.line, sentence: s.text };
  const from = Math.max(0, Math.min(around - 30, s.text.length - max));
  return { page: s.page, line: s.line, sentence: (from > 0 ? '…' : '') + s.text.slice(from, from + max) + (from + max < s.text.length ? '…' : '') };
}

/** An amount in 万元 for a message (the unit 说明 texts use). */
export const wan = (fen: Money) => `${formatMoney(fen, '万元', 2)}万元`;

/** Words before a figure that mark it as the previous year's. */
export function previousMarker(year: number | undefined): RegExp {
  return new RegExp(`上年|上一年|去年|执行数${year ? `|${year - 1}年` : ''}`);
}
