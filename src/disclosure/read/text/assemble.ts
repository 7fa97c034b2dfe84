/** Turns parsed rows and placed figures into rows of the table IR, in the layout's columns. */
import { leaves, type Cell, type LeafColumn, type Row, type RowKind } from '../../../ir/table.ts';
import type { TableLayout } from '../../layouts/layout.ts';
import { compact } from './tokens.ts';
import { splitNumbered, splitOverall } from './goal-texts.ts';
import type { ParsedRow } from './rows.ts';

const INDENT: Partial<Record<RowKind, number>> = { total: 0, department: 0, unit: 1, class: 2, section: 3 };

export const nameOf = (r: ParsedRow) => compact(r.name.join(''));

/** A label people recognise: code and name, or the 合计 label. */
export function labelOf(r: ParsedRow): string {
  if (r.kind === 'total') return r.label ?? '合计';
  return [r.kind === 'item' && r.unit && r.printed.length === 3 ? r.unit : '', r.code ?? '', nameOf(r)].filter(Boolean).join(' ');
}

export function assembleRow(layout: TableLayout, r: ParsedRow, figures: Map<number, number>): Row {
  const ls = leaves(layout.header);
  const cells: Cell[] = ls.map((_, i) => figures.get(i) ?? null);
  const keyCols = ls.flatMap((c, i) => (c.kind === 'code' || (c.kind === 'text' && i < firstAmount(ls)) ? [i] : []));
  const codeCols = keyCols.filter((i) => ls[i].kind === 'code');
  const nameCol = keyCols.find((i) => ls[i].kind === 'text');
  if (r.kind === 'total') {
    if (keyCols.length) cells[keyCols[0]] = r.label || null;
  } else {
    if (layout.rows === 'items') {
      const printed = r.kind === 'item' ? [...r.printed, r.unit ?? null] : [null, null, null, r.code ?? null];
      codeCols.forEach((c, k) => (cells[c] = printed[k] ?? null));
    } else if (codeCols.length && r.kind !== 'project') cells[codeCols[0]] = r.printed[0] ?? r.code ?? null;
    else if (codeCols.length && layout.rows === 'goals') cells[codeCols[0]] = r.code ?? null;
    if (nameCol !== undefined) cells[nameCol] = nameOf(r) || null;
  }
  for (const [key, text] of textCells(layout, r, ls)) {
    const i = ls.findIndex((c) => c.key === key);
    if (i >= 0 && text) cells[i] = text;
  }
  const indent = INDENT[r.kind] ?? (r.kind === 'item' ? (layout.rows === 'tree' ? 4 : 2) : r.kind === 'project' && layout.rows === 'projects' ? 2 : 0);
  return { kind: r.kind, ...(r.code ? { code: r.code } : {}), ...(r.unit ? { unit: r.unit } : {}), indent, cells };
}

function firstAmount(ls: LeafColumn[]): number {
  const i = ls.findIndex((c) => c.kind === 'amount');
  return i < 0 ? ls.length : i;
}

/** Text cells after the figures (best effort: extraction does not keep cell boundaries). */
function textCells(layout: TableLayout, r: ParsedRow, ls: LeafColumn[]): Map<string, string> {
  if (!r.texts.length) return new Map();
  const keys = ls.slice(firstAmount(ls)).filter((c) => c.kind === 'text').map((c) => c.key);
  if (layout.rows === 'goals') return splitNumbered(r.texts.map(compact), keys);
  if (keys.includes('duties')) return splitOverall(r.texts.map(compact));
  const words = r.texts.join(' ').split(/\s+/).filter(Boolean);
  return new Map(keys.length ? [[keys[0], words[0] ?? ''], ...(keys[1] ? [[keys[1], compact(words.slice(1).join(''))] as [string, string]] : [])] : []);
}
