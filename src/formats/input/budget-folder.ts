/**
 * Reads a budget from the human-editable input format: a folder (or a budget.json path) with
 * `budget.json` and `line-items.csv`. All problems are collected and reported together, each
 * with file, row and field; nothing is returned unless the whole input is valid.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCsv } from '../../csv/parse.ts';
import type { Classification } from '../../classification/classification.ts';
import { cachedClassification } from '../../classification/load.ts';
import type { AmountUnit } from '../../money/money.ts';
import type { Budget, LineItem } from '../../model/budget.ts';
import { AMOUNT_COLUMNS, LINE_ITEM_FIELDS } from '../../model/line-item-fields.ts';
import { budgetJsonSchema, type BudgetJson } from '../../model/schema.ts';
import { keyFigures } from '../../publication/key-figures.ts';
import { InputError, type InputProblem } from './errors.ts';
import { type InputLocator, toBudget, toLineItems, withInputNames } from './model-mapping.ts';

export interface LoadedBudget {
  budget: Budget;
  classification: Classification;
}

/** `reading`: folders being read further up (a previous year's budget refers to another folder). */
export function readBudgetFolder(path: string, reading: ReadonlySet<string> = new Set()): LoadedBudget {
  const jsonPath = existsSync(path) && statSync(path).isDirectory() ? join(path, 'budget.json') : path;
  const dir = dirname(resolve(jsonPath));
  const problems: InputProblem[] = [];
  const jsonFile = basename(jsonPath);
  if (!existsSync(jsonPath)) throw new InputError([{ file: jsonPath, message: '找不到 budget.json' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch (e) {
    throw new InputError([{ file: jsonFile, message: `不是有效的 JSON：${(e as Error).message}` }]);
  }
  const parsed = budgetJsonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((i) => ({ file: jsonFile, path: i.path.join('.'), message: i.message })));
  }
  const json = parsed.data;
  const classification = cachedClassification(json.year, json.classification ? resolve(dir, json.classification) : undefined);
  const csvPath = resolve(dir, json.lineItems);
  if (!existsSync(csvPath)) throw new InputError([{ file: json.lineItems, message: '找不到明细数据文件' }]);
  const lineItems = readLineItemsCsv(readFileSync(csvPath, 'utf8'), json.lineItems, json, classification, problems);
  const budget = toBudget(json, lineItems, problems, folderLocator(jsonFile));
  if (budget.publication?.previousBudget) withPreviousBudget(budget, resolve(dir, budget.publication.previousBudget), new Set([...reading, dir]), jsonFile, problems);
  const named = withInputNames(classification, lineItems, problems, folderLocator(json.lineItems));
  if (problems.length) throw new InputError(problems);
  return { budget, classification: named };
}

export function readLineItemsCsv(
  text: string,
  file: string,
  json: BudgetJson,
  classification: Classification,
  problems: InputProblem[],
): LineItem[] {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (e) {
    problems.push({ file, message: `CSV 无法解析：${(e as Error).message}` });
    return [];
  }
  const [header = [], ...rows] = records;
  const col = new Map(header.map((h, i) => [h, i]));
  const amountCol = (Object.keys(AMOUNT_COLUMNS) as (keyof typeof AMOUNT_COLUMNS)[]).find((c) => col.has(c));
  const missing = LINE_ITEM_FIELDS.filter((f) => !f.optional && !col.has(f.column)).map((f) => f.column);
  if (missing.length) problems.push({ file, row: 1, message: `缺少列：${missing.join(', ')}` });
  if (!amountCol) problems.push({ file, row: 1, message: '缺少金额列：amount_wan（万元）或 amount_yuan（元）' });
  if (missing.length || !amountCol) return [];
  const unit: AmountUnit = AMOUNT_COLUMNS[amountCol];
  const lineRecords = rows.map((r, i) => ({
    source: { file, row: i + 2 },
    fields: Object.fromEntries(LINE_ITEM_FIELDS.map((f) => [f.column, r[col.get(f.column) ?? -1] ?? ''])),
    amount: r[col.get(amountCol) ?? -1] ?? '',
  }));
  const unitTypes = new Map(json.units.map((u) => [u.code, u.type]));
  return toLineItems(lineRecords, unit, unitTypes, classification, problems, folderLocator(file, amountCol));
}

/** Last year's key figures from last year's budget folder; figures typed in `previousYear` win. */
function withPreviousBudget(budget: Budget, folder: string, reading: Set<string>, file: string, problems: InputProblem[]) {
  const at = { file, path: 'publication.previousYear.budget' };
  if (reading.has(folder)) return problems.push({ ...at, message: '上年预算不能引用本年预算' });
  let prev: LoadedBudget;
  try {
    prev = readBudgetFolder(folder, reading);
  } catch (e) {
    return problems.push({ ...at, message: `上年预算无法读取：${(e as Error).message}` });
  }
  if (prev.budget.year !== budget.year - 1) return problems.push({ ...at, message: `上年预算的年度是 ${prev.budget.year}，应为 ${budget.year - 1}` });
  budget.publication!.previousYear = { ...keyFigures(prev.budget, prev.classification), ...budget.publication!.previousYear };
}

/** budget.json problems are located by JSON path, CSV problems by row and column name. */
function folderLocator(file: string, amountColumn = 'amount'): InputLocator {
  return {
    at: (path) => ({ file, path }),
    column: (field) => (field === 'amount' ? amountColumn : field),
    unitList: 'budget.json 的 units',
    projectList: 'budget.json 的 projects',
  };
}
