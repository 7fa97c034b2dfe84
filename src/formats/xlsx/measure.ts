/**
 * Size estimates for the xlsx sheets. Excel and LibreOffice do not fit column widths, and do not
 * reliably fit row heights to wrapped text on open, so we estimate both from the text.
 * Units: column widths in Excel character units (width of "0" in the default font), heights in pt.
 */
import { headerDepth, headerGrid, leaves, type Cell, type LeafColumn, type Row, type Table } from '../../ir/table.ts';
import { formatMoney } from '../../money/money.ts';

/**
 * Body font 10 pt: one CJK character is about 1.8 "0" wide (13 px in Excel's 宋体, a little less
 * in LibreOffice's substitute); one line is about 13.5 pt high.
 */
const WIDE_UNITS = 1.8;
const LINE_PT = 13.5;
const PAD_PT = 1.5;
const MIN_ROW_PT = 15;
const MAX_ROW_PT = 409; // Excel's limit
const MAX_LINES = Math.floor((MAX_ROW_PT - PAD_PT) / LINE_PT);

/** A text longer than this (in width units) is a paragraph: it gets a fixed width and wraps. */
const PARAGRAPH = 60;

// Full-width and CJK ranges: ideographs, CJK punctuation, full-width forms.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? WIDE_UNITS : 1;
  return w;
}

/** Lines a text needs in a column of `width` units (wrapping at the cell's inner width). */
export function linesFor(text: string, width: number, indent = 0): number {
  const usable = Math.max(2, width - 1.5 - indent * 2);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
}

export function heightFor(lines: number): number {
  return Math.min(MAX_ROW_PT, Math.max(MIN_ROW_PT, lines * LINE_PT + PAD_PT));
}

function cellText(c: Cell, t: Table): string {
  return typeof c === 'number' ? formatMoney(c, t.unit) : (c ?? '');
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Column widths: code columns narrow, name columns as wide as their names, amounts ~12. Paragraph
 * columns (goal texts) get 30, or more when the text would not fit in the tallest row Excel allows;
 * beside them the other texts may wrap too, since their rows are tall anyway.
 */
export function columnWidths(t: Table, cols: LeafColumn[] = leaves(t.header)): number[] {
  const widest = cols.map((col, i) =>
    t.rows.reduce((w, r) => Math.max(w, displayWidth(cellText(r.cells[i], t)) + (col.kind === 'text' ? 2 * r.indent : 0)), 0),
  );
  const paragraphs = cols.some((c, i) => c.kind === 'text' && widest[i] > PARAGRAPH);
  // On a sheet of many columns a name wraps rather than widen the printed page.
  const nameCap = paragraphs ? 12 : cols.length > 20 ? 20 : 30;
  return cols.map((col, i) => {
    const w = widest[i];
    // Narrow enough that the widest sheets (预算09/13表) print at a legible scale on A4 landscape.
    if (col.kind === 'amount') return clamp(w + 2, 8, 18);
    if (col.kind === 'code') return clamp(w + 2, 5, 12);
    if (w > PARAGRAPH) return Math.max(14, Math.ceil(w / (MAX_LINES - 1)) + 2);
    return clamp(w + 3, 10, nameCap);
  });
}

/** Heights of the header lines so that every wrapped label fits within its merged cell. */
export function headerHeights(t: Table, widths: number[]): number[] {
  const depth = headerDepth(t.header);
  const heights = new Array<number>(depth).fill(MIN_ROW_PT);
  const cells = headerGrid(t.header).sort((a, b) => a.rowSpan - b.rowSpan);
  for (const h of cells) {
    const width = widths.slice(h.col, h.col + h.colSpan).reduce((s, w) => s + w, 0);
    const need = heightFor(linesFor(h.label, width));
    const rows = heights.slice(h.row, h.row + h.rowSpan);
    const have = rows.reduce((s, x) => s + x, 0);
    if (have < need) heights[h.row + h.rowSpan - 1] += need - have;
  }
  return heights;
}

/** Height of a body row: enough lines for its longest wrapped text (row headers carry the indent). */
export function rowHeight(row: Row, cols: LeafColumn[], widths: number[], headers: Set<number>): number {
  let lines = 1;
  row.cells.forEach((c, i) => {
    if (typeof c === 'string' && cols[i].kind === 'text') lines = Math.max(lines, linesFor(c, widths[i], headers.has(i) ? row.indent : 0));
  });
  return heightFor(lines);
}
