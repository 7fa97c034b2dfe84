/**
 * PDF output: all tables of a package in one A4 landscape document (each table from a new page,
 * pages numbered 第 N 页，共 M 页), optionally one PDF per table. Noto Sans SC is embedded as a
 * subset, so the file reads and prints the same everywhere.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Table } from '../ir/table.ts';
import { FONT, pdfMaker } from './pdf/fonts.ts';
import { PAGE_MARGINS, tableContent, TITLE_STYLE } from './pdf/table-content.ts';
import type { Writer } from './writers.ts';

export interface PdfOptions {
  /** Document title in the PDF metadata; defaults to the 填报部门 and "部门预算公开表". */
  title?: string;
}

function documentDefinition(tables: Table[], opts: PdfOptions): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    info: { title: opts.title ?? `${tables[0]?.filer ?? ''}部门预算公开表`, creator: 'yusuan', producer: 'yusuan' },
    defaultStyle: { font: FONT, fontSize: 9 },
    styles: { title: TITLE_STYLE },
    footer: (page: number, pages: number) => ({ text: `第 ${page} 页，共 ${pages} 页`, alignment: 'center', fontSize: 8, margin: [0, 12, 0, 0] }),
    content: tables.flatMap((t, i) => tableContent(t, i === 0)),
  };
}

/** The PDF of some tables, in memory (for the web server). */
export async function pdfBuffer(tables: Table[], opts: PdfOptions = {}): Promise<Buffer> {
  return pdfMaker().createPdf(documentDefinition(tables, opts)).getBuffer();
}

export const writePdf: Writer = async (tables, ctx) => {
  const path = join(ctx.dir, `${ctx.baseName}.pdf`);
  writeFileSync(path, await pdfBuffer(tables));
  const written = [path];
  if (ctx.perTable) {
    for (const t of tables) {
      const one = join(ctx.dir, `${ctx.baseName}-${t.mark}.pdf`);
      writeFileSync(one, await pdfBuffer([t]));
      written.push(one);
    }
  }
  return written;
};
