/**
 * PDF output: all tables of a package in one A4 landscape document (each table from a new page,
 * its header repeated on every page it runs on to, pages numbered 第 N 页，共 M 页, a bookmark per
 * table), optionally one PDF per table. Laid out by our own code (`pdf/table-pages.ts`) and drawn
 * with pdfkit: a general layout engine spent seconds on a large department's thousands of rows.
 * Noto Sans SC is embedded as a subset, so the file reads and prints the same everywhere.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from '../ir/table.ts';
import { PageCanvas } from './pdf/page-canvas.ts';
import { tablePages } from './pdf/table-pages.ts';
import type { Writer } from './writers.ts';

export interface PdfOptions {
  /** Document title in the PDF metadata; defaults to the 填报部门 and "部门预算公开表". */
  title?: string;
}

/** The PDF of some tables, in memory (for the web server). */
export async function pdfBuffer(tables: Table[], opts: PdfOptions = {}): Promise<Buffer> {
  const filer = tables[0]?.filer ?? '';
  const canvas = new PageCanvas({ title: opts.title ?? `${filer}部门预算公开表`, author: filer });
  const laid = tablePages(tables, canvas.glyphs);
  // No tables still make a valid PDF: one blank, numbered page.
  const pages = laid.length ? laid : [{ table: -1, first: false, texts: [], rules: [] }];
  pages.forEach((p, i) => {
    const t = tables[p.table];
    canvas.page(p, `第 ${i + 1} 页，共 ${pages.length} 页`, p.first ? [{ title: `${t.mark} ${t.title.trim()}`, level: 1 }] : []);
  });
  return canvas.end();
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
