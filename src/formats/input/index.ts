/** One entry for every input format: a budget folder (or its budget.json) or an input workbook (.xlsx). */
import { extname } from 'node:path';
import { type LoadedBudget, readBudgetFolder } from './budget-folder.ts';
import { InputError } from './errors.ts';

export type { LoadedBudget } from './budget-folder.ts';

export async function readBudgetInput(path: string): Promise<LoadedBudget> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    // exceljs is loaded only when a workbook is read.
    const { readBudgetWorkbook } = await import('./workbook.ts');
    return readBudgetWorkbook(path);
  }
  if (ext === '.xls' || ext === '.et' || ext === '.ods') throw new InputError([{ file: path, message: '请将工作簿另存为 .xlsx 格式' }]);
  return readBudgetFolder(path);
}
