/**
 * Bounded parsing of .xlsx: zip bombs (honest or lying about their size), sheets with too many
 * rows and merges over a whole sheet are refused before exceljs sees them, by both places an
 * .xlsx comes in (the disclosure reader and the input workbook reader), with a message naming the
 * file, the part and the cap; real workbooks pass.
 */
import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS, xlsxBoundsProblem } from '../../src/formats/zip-bounds.ts';
import { readXlsxBytes } from '../../src/disclosure/read/xlsx/index.ts';
import { DisclosureError } from '../../src/disclosure/read/index.ts';
import { budgetWorkbook, readBudgetWorkbook } from '../../src/formats/input/workbook.ts';
import { InputError } from '../../src/formats/input/errors.ts';
import { xlsxBuffer } from '../../src/formats/xlsx.ts';
import { hugeSheetXlsx, lyingZipBombXlsx, mergeBombXlsx, smallSheetXlsx, zipBombXlsx } from '../../scripts/hostile/files.ts';
import { loadExample, MULTI_DIR } from '../helpers.ts';

const MB = 1024 * 1024;

describe('xlsx bounds', () => {
  it('refuses a zip bomb (200 MB of cells in 0.3 MB) from its directory, in both readers, without inflating it', async () => {
    const bomb = await zipBombXlsx(200);
    expect(bomb.length).toBeLessThan(MB);
    const rss = process.memoryUsage().rss;
    expect(await xlsxBoundsProblem(bomb)).toBe('xl/worksheets/sheet1.xml 解压后 200 MB，超过单个部件上限 64 MB');
    const read = await readXlsxBytes(bomb, { classification: loadExample(MULTI_DIR).classification }, 'bomb.xlsx').catch((e: unknown) => e);
    expect(read).toBeInstanceOf(DisclosureError);
    expect((read as Error).message).toMatch(/^无法读取 Excel 文件 bomb\.xlsx：xl\/worksheets\/sheet1\.xml 解压后 200 MB/);
    const input = await readBudgetWorkbook(bomb, 'budget.xlsx').catch((e: unknown) => e);
    expect(input).toBeInstanceOf(InputError);
    expect((input as InputError).problems).toEqual([{ file: 'budget.xlsx', message: expect.stringMatching(/^无法读取工作簿：.*超过单个部件上限/) }]);
    // generous: exceljs on this file grows by gigabytes
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
  }, 120_000);

  it('refuses a bomb whose header understates its size once it inflates past the declared 1 KB', async () => {
    const rss = process.memoryUsage().rss;
    expect(await xlsxBoundsProblem(await lyingZipBombXlsx(100))).toMatch(/xl\/worksheets\/sheet1\.xml：实际解压大小超过声明的大小/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
  }, 120_000);

  it('refuses a sheet of too many rows, and a merge over the whole sheet', async () => {
    expect(await xlsxBoundsProblem(await hugeSheetXlsx(XLSX_LIMITS.rowsPerSheet + 1000))).toBe(`xl/worksheets/sheet1.xml 超过 ${XLSX_LIMITS.rowsPerSheet} 行`);
    expect(await xlsxBoundsProblem(await hugeSheetXlsx(300), { ...XLSX_LIMITS, rowsPerSheet: 299 })).toBe('xl/worksheets/sheet1.xml 超过 299 行');
    expect(await xlsxBoundsProblem(await smallSheetXlsx(100), { ...XLSX_LIMITS, cellsPerSheet: 399 })).toBe('xl/worksheets/sheet1.xml 超过 399 个单元格');
    expect(await xlsxBoundsProblem(await mergeBombXlsx())).toBe(`xl/worksheets/sheet1.xml 超过 ${XLSX_LIMITS.cellsPerSheet} 个单元格`);
  }, 120_000);

  it('refuses what is no zip, and lets real workbooks through', async () => {
    expect(await xlsxBoundsProblem(Buffer.from('not a zip at all'))).toMatch(/^不是有效的 \.xlsx 文件/);
    expect(await xlsxBoundsProblem(await smallSheetXlsx(100))).toBeUndefined();
    const ex = loadExample(MULTI_DIR);
    expect(await xlsxBoundsProblem(await xlsxBuffer(ex.tables))).toBeUndefined();
    expect(await xlsxBoundsProblem(await budgetWorkbook({ budget: ex.budget, amountUnit: '万元', classification: ex.classification }))).toBeUndefined();
  }, 120_000);
});
