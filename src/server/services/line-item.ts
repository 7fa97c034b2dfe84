/** Validates one line item edited through the API with the same schema and rules as an import. */
import type { Classification } from '../../classification/classification.ts';
import { type AmountUnit, parseMoney } from '../../money/money.ts';
import type { LineItem } from '../../model/budget.ts';
import { fieldByColumn, fieldText, LINE_ITEM_FIELDS, lineItemRowSchema, withFieldText } from '../../model/line-item-fields.ts';
import { invalidInput } from '../errors.ts';
import type { UnitDocument } from '../repo/budgets.ts';
import type { UnitRow } from '../repo/org.ts';

/** The API's line-item body: every field of the table by its key (the unit is the budget's), the amount as text. */
export type LineItemInput = Partial<Record<Exclude<(typeof LINE_ITEM_FIELDS)[number]['key'], 'unit'>, string>> & { amount?: string; amountUnit?: AmountUnit };

/** `base` is the item being changed (PATCH), absent for a new item (then every required field must be given). */
export function toLineItem(input: LineItemInput, base: LineItem | undefined, unit: UnitRow, doc: UnitDocument, classification: Classification): LineItem {
  const problems: { field: string; message: string }[] = [];
  const given = input as Record<string, string | undefined>;
  const row: Record<string, string> = {};
  for (const f of LINE_ITEM_FIELDS) row[f.column] = f.key === 'unit' ? unit.code : (given[f.key] ?? (base ? fieldText(base, f) : ''));
  // a changed 部门经济分类 without a 政府经济分类 is mapped again
  if (input.govEconCode === undefined && input.deptEconCode !== undefined) row.gov_econ_code = '';
  const v = lineItemRowSchema.safeParse(row);
  if (!v.success) for (const i of v.error.issues) problems.push({ field: fieldByColumn.get(String(i.path[0]))?.key ?? String(i.path[0]), message: i.message });
  let amount = base?.amount;
  if (input.amount !== undefined) {
    try {
      amount = parseMoney(input.amount, input.amountUnit ?? '万元');
    } catch (e) {
      problems.push({ field: 'amount', message: (e as Error).message });
    }
  } else if (amount === undefined) problems.push({ field: 'amount', message: '缺少金额' });
  if (row.project && !doc.projects.some((p) => p.name === row.project)) {
    problems.push({ field: 'project', message: `项目“${row.project}”未在本单位预算的项目中登记` });
  }
  if (!row.project && row.kind === '项目支出') problems.push({ field: 'project', message: '项目支出须填写项目名称' });
  if (problems.length || !v.success) throw invalidInput(problems.map((p) => `${p.field}：${p.message}`).join('；'), { problems });
  const li: Partial<LineItem> = { amount };
  for (const f of LINE_ITEM_FIELDS) withFieldText(li, f, v.data[f.column]);
  li.govEconCode ||= classification.mapping.govFor(li.deptEconCode!, unit.type)?.code || '';
  return li as LineItem;
}
