/**
 * Excel output: one workbook with the 23 tables, one sheet each (预算01表 …), laid out like the
 * official tables; optionally one workbook per table as well.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Table } from '../ir/table.ts';
import { addTableSheet } from './xlsx/sheet.ts';
import type { Writer } from './writers.ts';

/**
 * The workbook of the given tables, in memory (for downloads). Written with exceljs's streaming
 * writer: the in-memory one builds each sheet's XML as one string and zips it with a JavaScript
 * deflate, a third of a large department's package time; this one hands each finished sheet to
 * Node's zlib. The cells, styles, merges and page setup are the same.
 */
export async function xlsxBuffer(tables: Table[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = wb.lastModifiedBy = 'yusuan';
  // Fixed dates keep the file's properties the same from one build to the next.
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  for (const t of tables) {
    const ws = addTableSheet(wb, t);
    printCentred(ws);
    ws.commit();
  }
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * exceljs 4.4's streaming sheet writer drops the print options (page setup's horizontalCentered):
 * they are written where the in-memory writer puts them, just before the page margins.
 */
function printCentred(ws: ExcelJS.Worksheet) {
  if (!ws.pageSetup.horizontalCentered) return;
  const writer = ws as unknown as { stream: { write(xml: string): void }; _writePageMargins(): void };
  const margins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer.stream.write('<printOptions horizontalCentered="1"/>');
    margins();
  };
}

export const writeXlsx: Writer = async (tables, ctx) => {
  const path = join(ctx.dir, `${ctx.baseName}.xlsx`);
  writeFileSync(path, await xlsxBuffer(tables));
  const written = [path];
  if (ctx.perTable) {
    for (const t of tables) {
      const one = join(ctx.dir, `${ctx.baseName}-${t.mark}.xlsx`);
      writeFileSync(one, await xlsxBuffer([t]));
      written.push(one);
    }
  }
  return written;
};
