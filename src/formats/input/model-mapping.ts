/**
 * From validated input records to the budget model: shared by every input format (the budget
 * folder, the workbook), so they map identically and differ only in where a problem is located.
 */
import type * as z from 'zod';
import { type Classification, withSubjects } from '../../classification/classification.ts';
import { namedByItems } from '../../model/code-names.ts';
import type { UnitType } from '../../classification/mapping.ts';
import { type AmountUnit, parseMoney } from '../../money/money.ts';
import type { Budget, LineItem, SourceRef } from '../../model/budget.ts';
import { LINE_ITEM_FIELDS, lineItemRowSchema, withFieldText } from '../../model/line-item-fields.ts';
import { toPublicationInputs } from '../../model/publication-inputs.ts';
import type { BudgetJson } from '../../model/schema.ts';
import type { InputProblem } from './errors.ts';

/** How an input format names the places where problems are. */
export interface InputLocator {
  /** The place of a budget.json field, given its path (`units.0.code`). */
  at(path: string): Omit<InputProblem, 'message'>;
  /** A line-item field (`unit_code` … `fund_source`, `amount`) as the input names its column. */
  column(field: string): string;
  /** Where units and projects are registered, for “not registered” messages. */
  unitList: string;
  projectList: string;
  /** The message for a schema issue about `input`; default: the schema's own message. */
  describe?(issue: z.core.$ZodIssue, input: unknown): string;
}

/** One line-item record: the text of each field (by column) and of the amount, and where it came from. */
export interface LineItemRecord {
  source: SourceRef;
  fields: Record<string, string>;
  amount: string;
}

/**
 * Validates line-item records and turns them into line items (amounts in 分, 政府经济分类 derived
 * when blank). `unitTypes` undefined means the units themselves are invalid: registration is not
 * checked then, to avoid one error per row.
 */
export function toLineItems(
  records: Iterable<LineItemRecord>,
  unit: AmountUnit,
  unitTypes: Map<string, UnitType> | undefined,
  classification: Classification,
  problems: InputProblem[],
  loc: InputLocator,
): LineItem[] {
  const items: LineItem[] = [];
  for (const { source, fields, amount: amountText } of records) {
    const obj = Object.fromEntries(LINE_ITEM_FIELDS.map((f) => [f.column, fields[f.column] ?? '']));
    const v = lineItemRowSchema.safeParse(obj);
    if (!v.success) {
      for (const issue of v.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ ...source, column: loc.column(field), message: loc.describe?.(issue, obj[field]) ?? issue.message });
      }
      continue;
    }
    let amount: number;
    try {
      amount = parseMoney(amountText, unit);
    } catch (e) {
      problems.push({ ...source, column: loc.column('amount'), message: (e as Error).message });
      continue;
    }
    if (!unitTypes) continue;
    const li: Partial<LineItem> = { amount, source };
    for (const f of LINE_ITEM_FIELDS) withFieldText(li, f, v.data[f.column]);
    const type = unitTypes.get(li.unit!);
    if (!type) {
      problems.push({ ...source, column: loc.column('unit_code'), message: `单位 ${li.unit} 未在 ${loc.unitList} 中登记` });
      continue;
    }
    li.govEconCode ||= classification.mapping.govFor(li.deptEconCode!, type)?.code || '';
    items.push(li as LineItem);
  }
  return items;
}

/**
 * The year's lists plus the names the line items supply for codes outside them; a name that
 * contradicts the list is a problem located at its cell.
 */
export function withInputNames(classification: Classification, lineItems: LineItem[], problems: InputProblem[], loc: InputLocator): Classification {
  const { subjects, conflicts } = namedByItems(classification, lineItems);
  for (const c of conflicts)
    problems.push({ ...c.item.source!, column: loc.column('function_name'), message: `编码 ${c.code} 是“${c.listed}”，与所填名称“${c.given}”不符` });
  return subjects.length ? withSubjects(classification, 'function', subjects) : classification;
}

/** Checks the cross references of a valid budget.json and its line items; parses its amounts. */
export function toBudget(json: BudgetJson, lineItems: LineItem[], problems: InputProblem[], loc: InputLocator): Budget {
  const money = (v: string | number, path: string) => {
    try {
      return parseMoney(String(v), json.amountUnit);
    } catch (e) {
      problems.push({ ...loc.at(path), message: (e as Error).message });
      return 0;
    }
  };
  const units = new Set(json.units.map((u) => u.code));
  json.units.forEach((u, i) => {
    if (!u.code.startsWith(json.department.code))
      problems.push({ ...loc.at(`units.${i}.code`), message: `单位代码 ${u.code} 应以部门代码 ${json.department.code} 开头` });
  });
  const projects = new Set(json.projects.map((p) => `${p.unit}|${p.name}`));
  const refs = (list: { unit: string }[], name: string) =>
    list.forEach((x, i) => !units.has(x.unit) && problems.push({ ...loc.at(`${name}.${i}.unit`), message: `单位 ${x.unit} 未登记` }));
  refs(json.projects, 'projects');
  refs(json.yearEndBalances, 'yearEndBalances');
  refs(json.unitPerformance, 'unitPerformance');
  for (const li of lineItems) {
    if (li.project && !projects.has(`${li.unit}|${li.project}`))
      problems.push({ ...li.source!, column: loc.column('project'), message: `项目“${li.project}”未在 ${loc.projectList} 中登记` });
    if (!li.project && li.kind === '项目支出') problems.push({ ...li.source!, column: loc.column('project'), message: '项目支出须填写项目名称' });
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
    ...(json.publication && {
      publication: toPublicationInputs(json.publication, json.amountUnit, units, (i) => problems.push({ ...loc.at(`publication.${i.path}`), message: i.message })),
    }),
  };
}
