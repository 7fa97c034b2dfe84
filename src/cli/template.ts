/** `yusuan template [--example DIR] --out FILE.xlsx`: the input workbook, empty or filled from a budget folder. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { cachedClassification, SHIPPED_LISTS } from '../classification/load.ts';
import { readBudgetFolder } from '../formats/input/budget-folder.ts';
import { budgetWorkbook } from '../formats/input/workbook.ts';
import type { AmountUnit } from '../money/money.ts';

export interface TemplateOptions {
  out?: string;
  example?: string;
}

export async function runTemplate(positionals: string[], opts: TemplateOptions): Promise<number> {
  const out = opts.out ?? positionals[0];
  if (!out || !/\.xlsx$/i.test(out)) {
    console.error('用法: yusuan template [--example 预算文件夹] --out 文件.xlsx');
    return 2;
  }
  let buffer: Buffer;
  if (opts.example) {
    const { budget, classification } = readBudgetFolder(opts.example);
    const ownLists = !resolve(classification.source).startsWith(resolve(SHIPPED_LISTS));
    buffer = await budgetWorkbook({
      budget,
      classification,
      amountUnit: amountUnitOf(opts.example),
      classificationDir: ownLists ? relative(dirname(resolve(out)), classification.source) || '.' : undefined,
    });
  } else {
    buffer = await budgetWorkbook({ amountUnit: '万元', classification: cachedClassification(new Date().getFullYear()) });
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, buffer);
  console.log(`已生成录入工作簿 → ${out}`);
  return 0;
}

/** The folder's own amount unit, so the workbook shows the figures as the folder has them. */
function amountUnitOf(example: string): AmountUnit {
  const json = existsSync(example) && statSync(example).isDirectory() ? join(example, 'budget.json') : example;
  return (JSON.parse(readFileSync(json, 'utf8')) as { amountUnit: AmountUnit }).amountUnit;
}
