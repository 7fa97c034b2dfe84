/**
 * The page of the tables (A4 landscape) and what is laid out of one table on it: the sizes of its
 * 预算NN表 mark, title, 填报部门/单位 line and notes, and its printed cells, merged header, font
 * size and column widths (`planTable`), which `table-pages` then places page by page.
 */
import { headerDepth, headerGrid, leaves, type HeaderCell, type Table } from '../../ir/table.ts';
import { printRow, rowHeaderColumns, type PrintCell } from '../render-rows.ts';
import { fitTable, INDENT_EM, LINE_EM, type ColumnContent, type Fit, type TableShape } from './widths.ts';

export const PAGE = { width: 841.89, height: 595.28 };
export const PAGE_MARGINS: [number, number, number, number] = [28, 28, 28, 36];
export const MARK_SIZE = 9;
export const TITLE_SIZE = 16;
export const TITLE_MARGIN: [number, number, number, number] = [0, 2, 0, 8];
export const FILER_SIZE = 9;
export const NOTE_SIZE = 8;
export const GAP = 4;

/** What the PDF writers lay out of a table: its cells, header grid, font size and column widths. */
export interface TablePlan {
  body: PrintCell[][];
  header: HeaderCell[];
  depth: number;
  shape: TableShape;
  fit: Fit;
}

/** Height of the lines above a table: its mark, title and 填报部门 line. */
export const ABOVE = line(MARK_SIZE) + line(TITLE_SIZE) + TITLE_MARGIN[1] + TITLE_MARGIN[3] + line(FILER_SIZE) + GAP;

function line(size: number) {
  return size * LINE_EM;
}

export function planTable(t: Table): TablePlan {
  const cols = leaves(t.header);
  const headers = rowHeaderColumns(t, cols);
  const body = t.rows.map((r) => printRow(t, r, cols, headers));
  const header = headerGrid(t.header);

  const columns: ColumnContent[] = cols.map((column) => ({ column, texts: [], indentEm: 0 }));
  for (const cells of body) {
    let col = 0;
    for (const c of cells) {
      if (c.span === 1) {
        columns[col].texts.push(c.text);
        columns[col].indentEm = Math.max(columns[col].indentEm, c.indent * INDENT_EM);
      }
      col += c.span;
    }
  }
  const below = t.notes.length * (line(NOTE_SIZE) + GAP);
  const shape: TableShape = {
    columns,
    header,
    body,
    width: PAGE.width - PAGE_MARGINS[0] - PAGE_MARGINS[2],
    height: PAGE.height - PAGE_MARGINS[1] - PAGE_MARGINS[3] - ABOVE - below,
  };
  return { body, header, depth: headerDepth(t.header), shape, fit: fitTable(shape) };
}
