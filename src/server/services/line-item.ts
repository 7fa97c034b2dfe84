/** Validates one line item edited through the API with the same schema and rules as an import. */
import type { Classification } from '../../classification/classification.ts';
import { type AmountUnit, parseMoney } from '../../money/money.ts';
import type { Kind, LineItem } from '../../model/budget.ts';
import type { FundSource } from '../../model/funds.ts';
import { lineItemRowSchema } from '../../model/schema.ts';
import { invalidInput } from '../errors.ts';
import type { UnitDocument } from '../repo/budgets.ts';
import type { UnitRow } from '../repo/org.ts';

export interface LineItemInput {
  functionCode?: string;
  deptEconCode?: string;
  govEconCode?: string;
  kind?: Kind;
  project?: string;
  fund?: FundSource;
  amount?: string;
  amountUnit?: AmountUnit;
}

const FIELD_NAMES: Record<string, string> = {
  function_code: 'functionCode',
  dept_econ_code: 'deptEconCode',
  gov_econ_code: 'govEconCode',
  kind: 'kind',
  project: 'project',
  fund_source: 'fund',
};

/** `base` is the item being changed (PATCH), absent for a new item (then every field is required). */
export function toLineItem(input: LineItemInput, base: LineItem | undefined, unit: UnitRow, doc: UnitDocument, classification: Classification): LineItem {
  const problems: { field: string; message: string }[] = [];
  const pick = <K extends keyof LineItem>(k: K, v: LineItem[K] | undefined) => (v !== undefined ? v : base?.[k]);
  const row = {
    unit_code: unit.code,
    function_code: pick('functionCode', input.functionCode) ?? '',
    dept_econ_code: pick('deptEconCode', input.deptEconCode) ?? '',
    // a changed 部门经济分类 without a 政府经济分类 is mapped again
    gov_econ_code: input.govEconCode ?? (input.deptEconCode === undefined ? (base?.govEconCode ?? '') : ''),
    kind: pick('kind', input.kind) ?? '',
    project: input.project !== undefined ? input.project : (base?.project ?? ''),
    fund_source: pick('fund', input.fund) ?? '',
  };
  const v = lineItemRowSchema.safeParse(row);
  if (!v.success) for (const i of v.error.issues) problems.push({ field: FIELD_NAMES[String(i.path[0])] ?? String(i.path[0]), message: i.message });
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
  const d = v.data;
  return {
    unit: unit.code,
    functionCode: d.function_code,
    deptEconCode: d.dept_econ_code,
    govEconCode: d.gov_econ_code || classification.mapping.govFor(d.dept_econ_code, unit.type)?.code || '',
    kind: d.kind,
    project: d.project || undefined,
    fund: d.fund_source,
    amount: amount!,
  };
}
