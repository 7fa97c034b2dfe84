/**
 * Reads a budget from the human-editable input format: a folder (or a budget.json path) with
 * `budget.json` and `line-items.csv`. All problems are collected and reported together, each
 * with file, row and field; nothing is returned unless the whole input is valid.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Classification } from '../../classification/classification.ts';
import { cachedClassification } from '../../classification/load.ts';
import { type AmountUnit, parseMoney } from '../../money/money.ts';
import type { Budget, LineItem } from '../../model/budget.ts';
import { AMOUNT_COLUMNS, budgetJsonSchema, type BudgetJson, LINE_ITEM_COLUMNS, lineItemRowSchema } from '../../model/schema.ts';
import { InputError, type InputProblem } from './errors.ts';

export interface LoadedBudget {
  budget: Budget;
  classification: Classification;
}

export function readBudgetFolder(path: string): LoadedBudget {
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
  const budget = toBudget(json, lineItems, jsonFile, problems);
  if (problems.length) throw new InputError(problems);
  return { budget, classification };
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
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    problems.push({ file, message: `CSV 无法解析：${(e as Error).message}` });
    return [];
  }
  const [header = [], ...rows] = records;
  const col = new Map(header.map((h, i) => [h, i]));
  const amountCol = (Object.keys(AMOUNT_COLUMNS) as (keyof typeof AMOUNT_COLUMNS)[]).find((c) => col.has(c));
  const missing = LINE_ITEM_COLUMNS.filter((c) => c !== 'gov_econ_code' && c !== 'project' && !col.has(c));
  if (missing.length) problems.push({ file, row: 1, message: `缺少列：${missing.join(', ')}` });
  if (!amountCol) problems.push({ file, row: 1, message: '缺少金额列：amount_wan（万元）或 amount_yuan（元）' });
  if (missing.length || !amountCol) return [];
  const unit: AmountUnit = AMOUNT_COLUMNS[amountCol];
  const unitTypes = new Map(json.units.map((u) => [u.code, u.type]));
  const items: LineItem[] = [];
  rows.forEach((r, i) => {
    const row = i + 2;
    const get = (c: string) => r[col.get(c) ?? -1] ?? '';
    const obj = Object.fromEntries(LINE_ITEM_COLUMNS.map((c) => [c, get(c)]));
    const v = lineItemRowSchema.safeParse(obj);
    if (!v.success) {
      for (const issue of v.error.issues) problems.push({ file, row, column: String(issue.path[0] ?? ''), message: issue.message });
      return;
    }
    let amount: number;
    try {
      amount = parseMoney(get(amountCol), unit);
    } catch (e) {
      problems.push({ file, row, column: amountCol, message: (e as Error).message });
      return;
    }
    const d = v.data;
    const type = unitTypes.get(d.unit_code);
    if (!type) {
      problems.push({ file, row, column: 'unit_code', message: `单位 ${d.unit_code} 未在 budget.json 的 units 中登记` });
      return;
    }
    const gov = d.gov_econ_code || classification.mapping.govFor(d.dept_econ_code, type)?.code || '';
    items.push({
      unit: d.unit_code,
      functionCode: d.function_code,
      deptEconCode: d.dept_econ_code,
      govEconCode: gov,
      kind: d.kind,
      project: d.project || undefined,
      fund: d.fund_source,
      amount,
      source: { file, row },
    });
  });
  return items;
}

function toBudget(json: BudgetJson, lineItems: LineItem[], file: string, problems: InputProblem[]): Budget {
  const money = (v: string | number, path: string) => {
    try {
      return parseMoney(String(v), json.amountUnit);
    } catch (e) {
      problems.push({ file, path, message: (e as Error).message });
      return 0;
    }
  };
  const units = new Set(json.units.map((u) => u.code));
  json.units.forEach((u, i) => {
    if (!u.code.startsWith(json.department.code))
      problems.push({ file, path: `units.${i}.code`, message: `单位代码 ${u.code} 应以部门代码 ${json.department.code} 开头` });
  });
  const projects = new Set(json.projects.map((p) => `${p.unit}|${p.name}`));
  const refs = (list: { unit: string }[], name: string) =>
    list.forEach((x, i) => !units.has(x.unit) && problems.push({ file, path: `${name}.${i}.unit`, message: `单位 ${x.unit} 未登记` }));
  refs(json.projects, 'projects');
  refs(json.yearEndBalances, 'yearEndBalances');
  refs(json.unitPerformance, 'unitPerformance');
  for (const li of lineItems) {
    if (li.project && !projects.has(`${li.unit}|${li.project}`))
      problems.push({ ...li.source!, column: 'project', message: `项目“${li.project}”未在 budget.json 的 projects 中登记` });
    if (!li.project && li.kind === '项目支出') problems.push({ ...li.source!, column: 'project', message: '项目支出须填写项目名称' });
  }
  return {
    year: json.year,
    department: json.department,
    units: json.units,
    filer: json.filer,
    projects: json.projects,
    lineItems,
    yearEndBalances: json.yearEndBalances.map((b, i) => ({ ...b, amount: money(b.amount, `yearEndBalances.${i}.amount`) })),
    specialFunds: json.specialFunds.map((f, i) => ({
      ...f,
      byFinance: {
        gpbAppropriation: money(f.byFinance.gpbAppropriation, `specialFunds.${i}.byFinance.gpbAppropriation`),
        gpbNonTax: money(f.byFinance.gpbNonTax, `specialFunds.${i}.byFinance.gpbNonTax`),
        govFund: money(f.byFinance.govFund, `specialFunds.${i}.byFinance.govFund`),
        stateCapital: money(f.byFinance.stateCapital, `specialFunds.${i}.byFinance.stateCapital`),
      },
    })),
    projectPerformance: json.projectPerformance.map((g, i) => ({
      ...g,
      transferToLocal: g.transferToLocal === undefined ? undefined : money(g.transferToLocal, `projectPerformance.${i}.transferToLocal`),
    })),
    unitPerformance: json.unitPerformance,
  };
}
