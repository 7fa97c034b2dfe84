/** The blank template: locked header rows, a very hidden 代码表, sample rows, and where the lists came from. */
import { describe, expect, it } from 'vitest';
import { loadClassification } from '../../../src/classification/load.ts';
import { budgetWorkbook, readBudgetWorkbook } from '../../../src/formats/input/workbook.ts';
import { InputError } from '../../../src/formats/input/errors.ts';

const template = async (year: number) => {
  const { default: ExcelJS } = await import('exceljs');
  const bytes = await budgetWorkbook({ amountUnit: '元', classification: loadClassification(year, undefined, null) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, bytes };
};

describe('the blank template', () => {
  it('locks the header and field-key rows of every data sheet, and leaves the data cells editable', async () => {
    const { wb } = await template(2025);
    for (const name of ['基本信息', '单位', '支出明细', '项目']) {
      const ws = wb.getWorksheet(name)!;
      expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet, name).toBe(true);
      // Excel's default is locked: a header cell must not be unlocked
      expect(ws.getCell('A1').protection?.locked, name).not.toBe(false);
      expect(ws.getCell('A2').protection?.locked, name).not.toBe(false);
      expect(ws.getCell('B3').protection?.locked, name).toBe(false);
    }
    expect(wb.getWorksheet('代码表')!.state).toBe('veryHidden');
  }, 60_000);

  it('has sample rows on a sheet of their own, which reading ignores', async () => {
    const { wb, bytes } = await template(2025);
    const samples = wb.getWorksheet('填写示例')!;
    const texts = samples.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['支出明细', '功能科目名称', '公路水路运输/公路养护', '公务用车运行费']));
    // still a blank template: what is required is reported, nothing about the samples
    const e = await readBudgetWorkbook(bytes, 't.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems.some((p) => p.sheet === '填写示例')).toBe(false);
  }, 60_000);

  it('says in 说明 where each list came from, its caveat, and how to import the official one', async () => {
    const { wb } = await template(2026);
    const text = wb.getWorksheet('说明')!.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('2026 年的变化未知');
    expect(text).toContain('yusuan codes import');
    expect(text).toMatch(/支出功能分类\n\d+ 个科目。/);
  }, 60_000);
});
