/**
 * Test helper: a whole disclosure as PDF — the 说明 pages (one paragraph a line) followed by the
 * tables as yusuan prints them — so the audit can be run on text and tables from one file.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT, pdfMaker } from '../../../src/formats/pdf/fonts.ts';
import { PAGE_MARGINS, tableContent, TITLE_STYLE } from '../../../src/formats/pdf/table-content.ts';
import type { Table } from '../../../src/ir/table.ts';

export async function documentPdf(pages: string[][], tables: Table[]): Promise<Buffer> {
  const text: Content[] = pages.flatMap((lines, i) => lines.map((line, k): Content => ({ text: line, fontSize: 11, margin: [0, 0, 0, 4], ...(k === 0 && i > 0 ? { pageBreak: 'before' as const } : {}) })));
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    defaultStyle: { font: FONT, fontSize: 9 },
    styles: { title: TITLE_STYLE },
    content: [...text, ...tables.flatMap((t) => tableContent(t, false))],
  };
  return pdfMaker().createPdf(doc).getBuffer();
}
