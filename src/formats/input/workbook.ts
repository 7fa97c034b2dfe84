/**
 * Reads a budget from the input workbook (`yusuan template`): the same `{ budget, classification }`
 * as the budget folder, validated by the same schemas and mapped by the same code. All problems
 * are reported together, each with sheet, row and column header; nothing is returned when any exists.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Classification } from '../../classification/classification.ts';
import type { UnitType } from '../../classification/mapping.ts';
import { cachedClassification } from '../../classification/load.ts';
import { type AmountUnit, parseMoney } from '../../money/money.ts';
import { LINE_ITEM_FIELDS } from '../../model/line-item-fields.ts';
import { budgetJsonSchema } from '../../model/schema.ts';
import type { LoadedBudget } from './budget-folder.ts';
import { InputError, type InputProblem } from './errors.ts';
import { xlsxBoundsProblem } from '../zip-bounds.ts';
import { type LineItemRecord, toBudget, toLineItems, withInputNames } from './model-mapping.ts';
import { type SheetRecords, toRawJson, valueAt, workbookLocator } from './workbook/assemble.ts';
import { SHEETS, sheetOf } from './workbook/layout.ts';
import { readPublicationSheet, withPublicationSheet } from './workbook/publication-sheet.ts';
import { readSheet } from './workbook/sheets.ts';

export { budgetWorkbook, type WorkbookContent } from './workbook/write.ts';

const SCALE: Record<AmountUnit, number> = { 元: 2, 万元: 6 };

/** `input`: a path, or the file's bytes (then `fileName` names it in messages). */
export async function readBudgetWorkbook(input: string | Buffer, fileName?: string): Promise<LoadedBudget> {
  const file = fileName ?? (typeof input === 'string' ? basename(input) : '工作簿');
  if (typeof input === 'string' && !existsSync(input)) throw new InputError([{ file: input, message: '找不到工作簿文件' }]);
  const tooBig = await xlsxBoundsProblem(typeof input === 'string' ? await readFile(input) : input);
  if (tooBig) throw new InputError([{ file, message: `无法读取工作簿：${tooBig}` }]);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof input === 'string') await wb.xlsx.readFile(input);
    else await wb.xlsx.load(input as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError([{ file, message: `无法读取工作簿（应为 .xlsx 文件）：${(e as Error).message}` }]);
  }

  const problems: InputProblem[] = [];
  const records: SheetRecords = new Map();
  const missing = new Map<string, InputProblem>();
  let unit: AmountUnit = '万元';
  for (const spec of SHEETS) {
    const ws = wb.getWorksheet(spec.name);
    if (!ws) {
      const problem = { file, sheet: spec.name, message: `缺少工作表“${spec.name}”（不要删除或改名模板中的工作表；没有数据时留空）` };
      problems.push(problem);
      missing.set(spec.name, problem);
      continue;
    }
    const recs = readSheet(ws, spec, file, SCALE[unit], problems);
    records.set(spec.target, recs);
    if (spec.target === 'basic') {
      // 基本信息 comes first: its amount unit says how to read number cells elsewhere.
      const u = recs[0]?.values.get('amountUnit');
      if (u === '元' || u === '万元') unit = u;
      for (const extra of recs.slice(1)) problems.push({ file, sheet: spec.name, row: extra.row, message: '基本信息只填一行（第 3 行）' });
    }
  }

  const publication = readPublicationSheet(wb, file, unit, problems);
  const loc = withPublicationSheet(workbookLocator(file, records), publication);
  const raw = toRawJson(records);
  if (publication.raw) raw.publication = publication.raw;
  const parsed = budgetJsonSchema.safeParse(raw);
  if (!parsed.success)
    for (const issue of parsed.error.issues) problems.push({ ...loc.at(issue.path.join('.')), message: loc.describe!(issue, valueAt(raw, issue.path)) });
  const json = parsed.success ? parsed.data : undefined;

  // A folder of own code lists is relative to the workbook file; bytes (an upload) have no folder.
  const ownLists = json?.classification && typeof input === 'string' ? resolve(dirname(resolve(input)), json.classification) : undefined;
  if (json?.classification && typeof input !== 'string')
    problems.push({ ...loc.at('classification'), message: '上传的工作簿不能引用代码表目录，请留空' });
  let classification: Classification;
  try {
    const year = json?.year ?? (Number.isInteger(raw.year) ? (raw.year as number) : new Date().getFullYear());
    classification = cachedClassification(year, ownLists);
  } catch (e) {
    problems.push({ ...loc.at('classification'), message: `代码表无法读取：${(e as Error).message}` });
    throw new InputError(problems);
  }
  checkCodeNames(records, classification, file, problems);
  nameUnlistedCodes(records, classification);
  checkAmounts(records, json?.amountUnit ?? unit, file, problems);

  const lineSheet = sheetOf('lineItems');
  const lineRecords: LineItemRecord[] = (records.get('lineItems') ?? []).map((r) => ({
    source: { file, sheet: lineSheet.name, row: r.row },
    fields: Object.fromEntries(LINE_ITEM_FIELDS.map((f) => [f.column, r.values.get(f.column) ?? ''])),
    amount: r.values.get('amount') ?? '',
  }));
  const unitTypes = json && new Map<string, UnitType>(json.units.map((u) => [u.code, u.type]));
  const lineItems = toLineItems(lineRecords, json?.amountUnit ?? unit, unitTypes, classification, problems, loc);
  const budget = json && toBudget(json, lineItems, problems, loc);
  const named = withInputNames(classification, lineItems, problems, loc);
  if (problems.length || !budget) throw new InputError(inSheetOrder(onePerCell(problems, missing)));
  return { budget, classification: named };
}

/**
 * Amounts are checked cell by cell before the schema-level mapping, so that a text such as “12万”
 * is reported even when other sheets are invalid; a blank required amount is reported as such.
 */
function checkAmounts(records: SheetRecords, unit: AmountUnit, file: string, problems: InputProblem[]) {
  for (const spec of SHEETS)
    for (const col of spec.columns.filter((c) => c.kind === 'amount'))
      for (const rec of records.get(spec.target) ?? []) {
        const text = rec.values.get(col.key) ?? '';
        const at = { file, sheet: spec.name, row: rec.row, column: col.label };
        if (!text) {
          if (!col.optional) problems.push({ ...at, message: '必填' });
          continue;
        }
        try {
          parseMoney(text, unit);
        } catch (e) {
          problems.push({ ...at, message: `${(e as Error).message}（只填数字，单位为${unit}）` });
        }
      }
}

/** Problems as the person meets them: by sheet, then row, then column. */
function inSheetOrder(problems: InputProblem[]): InputProblem[] {
  const sheetIndex = (p: InputProblem) => SHEETS.findIndex((s) => s.name === p.sheet);
  const columnIndex = (p: InputProblem) => SHEETS[sheetIndex(p)]?.columns.findIndex((c) => c.label === p.column) ?? -1;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => sheetIndex(a.p) - sheetIndex(b.p) || (a.p.row ?? 0) - (b.p.row ?? 0) || columnIndex(a.p) - columnIndex(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** A code chosen from a dropdown carries its name; a name that is not the code's means a mix-up. */
function checkCodeNames(records: SheetRecords, classification: Classification, file: string, problems: InputProblem[]) {
  const lists = { function: classification.function, deptEcon: classification.deptEcon, govEcon: classification.govEcon };
  for (const spec of SHEETS)
    for (const rec of records.get(spec.target) ?? [])
      for (const [key, name] of rec.names) {
        const col = spec.columns.find((c) => c.key === key)!;
        const list = col.list && col.list in lists ? lists[col.list as keyof typeof lists] : undefined;
        const code = rec.values.get(key)!;
        const expected = list?.nameOf(code);
        if (expected && expected !== name)
          problems.push({ file, sheet: spec.name, row: rec.row, column: col.label, message: `编码 ${code} 是“${expected}”，与所填名称“${name}”不符` });
      }
}

/** `2140106 公路养护` typed for a code outside the list names it, as the 功能科目名称 column would. */
function nameUnlistedCodes(records: SheetRecords, classification: Classification) {
  for (const rec of records.get('lineItems') ?? []) {
    const name = rec.names.get('function_code');
    if (name && !rec.values.get('function_name') && !classification.function.has(rec.values.get('function_code')!)) rec.values.set('function_name', name);
  }
}

/**
 * Keeps the first problem of each cell: a cell already reported (unreadable, blank) needs no
 * second message, nor does a missing sheet need one per field it would have held.
 */
function onePerCell(problems: InputProblem[], missingSheets: Map<string, InputProblem>): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (p.sheet && missingSheets.has(p.sheet)) return missingSheets.get(p.sheet) === p;
    if (!p.sheet || p.row === undefined || !p.column) return true;
    const key = `${p.sheet}|${p.row}|${p.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
