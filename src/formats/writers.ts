/**
 * Output formats of `yusuan build`. Each writer turns the table IR of one package into files in
 * an output folder; they are loaded on demand so that a JSON build does not load exceljs or pdfkit.
 */
import type { Classification } from '../classification/classification.ts';
import type { Table } from '../ir/table.ts';
import type { Budget } from '../model/budget.ts';

export interface WriteContext {
  /** Output folder (exists). */
  dir: string;
  /** Base name for single-file outputs, e.g. "104012-2024" → 104012-2024.xlsx */
  baseName: string;
  /** The model behind the tables, for formats that publish facts (fdp). */
  budget?: Budget;
  /** The code lists the budget was read with, for names of codes (fdp). */
  classification?: Classification;
  /** Also write one file per table where the format supports it. */
  perTable?: boolean;
}

/** Writes files and returns their paths. */
export type Writer = (tables: Table[], ctx: WriteContext) => Promise<string[]>;

/** A tables-only writer under its own file name (`104012-2024-tables.pdf`), beside the whole document. */
const tablesOnly =
  (w: Writer): Writer =>
  (tables, ctx) =>
    w(tables, { ...ctx, baseName: `${ctx.baseName}-tables` });

/**
 * pdf, docx and html write the whole publication (cover, 目录, 第一部分 说明, the 23 tables);
 * tables-pdf and tables-html the tables alone.
 */
export const WRITERS: Record<string, () => Promise<Writer>> = {
  json: async () => (await import('./json-writer.ts')).writeJson,
  csv: async () => (await import('./csv.ts')).writeCsv,
  html: async () => (await import('./document/write.ts')).writeDocumentHtml,
  xlsx: async () => (await import('./xlsx.ts')).writeXlsx,
  pdf: async () => (await import('./document/write.ts')).writeDocumentPdf,
  docx: async () => (await import('./document/write.ts')).writeDocx,
  'tables-pdf': async () => tablesOnly((await import('./pdf.ts')).writePdf),
  'tables-html': async () => tablesOnly((await import('./html.ts')).writeHtml),
  fdp: async () => (await import('./fdp.ts')).writeFdp,
};

export const ALL_FORMATS = Object.keys(WRITERS);
