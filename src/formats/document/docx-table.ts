/**
 * One table of the IR as a Word table: the 预算NN表 mark, title and 填报部门/单位 line, the merged
 * header (repeated on every page the table runs over), the body cells as the other writers print
 * them, and the notes. Column widths follow the kind of column (names and goal texts wider).
 */
import { AlignmentType, Bookmark, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type FileChild } from 'docx';
import { headerDepth, headerGrid, leaves, type Table as IrTable } from '../../ir/table.ts';
import { printRow, rowHeaderColumns } from '../render-rows.ts';
import { formatMoney } from '../../money/money.ts';

/** Landscape A4 less 15 mm margins, in twentieths of a point. */
export const LANDSCAPE_WIDTH = 15136;
/** Half-points: 8 pt in the body of a table, less when it has many columns. */
const size = (columns: number) => (columns > 20 ? 13 : columns > 12 ? 14 : 16);
const CELL_MARGIN = 40;

const run = (text: string, opts: { bold?: boolean; size: number }) => new TextRun({ text, size: opts.size, bold: opts.bold });
const cellPara = (text: string, sz: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent = 0) =>
  new Paragraph({ children: [run(text, { size: sz })], alignment, indent: indent ? { left: indent * 140 } : undefined });

/** Width of a text in half-width characters (a CJK character counts two). */
const halfWidths = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * Column widths (twips): amounts and codes as wide as their widest entry, so they never wrap; names
 * and goal texts share the rest in proportion to their length (at least four characters wide).
 */
function columnWidths(t: IrTable, cols: ReturnType<typeof leaves>, sz: number): number[] {
  const half = sz * 10 * 0.6; // twips per half-width character (half-points × 10 = twips of 1 em), with room for wider digits
  const widest = cols.map((_, i) =>
    t.rows.reduce((w, r) => {
      const v = r.cells[i];
      return Math.max(w, typeof v === 'number' ? formatMoney(v, t.unit).length : typeof v === 'string' ? halfWidths(v) + 2 * r.indent : 0);
    }, 4),
  );
  const fixed = cols.map((c, i) => (c.kind === 'text' ? 0 : Math.ceil((widest[i] + 1) * half + 2 * CELL_MARGIN)));
  const textNeed = cols.map((c, i) => (c.kind === 'text' ? Math.max(8, widest[i]) : 0));
  const rest = LANDSCAPE_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const textSum = textNeed.reduce((a, b) => a + b, 0);
  const minText = 8 * half + 2 * CELL_MARGIN;
  if (rest < textNeed.filter(Boolean).length * minText) {
    // too many figures for the page: scale everything (figures may then wrap)
    const need = cols.map((c, i) => fixed[i] || minText);
    const sum = need.reduce((a, b) => a + b, 0);
    return need.map((n) => Math.floor((LANDSCAPE_WIDTH * n) / sum));
  }
  return cols.map((c, i) => (c.kind === 'text' ? Math.max(minText, Math.floor((rest * textNeed[i]) / textSum)) : fixed[i]));
}

export function docxTable(t: IrTable, bookmark?: string): FileChild[] {
  const cols = leaves(t.header);
  const sz = size(cols.length);
  const widths = columnWidths(t, cols, sz);
  const depth = headerDepth(t.header);
  const grid = headerGrid(t.header);
  const headRows = Array.from({ length: depth }, (_, r) =>
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: grid
        .filter((h) => h.row === r)
        .map(
          (h) =>
            new TableCell({
              children: [cellPara(h.label, sz, AlignmentType.CENTER)],
              columnSpan: h.colSpan > 1 ? h.colSpan : undefined,
              rowSpan: h.rowSpan > 1 ? h.rowSpan : undefined,
              verticalAlign: VerticalAlign.CENTER,
              width: { size: widths.slice(h.col, h.col + h.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
            }),
        ),
    }),
  );
  const headers = rowHeaderColumns(t, cols);
  let col = 0;
  const bodyRows = t.rows.map((r) => {
    col = 0;
    return new TableRow({
      cantSplit: true,
      children: printRow(t, r, cols, headers).map((c) => {
        const width = widths.slice(col, col + c.span).reduce((a, b) => a + b, 0);
        col += c.span;
        const align = c.kind === 'amount' ? AlignmentType.RIGHT : c.centred ? AlignmentType.CENTER : AlignmentType.LEFT;
        return new TableCell({
          children: [cellPara(c.text.replace(/^[\u3000 ]+/, ''), sz, align, c.indent + (c.text.match(/^\u3000+/)?.[0].length ?? 0))],
          columnSpan: c.span > 1 ? c.span : undefined,
          verticalAlign: VerticalAlign.CENTER,
          width: { size: width, type: WidthType.DXA },
        });
      }),
    });
  });
  return [
    new Paragraph({ children: [run(t.mark, { size: 18 })] }),
    new Paragraph({
      heading: bookmark ? HeadingLevel.HEADING_2 : undefined,
      children: bookmark ? [new Bookmark({ id: bookmark, children: [run(t.title.trim(), { bold: true, size: 32 })] })] : [run(t.title.trim(), { bold: true, size: 32 })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
    }),
    new Paragraph({
      children: [run(`填报部门：${t.filer}`, { size: 18 }), new TextRun({ text: `\t单位：${t.unit}`, size: 18 })],
      tabStops: [{ type: 'right', position: LANDSCAPE_WIDTH }],
      spacing: { after: 80 },
    }),
    new Table({
      rows: [...headRows, ...bodyRows],
      columnWidths: widths,
      width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA },
      margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    }),
    ...t.notes.map((n) => new Paragraph({ children: [run(n, { size: 16 })], spacing: { before: 80 } })),
  ];
}
