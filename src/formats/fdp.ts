/**
 * Fiscal Data Package (FDP 0.3, OpenSpending): the budget's line items as one flat CSV
 * (`line-items.csv`, one row per appropriation, amount in 元) and a `datapackage.json` that maps
 * its columns onto FDP's logical model: the amount measure and the administrative, functional,
 * economic, activity and fund dimensions. The tables are fixed pivots of these facts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Classification } from '../classification/classification.ts';
import { cachedClassification } from '../classification/load.ts';
import { formatMoney } from '../money/money.ts';
import { filerOf, type Budget } from '../model/budget.ts';
import { fieldText, LINE_ITEM_FIELDS } from '../model/line-item-fields.ts';
import type { Writer } from './writers.ts';

export const LINE_ITEMS_FILE = 'line-items.csv';
const RESOURCE = 'line-items';

type FieldType = 'string' | 'integer' | 'number';

/** The CSV columns, in order, with their table-schema type and a title. */
const FIELDS: [name: string, type: FieldType, title: string][] = [
  ['fiscal_year', 'integer', '预算年度'],
  ['department_code', 'string', '部门代码'],
  ['department_name', 'string', '部门名称'],
  ['unit_code', 'string', '单位代码'],
  ['unit_name', 'string', '单位名称'],
  ['unit_type', 'string', '单位类型'],
  ['function_class_code', 'string', '支出功能分类 类 编码'],
  ['function_class_name', 'string', '支出功能分类 类 名称'],
  ['function_section_code', 'string', '支出功能分类 款 编码'],
  ['function_section_name', 'string', '支出功能分类 款 名称'],
  ['function_code', 'string', '支出功能分类 项 编码'],
  ['function_name', 'string', '支出功能分类 项 名称'],
  ['dept_econ_class_code', 'string', '部门预算支出经济分类 类 编码'],
  ['dept_econ_class_name', 'string', '部门预算支出经济分类 类 名称'],
  ['dept_econ_code', 'string', '部门预算支出经济分类 款 编码'],
  ['dept_econ_name', 'string', '部门预算支出经济分类 款 名称'],
  ['gov_econ_class_code', 'string', '政府预算支出经济分类 类 编码'],
  ['gov_econ_class_name', 'string', '政府预算支出经济分类 类 名称'],
  ['gov_econ_code', 'string', '政府预算支出经济分类 款 编码'],
  ['gov_econ_name', 'string', '政府预算支出经济分类 款 名称'],
  ['kind', 'string', '支出类型'],
  ['project', 'string', '项目名称'],
  ['project_category', 'string', '项目类别'],
  ['fund_source', 'string', '资金来源'],
  ['fund_period', 'string', '本年/上年结转结余'],
  ['three_public', 'string', '“三公”经费类别（记在其他经济分类科目下时）'],
  ['amount', 'number', '金额（元）'],
];

/**
 * Every line-item field has its column (the field table's column name): a field added to the
 * table and not named above is appended, so the open data never drops what the tables sum.
 */
const COLUMNS: [name: string, type: FieldType, title: string][] = [
  ...FIELDS,
  ...LINE_ITEM_FIELDS.filter((f) => !FIELDS.some(([n]) => n === f.column)).map((f): [string, FieldType, string] => [f.column, 'string', f.label]),
];

/** The line items as CSV rows (header first): codes with their 类/款/项 parents and names. */
export function lineItemRows(budget: Budget, classification: Classification): string[][] {
  const units = new Map(budget.units.map((u) => [u.code, u]));
  const projects = new Map(budget.projects.map((p) => [`${p.unit}\u0000${p.name}`, p]));
  const fn = classification.function;
  const dept = classification.deptEcon;
  const gov = classification.govEcon;
  const name = (list: Classification['function'], code: string) => list.nameOf(code) ?? '';
  const rows = budget.lineItems.map((li) => {
    const unit = units.get(li.unit);
    const project = li.project ? projects.get(`${li.unit}\u0000${li.project}`) : undefined;
    const [c3, c5, d3, g3] = [li.functionCode.slice(0, 3), li.functionCode.slice(0, 5), li.deptEconCode.slice(0, 3), li.govEconCode.slice(0, 3)];
    const record: Record<string, string> = {
      ...Object.fromEntries(LINE_ITEM_FIELDS.map((f) => [f.column, fieldText(li, f)])),
      fiscal_year: String(budget.year),
      department_code: budget.department.code,
      department_name: budget.department.name,
      unit_name: unit?.name ?? '',
      unit_type: unit?.type ?? '',
      function_class_code: c3, function_class_name: name(fn, c3), function_section_code: c5, function_section_name: name(fn, c5),
      // the 项's name as the list (with any names the input supplied) has it
      function_name: name(fn, li.functionCode),
      dept_econ_class_code: d3, dept_econ_class_name: name(dept, d3), dept_econ_name: name(dept, li.deptEconCode),
      gov_econ_class_code: g3, gov_econ_class_name: name(gov, g3), gov_econ_name: name(gov, li.govEconCode),
      project_category: project?.category ?? '',
      fund_period: li.fund.split('/')[0],
      amount: formatMoney(li.amount, '元'),
    };
    return COLUMNS.map(([n]) => record[n] ?? '');
  });
  return [COLUMNS.map(([n]) => n), ...rows];
}

export function lineItemsCsv(budget: Budget, classification: Classification): string {
  return stringify(lineItemRows(budget, classification));
}

const src = (source: string, extra: Record<string, string> = {}) => ({ source, resource: RESOURCE, ...extra });

/** A 类 → 款 (→ 项) classification: each level's code points at its parent; `code` is the finest level. */
function hierarchy(prefix: string, levels: string[], classificationType: string) {
  const last = levels.length - 1;
  const key = (i: number) => (i === last ? 'code' : `${levels[i]}_code`);
  const attributes: Record<string, object> = {};
  levels.forEach((level, i) => {
    const column = i === last ? prefix : `${prefix}_${level}`;
    attributes[key(i)] = src(`${column}_code`, i > 0 ? { parent: key(i - 1) } : {});
    attributes[i === last ? 'label' : `${level}_label`] = src(`${column}_name`, { labelfor: key(i) });
  });
  return { dimensionType: 'classification', classificationType, attributes, primaryKey: 'code' };
}

/** The `datapackage.json` descriptor of the package. */
export function fdpDescriptor(budget: Budget) {
  const { year } = budget;
  const who = budget.units.length === 1 ? budget.units[0].code : budget.department.code;
  return {
    profile: 'fiscal-data-package',
    name: `yusuan-${who}-${year}`,
    title: `${filerOf(budget)} ${year}年部门预算（支出明细）`,
    description: `${filerOf(budget)}${year}年部门预算的支出明细：每行一笔预算安排，金额单位为元。预算01表至预算19表的金额均由这些明细汇总而成。`,
    countryCode: 'CN',
    granularity: 'aggregated',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    resources: [
      {
        name: RESOURCE,
        path: LINE_ITEMS_FILE,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: COLUMNS.map(([name, type, title]) => ({
            name,
            type,
            title,
            ...(type === 'number' ? { decimalChar: '.', constraints: { required: true } } : {}),
          })),
        },
      },
    ],
    model: {
      measures: {
        amount: { source: 'amount', resource: RESOURCE, currency: 'CNY', factor: 1, direction: 'expenditure', phase: 'approved' },
      },
      dimensions: {
        administrative: {
          dimensionType: 'classification',
          classificationType: 'administrative',
          attributes: {
            department_code: src('department_code'),
            department_label: src('department_name', { labelfor: 'department_code' }),
            code: src('unit_code', { parent: 'department_code' }),
            label: src('unit_name', { labelfor: 'code' }),
            unit_type: src('unit_type'),
          },
          primaryKey: 'code',
        },
        functional: hierarchy('function', ['class', 'section', 'item'], 'functional'),
        'economic-department': hierarchy('dept_econ', ['class', 'section'], 'economic'),
        'economic-government': hierarchy('gov_econ', ['class', 'section'], 'economic'),
        'expenditure-kind': { dimensionType: 'classification', attributes: { code: src('kind') }, primaryKey: 'code' },
        activity: {
          dimensionType: 'activity',
          attributes: { title: src('project'), category: src('project_category') },
          primaryKey: 'title',
        },
        'fund-source': {
          dimensionType: 'entity',
          attributes: { period: src('fund_period'), id: src('fund_source', { parent: 'period' }) },
          primaryKey: 'id',
        },
        'three-public': { dimensionType: 'classification', attributes: { code: src('three_public') }, primaryKey: 'code' },
        'fiscal-year': { dimensionType: 'datetime', attributes: { year: src('fiscal_year') }, primaryKey: 'year' },
      },
    },
  };
}

export const writeFdp: Writer = async (_tables, ctx) => {
  if (!ctx.budget) throw new Error('fdp 格式需要预算明细（budget），只有表格时无法生成');
  const classification = ctx.classification ?? cachedClassification(ctx.budget.year);
  const csvPath = join(ctx.dir, LINE_ITEMS_FILE);
  const descriptorPath = join(ctx.dir, 'datapackage.json');
  writeFileSync(csvPath, lineItemsCsv(ctx.budget, classification));
  writeFileSync(descriptorPath, JSON.stringify(fdpDescriptor(ctx.budget), null, 2) + '\n');
  return [descriptorPath, csvPath];
};
