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

const HUNAN_MARK = /^预\s*算\s*\d{1,2}\s*表?$/;

export function readByColumns(lines: PLine[], plain: string[], opts: ReadOptions): ReadResult | undefined {
  const asked = opts.layout && opts.layout !== 'auto' ? familyOf(opts.layout) : undefined;
  if (asked) return gridResult(readGrid(lines, asked));
  if (opts.layout && opts.layout !== 'auto') return undefined;
  if (plain.some((l) => HUNAN_MARK.test(l.trim()))) return undefined;
  const read = readFamilyDocument(lines, FAMILIES);
  return read && printsColumns(read) ? gridResult(read) : undefined;
}

/** Most tables found name at least one amount column and place figures in rows. */
function printsColumns(read: GridRead): boolean {
  const ok = read.tables.filter((t) => leaves(t.header).some((c) => c.kind === 'amount') && (t.empty || t.rows.some((r) => r.cells.some((c) => typeof c === 'number'))));
  return ok.length * 2 > read.tables.length && read.tables.some((t) => !t.empty);
}
