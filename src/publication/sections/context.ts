/** What every section of part one is written from. */
import type { Budget } from '../../model/budget.ts';
import type { KeyFigures, PublicationInputs } from '../../model/publication-inputs.ts';
import type { Block } from '../document.ts';
import type { Figures } from '../figures.ts';
import { statement, text, type Source, type Statement } from '../statement.ts';
import type { BodyWord, StatementKind } from '../vocabulary.ts';

export interface SectionContext {
  budget: Budget;
  fig: Figures;
  inputs: PublicationInputs;
  /** 部门, or 单位 when the document is one unit's */
  word: BodyWord;
  year: number;
}

export const EMPTY_INPUTS: PublicationInputs = { divisions: [], unitNotes: [], reasons: {} };

/** Last year's figure of a key, and where it was typed. */
export function previous(ctx: SectionContext, key: keyof KeyFigures): { value: number | undefined; source: Source } {
  return { value: ctx.inputs.previousYear?.[key], source: { from: 'input', path: `publication.previousYear.${key}` } };
}

/** The unit's own text as a statement of its own, ending with 。 as a sentence does. */
export function ownText(kind: StatementKind, t: string | undefined): Statement[] {
  const s = t?.trim();
  if (!s) return [];
  return [statement(kind)`${text(s)}${/[。；！？]$/.test(s) ? '' : '。'}`];
}

export const heading = (level: 1 | 2 | 3, t: string, part?: 1 | 2): Block => ({ type: 'heading', level, text: t, ...(part && { part }) });
export const paragraph = (...statements: (Statement | Statement[])[]): Block[] => {
  const flat = statements.flat();
  return flat.length ? [{ type: 'paragraph', statements: flat }] : [];
};
