/**
 * One table as a worksheet laid out like the official tables: the 预算NN表 mark, the merged title,
 * the 填报部门 / 单位 line, the merged multi-level header, the bordered body and the notes.
 */
import type { Style, Workbook, Worksheet } from 'exceljs';
import { headerDepth, headerGrid, leaves, type LeafColumn, type Table } from '../../ir/table.ts';
import { toDisplayNumber } from '../../money/money.ts';
import { printRow, rowHeaderColumns } from '../render-rows.ts';
import { columnWidths, headerHeights, heightFor, linesFor, rowHeight } from './measure.ts';
import { printFit } from './print-fit.ts';
import { bodyStyle, STYLES } from './styles.ts';

/** Sheet rows (1-based) of the page head; the header starts on the row after. */
const MARK_ROW = 1;
const TITLE_ROW = 2;
const FILER_ROW = 3;
export const HEADER_ROW = 4;

const FOOTER = '&C第 &P 页，共 &N 页';
/** Left and right print margins (inches): narrow, so wide tables keep a legible scale. */
export const PRINT_MARGIN_IN = 0.3;

export function addTableSheet(wb: Workbook, t: Table): Worksheet {
  const cols = leaves(t.header);
  const n = cols.length;
  const depth = headerDepth(t.header);
  const bodyRow = HEADER_ROW + depth;
  const widths = columnWidths(t, cols);
  const fit = printFit(widths, frozenColumns(cols));
  const ws = wb.addWorksheet(t.mark, {
    views: [{ state: 'frozen', xSplit: frozenColumns(cols), ySplit: bodyRow - 1, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: fit.pagesWide,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: PRINT_MARGIN_IN, right: PRINT_MARGIN_IN, top: 0.4, bottom: 0.5, header: 0.2, footer: 0.2 },
      printTitlesRow: `${HEADER_ROW}:${bodyRow - 1}`,
      ...(fit.repeat ? { printTitlesColumn: `A:${String.fromCharCode(64 + fit.repeat)}` } : {}),
    },
    headerFooter: { oddFooter: FOOTER },
  });
  ws.columns = widths.map((width) => ({ width }));

  writeHead(ws, t, n);
  writeHeader(ws, t, widths);
  bodyRows(ws, t, cols, widths, bodyRow);
  writeNotes(ws, t, widths, bodyRow + t.rows.length);
  return ws;
}

/** Freeze the leading code and name columns, unless they would take most of the screen. */
function frozenColumns(cols: LeafColumn[]): number {
  const lead = cols.findIndex((c) => c.kind === 'amount');
  return lead > 0 && lead <= 5 ? lead : 0;
}

function writeHead(ws: Worksheet, t: Table, n: number) {
  put(ws, MARK_ROW, 1, t.mark, STYLES.mark);
  put(ws, TITLE_ROW, 1, t.title, STYLES.title);
  if (n > 1) ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, n);
  ws.getRow(TITLE_ROW).height = 28;

  // 填报部门 on the left, 单位 on the right; on narrow tables each takes half of the line.
  const unitCols = n >= 4 ? 2 : Math.floor(n / 2);
  put(ws, FILER_ROW, 1, `填报部门：${t.filer}`, STYLES.filer);
  if (n - unitCols > 1) ws.mergeCells(FILER_ROW, 1, FILER_ROW, n - unitCols);
  if (unitCols > 0) {
    put(ws, FILER_ROW, n - unitCols + 1, `单位：${t.unit}`, STYLES.unit);
    if (unitCols > 1) ws.mergeCells(FILER_ROW, n - unitCols + 1, FILER_ROW, n);
  }
  ws.getRow(FILER_ROW).height = 18;
}

function writeHeader(ws: Worksheet, t: Table, widths: number[]) {
  for (const h of headerGrid(t.header)) {
    const top = HEADER_ROW + h.row;
    const left = 1 + h.col;
    // Style before merging: merged cells take the master's style, borders included.
    put(ws, top, left, h.label, STYLES.header);
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
  }
  headerHeights(t, widths).forEach((h, i) => (ws.getRow(HEADER_ROW + i).height = h));
}

function bodyRows(ws: Worksheet, t: Table, cols: LeafColumn[], widths: number[], first: number) {
  const headers = rowHeaderColumns(t, cols);
  t.rows.forEach((row, i) => {
    const r = first + i;
    // Cells through their row: the sheet's getCell(r, c) spells out and parses an address each time.
    const sheetRow = ws.getRow(r);
    let c = 1;
    for (const pc of printRow(t, row, cols, headers)) {
      const target = sheetRow.getCell(c);
      target.style = pc.centred ? STYLES.totalLabel : bodyStyle(pc.kind, pc.indent);
      const cell = row.cells[c - 1];
      // null stays truly empty: styled (borders) but without a value.
      if (cell !== null) target.value = typeof cell === 'number' ? toDisplayNumber(cell, t.unit) : cell;
      if (pc.span > 1) ws.mergeCells(r, c, r, c + pc.span - 1);
      c += pc.span;
    }
    sheetRow.height = rowHeight(row, cols, widths, headers);
  });
}

function writeNotes(ws: Worksheet, t: Table, widths: number[], first: number) {
  const n = widths.length;
  const total = widths.reduce((s, w) => s + w, 0);
  t.notes.forEach((note, i) => {
    const r = first + i;
    put(ws, r, 1, note, STYLES.note);
    if (n > 1) ws.mergeCells(r, 1, r, n);
    ws.getRow(r).height = heightFor(linesFor(note, total));
  });
}

function put(ws: Worksheet, r: number, c: number, value: string, style: Partial<Style>) {
  const cell = ws.getCell(r, c);
  cell.style = style;
  cell.value = value;
}
