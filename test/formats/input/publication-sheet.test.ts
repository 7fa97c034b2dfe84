/** The 预算说明 sheet of the input workbook carries budget.json's `publication`, with located problems. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { budgetWorkbook, readBudgetWorkbook } from '../../../src/formats/input/workbook.ts';
import { InputError } from '../../../src/formats/input/errors.ts';
import { PUBLICATION_SHEET } from '../../../src/formats/input/workbook/publication-sheet.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';

describe('预算说明 sheet', () => {
  it.each([SEED_DIR, MULTI_DIR])('%s: the inputs read back as written', async (dir) => {
    const { budget, classification } = loadExample(dir);
    const xlsx = await budgetWorkbook({ budget, classification, amountUnit: '万元' });
    const back = await readBudgetWorkbook(xlsx, 'in.xlsx');
    expect(back.budget.publication).toEqual(budget.publication);
  });

  it('reports a wrong cell by sheet, row and column, and an unknown key', async () => {
    const { budget, classification } = loadExample(MULTI_DIR);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await budgetWorkbook({ budget, classification, amountUnit: '万元' })) as never);
    const ws = wb.getWorksheet(PUBLICATION_SHEET)!;
    let staffRow = 0;
    let goodsRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(2).value === 'staffing.establishment') staffRow = r;
      if (row.getCell(2).value === 'procurement.goods') goodsRow = r;
    });
    ws.getRow(staffRow).getCell(4).value = '很多';
    ws.getRow(goodsRow).getCell(5).value = '1.2345678';
    ws.addRow(['随便', 'colour', '红']);
    const problems = await readBudgetWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'in.xlsx').then(
      () => [],
      (e: InputError) => e.problems.map((p) => `${p.sheet}!${p.row}:${p.column}`),
    );
    expect(problems.sort()).toEqual([`${PUBLICATION_SHEET}!${goodsRow}:金额`, `${PUBLICATION_SHEET}!${staffRow}:数量`, `${PUBLICATION_SHEET}!${ws.rowCount}:键`].sort());
  });
});
