/**
 * Excel output: one workbook with the 23 tables, one sheet each (预算01表 …), laid out like the
 * official tables; optionally one workbook per table as well.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Table } from '../ir/table.ts';
import { addTableSheet } from './xlsx/sheet.ts';
import type { Writer } from './writers.ts';

function workbook(tables: Table[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';
  // Fixed dates keep the file identical from one build to the next.
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  for (const t of tables) addTableSheet(wb, t);
  return wb;
}

/** The workbook of the given tables, in memory (for downloads). */
export async function xlsxBuffer(tables: Table[]): Promise<Buffer> {
  return Buffer.from(await workbook(tables).xlsx.writeBuffer());
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
