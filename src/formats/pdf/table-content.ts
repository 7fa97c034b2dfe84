/**
 * One table of the IR as pdfmake content, laid out like the printed disclosure: the 预算NN表 mark,
 * the centred title, the 填报部门/单位 line, the merged header (repeated on every page the table
 * runs over), the body, and the notes under it.
 */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { headerDepth, headerGrid, leaves, type HeaderCell, type Table } from '../../ir/table.ts';
import { printRow, rowHeaderColumns, type PrintCell } from '../render-rows.ts';
import { CELL_PAD_X, CELL_PAD_Y, fitTable, hasParagraphs, headerLayout, INDENT_EM, LINE_EM, RULE, type ColumnContent, type Fit, type TableShape } from './widths.ts';

export const PAGE = { width: 841.89, height: 595.28 };
export const PAGE_MARGINS: [number, number, number, number] = [28, 28, 28, 36];
export const MARK_SIZE = 9;
export const TITLE_SIZE = 16;
export const TITLE_MARGIN: [number, number, number, number] = [0, 2, 0, 8];
export const FILER_SIZE = 9;
export const NOTE_SIZE = 8;
export const GAP = 4;

export const TITLE_STYLE = { fontSize: TITLE_SIZE, bold: true, alignment: 'center' as const, margin: TITLE_MARGIN };

const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  paddingLeft: () => CELL_PAD_X,
  paddingRight: () => CELL_PAD_X,
  paddingTop: () => CELL_PAD_Y,
  paddingBottom: () => CELL_PAD_Y,
};

/** What both PDF writers lay out of a table: its cells, header grid, font size and column widths. */
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

export function tableContent(t: Table, first: boolean): Content[] {
  const { body, header, depth, shape, fit } = planTable(t);
  const cols = shape.columns;
  const { fontSize, widths } = fit;
  const { offsets } = headerLayout(shape, fit);

  const head: TableCell[][] = Array.from({ length: depth }, () => cols.map(() => ({})));
  header.forEach((h, i) => {
    head[h.row][h.col] = { text: h.label, rowSpan: h.rowSpan, colSpan: h.colSpan, alignment: 'center', margin: [0, offsets[i], 0, 0] };
  });
  const rows: TableCell[][] = body.map((cells) =>
    cells.flatMap((c) => {
      const cell: TableCell = {
        text: c.text,
        // labels of sub-items start with ideographic spaces (预算01表), as in the printed tables
        preserveLeadingSpaces: true,
        alignment: c.kind === 'amount' ? 'right' : c.centred ? 'center' : 'left',
        ...(c.span > 1 ? { colSpan: c.span } : {}),
        ...(c.indent > 0 ? { margin: [c.indent * INDENT_EM * fontSize, 0, 0, 0] as [number, number, number, number] } : {}),
      };
      return [cell, ...Array.from({ length: c.span - 1 }, () => ({}))];
    }),
  );

  return [
    { text: t.mark, fontSize: MARK_SIZE, ...(first ? {} : { pageBreak: 'before' as const }) },
    { text: t.title.trim(), style: 'title' },
    {
      columns: [
        { text: `填报部门：${t.filer}`, width: '*' },
        { text: `单位：${t.unit}`, width: 'auto' },
      ],
      fontSize: FILER_SIZE,
      margin: [0, 0, 0, GAP],
    },
    {
      // A row of figures stays on one page; a row of goal paragraphs may need several.
      table: { headerRows: depth, dontBreakRows: !hasParagraphs(cols), widths, body: [...head, ...rows] },
      layout: GRID_LAYOUT,
      fontSize,
    },
    ...t.notes.map((n): Content => ({ text: n, fontSize: NOTE_SIZE, margin: [0, GAP, 0, 0] })),
  ];
}
