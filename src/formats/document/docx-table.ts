/**
 * One table of the IR as a Word table: the 预算NN表 mark, title and 填报部门/单位 line, the merged
 * header (repeated on every page the table runs over), the body cells as the other writers print
 * them, and the notes. Column widths follow the kind of column (names and goal texts wider).
 */
import { AlignmentType, Bookmark, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type FileChild } from 'docx';
import { headerDepth, headerGrid, leaves, type Table as IrTable } from '../../ir/table.ts';
import { printRow, rowHeaderColumns } from '../render-rows.ts';

/** Landscape A4 less 15 mm margins, in twentieths of a point. */
export const LANDSCAPE_WIDTH = 15136;
const SIZE = 16; // half-points: 8 pt in the table body
const WEIGHT = { code: 1.1, text: 2.6, amount: 1.15 };

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text, size: opts.size ?? SIZE, bold: opts.bold });
const cellPara = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent = 0) =>
  new Paragraph({ children: [run(text)], alignment, indent: indent ? { left: indent * 160 } : undefined });

/** `bookmark`: the title is then a 标题 2 with that bookmark, so the 目录 and the navigation pane list the table. */
export function docxTable(t: IrTable, bookmark?: string): FileChild[] {
  const cols = leaves(t.header);
  const weights = cols.map((c) => (cols.length > 14 && c.kind === 'amount' ? 1 : WEIGHT[c.kind]));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((LANDSCAPE_WIDTH * w) / sum));
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
              children: [cellPara(h.label, AlignmentType.CENTER)],
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
          children: [cellPara(c.text.replace(/^[\u3000 ]+/, ''), align, c.indent + (c.text.match(/^\u3000+/)?.[0].length ?? 0))],
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
    new Table({ rows: [...headRows, ...bodyRows], columnWidths: widths, width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA } }),
    ...t.notes.map((n) => new Paragraph({ children: [run(n, { size: 16 })], spacing: { before: 80 } })),
  ];
}
