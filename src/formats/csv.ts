/**
 * CSV output: one file per table (`<baseName>-预算NN表.csv`), kept machine-friendly: a single header
 * line naming each column by its header path (`基本支出/合计`), then the rows; amounts as fixed
 * 2-decimal strings in the table's unit, empty cells empty. UTF-8 with a BOM so that Excel opens it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { leaves, type Table } from '../ir/table.ts';
import { formatMoney } from '../money/money.ts';
import type { Writer } from './writers.ts';

/**
 * Header labels lose the letter-spacing of the printed tables (`总  计` → `总计`), so that a column
 * is named the same way in every table.
 */
const columnName = (path: string[]) => path.map((label) => label.replace(/[\s\u00a0\u3000]+/g, '')).join('/');

export function tableCsv(t: Table): string {
  const header = leaves(t.header).map((c) => columnName(c.path));
  const rows = t.rows.map((r) => r.cells.map((c) => (typeof c === 'number' ? formatMoney(c, t.unit) : (c ?? ''))));
  return stringify([header, ...rows], { bom: true });
}

export const csvFileName = (baseName: string, t: Table) => `${baseName}-${t.mark}.csv`;

export const writeCsv: Writer = async (tables, ctx) =>
  tables.map((t) => {
    const path = join(ctx.dir, csvFileName(ctx.baseName, t));
    writeFileSync(path, tableCsv(t));
    return path;
  });
