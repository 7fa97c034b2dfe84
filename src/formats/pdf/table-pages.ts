/**
 * The tables-only PDF laid out page by page: each table from a new page with its 预算NN表 mark,
 * centred title and 填报部门/单位 line, the merged header repeated on every page the table runs
 * on to, then its rows, and its notes under the last row. A row is never split across pages (one
 * taller than a whole page, which no budget's goals come near, is cut between its lines rather
 * than run off the page); amounts and codes stay on one line, texts wrap by measured widths.
 * Sizes and column widths come from `planTable`, shared with the whole-publication PDF.
 */
import type { Table } from '../../ir/table.ts';
import type { PrintCell } from '../render-rows.ts';
import type { Glyphs } from './glyphs.ts';
import type { PagePaint } from './page-canvas.ts';
import { gridRules, headerBlock, rowHeight, type Block, type Segment, type TextRun } from './table-grid.ts';
import { FILER_SIZE, GAP, MARK_SIZE, NOTE_SIZE, PAGE, PAGE_MARGINS, planTable, TITLE_MARGIN, TITLE_SIZE } from './table-content.ts';
import { CELL_PAD_X, CELL_PAD_Y, INDENT_EM, LINE_EM, RULE } from './widths.ts';

export type { Segment, TextRun };

export interface LaidPage extends PagePaint {
  /** Index of the table the page shows. */
  table: number;
  /** The table's first page (bookmarked). */
  first: boolean;
}

const LEFT = PAGE_MARGINS[0];
const TOP = PAGE_MARGINS[1];
const WIDTH = PAGE.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const BOTTOM = PAGE.height - PAGE_MARGINS[3];

/** Lines of text of one cell of a body row, placed relative to the row. */
interface CellLines {
  lines: string[];
  /** x of each line (already aligned) */
  xs: number[];
}

export function tablePages(tables: Table[], glyphs: Glyphs): LaidPage[] {
  return tables.flatMap((t, i) => pagesOf(t, i, glyphs));
}

function pagesOf(t: Table, index: number, glyphs: Glyphs): LaidPage[] {
  const { body, header, depth, fit } = planTable(t);
  const { fontSize, widths } = fit;
  const lineHeight = LINE_EM * fontSize;
  // Left rule of each column, and the table's right edge: a rule, padding, width, padding.
  const edges = [LEFT + RULE / 2];
  for (const w of widths) edges.push(edges[edges.length - 1] + w + 2 * CELL_PAD_X + RULE);
  const head = headerBlock(header, depth, edges, fontSize, glyphs);
  const rows = body.map((cells) => cellLines(cells, edges, fontSize, glyphs));
  const noteLines = t.notes.map((n) => glyphs.wrap(n, WIDTH, NOTE_SIZE));
  const notesHeight = noteLines.reduce((h, l) => h + GAP + l.length * NOTE_SIZE * LINE_EM, 0);

  const pages: LaidPage[] = [];
  let page!: LaidPage;
  let y = 0;
  let block!: Block;
  const startPage = (first: boolean) => {
    page = { table: index, first, texts: [], rules: [] };
    pages.push(page);
    y = first ? titleLines(t, page, glyphs) : TOP;
    for (const r of head.texts) page.texts.push({ ...r, y: r.y + y });
    block = { rows: head.rows.map((r) => ({ ...r, top: r.top + y })) };
    y += head.height;
  };
  startPage(true);
  rows.forEach((cells, r) => {
    let from = 0;
    const total = Math.max(1, ...cells.map((c) => c.lines.length));
    while (from < total) {
      const last = r === rows.length - 1;
      const room = BOTTOM - y - RULE - (last ? notesHeight : 0);
      const onPage = block.rows.length > head.rows.length;
      if (rowHeight(total - from, fontSize) > room && onPage) {
        finish(page, block, edges);
        startPage(false);
        continue;
      }
      // Only a row taller than a whole page is cut, at the last of its lines that fits.
      const n = rowHeight(total - from, fontSize) <= room ? total - from : Math.max(1, Math.floor((room - 2 * CELL_PAD_Y - RULE) / lineHeight));
      const textTop = y + RULE + CELL_PAD_Y;
      for (const c of cells) {
        for (let k = from; k < Math.min(from + n, c.lines.length); k++) page.texts.push({ text: c.lines[k], x: c.xs[k], y: textTop + (k - from) * lineHeight, size: fontSize });
      }
      block.rows.push({ top: y, height: rowHeight(n, fontSize), cuts: rowCuts(body[r], edges) });
      y += rowHeight(n, fontSize);
      from += n;
    }
  });
  finish(page, block, edges);
  y += RULE;
  noteLines.forEach((lines) => {
    y += GAP;
    for (const l of lines) {
      page.texts.push({ text: l, x: LEFT, y, size: NOTE_SIZE });
      y += NOTE_SIZE * LINE_EM;
    }
  });
  return pages;
}

/** Draws the mark, title and 填报部门 line of a table's first page; returns where the table starts. */
function titleLines(t: Table, page: LaidPage, glyphs: Glyphs): number {
  let y = TOP;
  page.texts.push({ text: t.mark, x: LEFT, y, size: MARK_SIZE });
  y += MARK_SIZE * LINE_EM + TITLE_MARGIN[1];
  for (const line of glyphs.wrap(t.title.trim(), WIDTH, TITLE_SIZE)) {
    page.texts.push({ text: line, x: LEFT + (WIDTH - glyphs.em(line, true) * TITLE_SIZE) / 2, y, size: TITLE_SIZE, bold: true });
    y += TITLE_SIZE * LINE_EM;
  }
  y += TITLE_MARGIN[3];
  const unit = `单位：${t.unit}`;
  page.texts.push({ text: `填报部门：${t.filer}`, x: LEFT, y, size: FILER_SIZE });
  page.texts.push({ text: unit, x: LEFT + WIDTH - glyphs.em(unit) * FILER_SIZE, y, size: FILER_SIZE });
  return y + FILER_SIZE * LINE_EM + GAP;
}

/** The lines of each cell of a body row, wrapped and aligned in its columns. */
function cellLines(cells: PrintCell[], edges: number[], fontSize: number, glyphs: Glyphs): CellLines[] {
  let col = 0;
  return cells.map((c) => {
    const left = edges[col] + RULE / 2 + CELL_PAD_X;
    const width = edges[col + c.span] - edges[col] - 2 * CELL_PAD_X - RULE;
    col += c.span;
    if (c.text === '') return { lines: [], xs: [] };
    if (c.kind === 'amount') return { lines: [c.text], xs: [left + width - glyphs.em(c.text) * fontSize] };
    const indent = c.indent * INDENT_EM * fontSize;
    const lines = c.kind === 'code' ? [c.text] : glyphs.wrap(c.text, width - indent, fontSize);
    return { lines, xs: lines.map((l) => (c.centred ? left + (width - glyphs.em(l) * fontSize) / 2 : left + indent)) };
  });
}

/** Edges ruled down a body row: all of them unless a cell spans columns. */
function rowCuts(cells: PrintCell[], edges: number[]): number[] | undefined {
  if (cells.length === edges.length - 1) return undefined;
  const cuts = [0];
  for (const c of cells) cuts.push(cuts[cuts.length - 1] + c.span);
  return cuts;
}

function finish(page: LaidPage, block: Block, edges: number[]) {
  page.rules.push(...gridRules(block, edges));
}
