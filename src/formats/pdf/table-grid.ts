/**
 * The ruled grid of a table on one page, and its merged header: where each header label goes
 * (centred in the lines and columns it spans) and which rules separate the cells. Rules are
 * joined into the longest straight segments (a column rule runs down the page in one stroke),
 * which keeps the page small and reads the same to a PDF reader as a rule per cell.
 */
import type { HeaderCell } from '../../ir/table.ts';
import type { Glyphs } from './glyphs.ts';
import { CELL_PAD_X, CELL_PAD_Y, LINE_EM, RULE } from './widths.ts';

/** A line of text; `y` is the top of its line box (the baseline is an ascender lower). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
}

/** A ruled line, horizontal or vertical. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One line of the grid: header line or body row. */
export interface GridRow {
  top: number;
  height: number;
  /** Edges (indexes into the column edges) ruled down this row; undefined: all of them. */
  cuts?: number[];
  /** Column ranges [from, to) ruled above this row; undefined: the whole width. */
  tops?: [number, number][];
}

/** The rows of a table on one page, header first. */
export interface Block {
  rows: GridRow[];
}

/** The merged header laid out at the top of the table (y from 0): its labels and grid rows. */
export interface HeaderBlock {
  texts: TextRun[];
  rows: GridRow[];
  height: number;
}

export const rowHeight = (lines: number, fontSize: number) => lines * LINE_EM * fontSize + 2 * CELL_PAD_Y + RULE;

/** `edges` are the centres of the column rules, left to right (one more than the columns). */
export function headerBlock(header: HeaderCell[], depth: number, edges: number[], fontSize: number, glyphs: Glyphs): HeaderBlock {
  const inner = (h: HeaderCell) => edges[h.col + h.colSpan] - edges[h.col] - 2 * CELL_PAD_X - RULE;
  const lines = header.map((h) => glyphs.wrap(h.label, inner(h), fontSize));
  const own = lines.map((l) => rowHeight(l.length, fontSize));
  const heights = Array.from({ length: depth }, () => rowHeight(1, fontSize));
  header.forEach((h, i) => {
    if (h.rowSpan === 1) heights[h.row] = Math.max(heights[h.row], own[i]);
  });
  // A label taller than the lines it spans pushes down the last of them.
  header.forEach((h, i) => {
    const last = h.row + h.rowSpan - 1;
    const spanned = heights.slice(h.row, last + 1).reduce((a, b) => a + b, 0);
    if (own[i] > spanned) heights[last] += own[i] - spanned;
  });
  const tops = heights.map((_, r) => heights.slice(0, r).reduce((a, b) => a + b, 0));

  // Labels are drawn line by line, left to right, so text extraction reads the header in order.
  const order = header.map((_, i) => i).sort((a, b) => header[a].row - header[b].row || header[a].col - header[b].col);
  const texts: TextRun[] = [];
  order.forEach((i) => {
    const h = header[i];
    const spanned = heights.slice(h.row, h.row + h.rowSpan).reduce((a, b) => a + b, 0);
    const y = tops[h.row] + RULE + CELL_PAD_Y + (spanned - own[i]) / 2;
    const left = edges[h.col] + RULE / 2 + CELL_PAD_X;
    lines[i].forEach((text, k) => {
      texts.push({ text, x: left + (inner(h) - glyphs.em(text) * fontSize) / 2, y: y + k * LINE_EM * fontSize, size: fontSize });
    });
  });

  // Which header cell covers each line and column: rules run only between different cells.
  const columns = edges.length - 1;
  const owner = heights.map(() => new Array<number>(columns).fill(-1));
  header.forEach((h, i) => {
    for (let r = h.row; r < h.row + h.rowSpan; r++) for (let c = h.col; c < h.col + h.colSpan; c++) owner[r][c] = i;
  });
  const rows = heights.map((height, r): GridRow => {
    const cuts = [0];
    for (let k = 1; k < columns; k++) if (owner[r][k - 1] !== owner[r][k]) cuts.push(k);
    cuts.push(columns);
    const ruled: [number, number][] = [];
    for (let c = 0; c < columns; c++) {
      if (r > 0 && owner[r - 1][c] === owner[r][c]) continue;
      const prev = ruled[ruled.length - 1];
      if (prev && prev[1] === c) prev[1] = c + 1;
      else ruled.push([c, c + 1]);
    }
    return { top: tops[r], height, cuts, tops: ruled };
  });
  return { texts, rows, height: heights.reduce((a, b) => a + b, 0) };
}

/** The rules of a block: above each row, under the last, and down the edges of each row's cells. */
export function gridRules(block: Block, edges: number[]): Segment[] {
  const out: Segment[] = [];
  const half = RULE / 2;
  const across = (from: number, to: number, y: number) => out.push({ x0: edges[from] - half, y0: y, x1: edges[to] + half, y1: y });
  const columns = edges.length - 1;
  for (const row of block.rows) {
    for (const [from, to] of row.tops ?? [[0, columns]]) across(from, to, row.top + half);
  }
  const last = block.rows[block.rows.length - 1];
  if (!last) return out;
  across(0, columns, last.top + last.height + half);
  // Down each edge: one segment for every run of rows that rule it.
  for (let k = 0; k <= columns; k++) {
    let from: number | undefined;
    let to = 0;
    for (const row of block.rows) {
      const ruled = !row.cuts || row.cuts.includes(k);
      if (ruled) {
        from ??= row.top;
        to = row.top + row.height + RULE;
      } else if (from !== undefined) {
        out.push({ x0: edges[k], y0: from, x1: edges[k], y1: to });
        from = undefined;
      }
    }
    if (from !== undefined) out.push({ x0: edges[k], y0: from, x1: edges[k], y1: to });
  }
  return out;
}
