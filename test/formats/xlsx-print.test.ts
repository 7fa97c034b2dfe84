/**
 * Every sheet prints legibly on A4 landscape: a sheet is fitted to one page wide, so its print scale
 * is the page's usable width over the sheet's width; the 10 pt body must print at 7 pt or more
 * (预算09/13/22表 printed at about 4–5 pt before their columns were narrowed).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBuffer } from '../../src/formats/xlsx.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

/** A4 landscape is 11.69 in wide; one column-width unit is about 7 px at 96 px/in (Calibri 11, exceljs's default font). */
const A4_WIDE_IN = 11.69;
const PX_PER_UNIT = 7;

describe.each([SEED_DIR, MULTI_DIR])('printing the workbook of %s', (dir) => {
  it('prints every sheet, one page wide, with its body at 7 pt or more', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBuffer(loadExample(dir).tables)) as never);
    expect(wb.worksheets).toHaveLength(23);
    for (const ws of wb.worksheets) {
      const { margins, fitToWidth, orientation, paperSize } = ws.pageSetup;
      expect([paperSize, orientation, fitToWidth]).toEqual([9, 'landscape', 1]);
      const usable = ((A4_WIDE_IN - margins!.left - margins!.right) * 96) / PX_PER_UNIT;
      const width = ws.columns.reduce((s, c) => s + (c.width ?? 9), 0);
      const bodyFont = ws.getRow(ws.rowCount).getCell(1).font?.size ?? 10;
      const printed = bodyFont * Math.min(1, usable / width);
      expect(printed, `${ws.name}: ${width.toFixed(0)} units`).toBeGreaterThanOrEqual(7);
    }
  });
});
