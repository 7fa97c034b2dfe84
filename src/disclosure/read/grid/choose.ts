/**
 * Whether a document is read by its printed columns, and as which family: the layout asked for,
 * or (auto) the family with the most tables found. Documents with Hunan's 预算NN表 marks are
 * Hunan's; a family document is one whose tables print their columns (a header the reader names
 * and figures under it), which text extracted without positions does not keep.
 */
import { familyOf, FAMILIES } from '../../layouts/index.ts';
import type { ReadOptions, ReadResult } from '../types.ts';
import { gridResult, readFamilyDocument, readGrid, type GridRead } from './index.ts';
import type { PLine } from './positioned.ts';
import { leaves } from '../../../ir/table.ts';

/** Marks on a line of their own: Hunan's 预算NN表, and 表N as yusuan's own nine-table set prints them. */
const MARKS = [/^预\s*算\s*\d{1,2}\s*表?$/, /^附?表\s*\d{1,2}$/];
/** Two figures or a label and a figure apart by a run of spaces: text that kept its columns. */
const COLUMNS = /\S {2,}-?\d[\d,]*(\.\d+)?(\s|$)/;

/**
 * `lines` gives the document's positioned lines and `plain` are its lines as text; `laidOut` says
 * whether their spacing is positional (PDF words always are; extracted text only when it kept its
 * columns, as `pdftotext -layout` does). Both are asked for only when needed: most documents (a
 * Hunan layout, asked for or marked) are settled by `plain` alone, and building the positioned
 * lines of a large document takes a good share of its reading.
 */
export function readByColumns(lines: () => PLine[], plain: string[], opts: ReadOptions, laidOut = () => true): ReadResult | undefined {
  const asked = opts.layout && opts.layout !== 'auto' ? familyOf(opts.layout) : undefined;
  if (asked) return gridResult(readGrid(lines(), asked));
  if (opts.layout && opts.layout !== 'auto') return undefined;
  if (plain.some((l) => MARKS[0].test(l.trim())) || plain.filter((l) => MARKS[1].test(l.trim())).length >= 3) return undefined;
  if (!laidOut()) return undefined;
  const read = readFamilyDocument(lines(), FAMILIES);
  return read && printsColumns(read) ? gridResult(read) : undefined;
}

/** Whether most lines with figures keep their columns apart with runs of spaces. */
export function keepsColumns(text: string[]): boolean {
  const withFigures = text.filter((l) => /\d\.\d\d|\d,\d{3}/.test(l));
  return withFigures.filter((l) => COLUMNS.test(l.trim())).length * 2 > withFigures.length;
}

/** Most tables found name at least one amount column and place figures in rows. */
function printsColumns(read: GridRead): boolean {
  const ok = read.tables.filter((t) => leaves(t.header).some((c) => c.kind === 'amount') && (t.empty || t.rows.some((r) => r.cells.some((c) => typeof c === 'number'))));
  return ok.length * 2 > read.tables.length && read.tables.some((t) => !t.empty);
}
