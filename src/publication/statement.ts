/**
 * A statement of 第一部分: one sentence written from a template whose slots are typed figures
 * (amounts, year-on-year changes, shares, counts) or text the unit wrote (kept as written). Each
 * figure names where it comes from, so that tests and the audit can compare it with its source.
 */
import type { Ref } from '../checks/rule.ts';
import type { Money } from '../money/money.ts';
import { changePhrase, type StatementKind, textAmount, textPercent } from './vocabulary.ts';

/** Where a figure comes from: table cells (summed), a field of the publication inputs, or the line items. */
export type Source = { from: 'tables'; refs: Ref[] } | { from: 'input'; path: string } | { from: 'lineItems'; what: string };

export type Slot =
  | { type: 'amount'; value: Money; source: Source }
  /** 比上年增加/减少…万元，增长/下降…% / 与上年持平; `source` is last year's figure */
  | { type: 'change'; current: Money; previous: Money; source: Source }
  /** 12.53%; only made when the whole is not zero */
  | { type: 'percent'; part: Money; whole: Money }
  | { type: 'count'; value: number }
  /** the unit's own words, or a name from the tables */
  | { type: 'text'; text: string };

export type Part = string | Slot;

export interface Statement {
  kind: StatementKind;
  parts: Part[];
}

export function renderSlot(s: Slot): string {
  switch (s.type) {
    case 'amount':
      return textAmount(s.value);
    case 'change':
      return changePhrase(s.current, s.previous);
    case 'percent':
      return textPercent(s.part, s.whole)!;
    case 'count':
      return String(s.value);
    case 'text':
      return s.text;
  }
}

export const renderStatement = (st: Statement) => st.parts.map((p) => (typeof p === 'string' ? p : renderSlot(p))).join('');

/** A paragraph: statements (and the unit's text) printed one after another. */
export type Paragraph = Statement[];
export const renderParagraph = (p: Paragraph) => p.map(renderStatement).join('');

export type Piece = Part | Piece[] | undefined | false;

/**
 * Writes a statement as a template literal: `statement('threePublic')\`“三公”经费${amount(v, src)}万元。\``.
 * Interpolated strings are literal text; arrays are flattened; undefined and false leave nothing.
 */
export function statement(kind: StatementKind) {
  return (strings: TemplateStringsArray, ...values: Piece[]): Statement => {
    const parts: Part[] = [];
    const push = (p: Piece) => {
      if (p === undefined || p === false || p === '') return;
      if (Array.isArray(p)) p.forEach(push);
      else if (typeof p === 'string' && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += p;
      else parts.push(p);
    };
    strings.forEach((s, i) => {
      push(s);
      if (i < values.length) push(values[i]);
    });
    return { kind, parts };
  };
}

export const amount = (value: Money, source: Source): Slot => ({ type: 'amount', value, source });
export const text = (t: string): Slot => ({ type: 'text', text: t });
export const count = (value: number): Slot => ({ type: 'count', value });
/** "，占12.53%" — nothing when the whole is zero. */
export const share = (part: Money, whole: Money, lead = '，占'): Piece => whole !== 0 && [lead, { type: 'percent', part, whole }];
/** The year-on-year phrase, or nothing when last year's figure is not known. */
export const change = (current: Money, previous: Money | undefined, source: Source): Piece =>
  previous !== undefined && { type: 'change', current, previous, source };

/** Every slot of some statements with its statement, for tests and the audit. */
export function slotsOf(statements: Statement[]): { statement: Statement; slot: Slot }[] {
  return statements.flatMap((st) => st.parts.filter((p): p is Slot => typeof p !== 'string').map((slot) => ({ statement: st, slot })));
}
