/**
 * The one definition of a line item's fields. The row schema, the CSV and workbook readers and
 * writers, the server's SQL mapping and API schema, the rounding and signature keys and the FDP
 * `line-items.csv` are all derived from this table: adding a field is one entry here (and a
 * migration adding its SQL column).
 */
import * as z from 'zod';
import { KINDS, type LineItem, THREE_PUBLIC } from './budget.ts';
import { FUND_SOURCES } from './funds.ts';

/** The dropdown list a workbook column offers (lists are filled by the workbook writer). */
export type FieldList = 'units' | 'function' | 'deptEcon' | 'govEcon' | 'kinds' | 'projects' | 'funds' | 'threePublic';

type TextKey = Exclude<keyof LineItem, 'amount' | 'source'>;

export interface LineItemField {
  /** property of the model's LineItem, also the API field */
  key: TextKey;
  /** CSV column, workbook field key (hidden row 2) and FDP column */
  column: string;
  /** Chinese header of the workbook column */
  label: string;
  /** column of the server's line_items table; none for the unit, which is the budget's */
  sql?: string;
  /** may be left out of (or blank in) the CSV */
  optional: boolean;
  /** decides which table columns the item lands in (fund, kind, economic codes, 三公 mark) */
  signature: boolean;
  /** validates the field's text */
  schema: z.ZodType<string>;
  /** a code cell keeps leading digits and may carry its name after it */
  cell: 'code' | 'text';
  width: number;
  list?: FieldList;
  note?: string;
  /** API description */
  description: string;
}

const code = (digits: number, message: string) => z.string().regex(new RegExp(`^\\d{${digits}}$`), message);
const oneOf = (values: readonly string[], message: string, blank = false) =>
  z.enum((blank ? ['', ...values] : values) as [string, ...string[]], { error: message }) as z.ZodType<string>;

export const LINE_ITEM_FIELDS: readonly LineItemField[] = [
  { key: 'unit', column: 'unit_code', label: '单位代码', optional: false, signature: false, schema: code(6, '单位代码应为 6 位数字'), cell: 'code', width: 10, list: 'units', description: '单位代码（6 位）' },
  {
    key: 'functionCode', column: 'function_code', label: '功能科目编码', sql: 'function_code', optional: false, signature: false,
    schema: code(7, '支出功能分类科目应为 7 位项级编码'), cell: 'code', width: 30, list: 'function',
    note: '支出功能分类 7 位项级编码，可从下拉列表选择或直接输入编码', description: '支出功能分类 项（7 位）',
  },
  {
    key: 'functionName', column: 'function_name', label: '功能科目名称', sql: 'function_name', optional: true, signature: false,
    schema: z.string().max(200, '功能科目名称过长'), cell: 'text', width: 24,
    note: '只在编码不在科目表中时填写：项的名称；上级款、类也不在表中时用“/”连接，如 农业农村/行政运行',
    description: '科目表中没有的功能科目的名称（项；或 款/项、类/款/项）',
  },
  {
    key: 'deptEconCode', column: 'dept_econ_code', label: '部门经济分类编码', sql: 'dept_econ_code', optional: false, signature: true,
    schema: code(5, '部门预算经济分类科目应为 5 位款级编码'), cell: 'code', width: 26, list: 'deptEcon',
    note: '部门预算支出经济分类 5 位款级编码', description: '部门预算支出经济分类 款（5 位）',
  },
  {
    key: 'govEconCode', column: 'gov_econ_code', label: '政府经济分类编码', sql: 'gov_econ_code', optional: true, signature: true,
    schema: z.union([z.literal(''), code(5, '政府预算经济分类科目应为 5 位款级编码')]), cell: 'code', width: 26, list: 'govEcon',
    note: '政府预算支出经济分类 5 位款级编码；可不填，按单位类型由部门经济分类推出', description: '政府预算支出经济分类 款（5 位）；留空则按部门经济分类自动对应',
  },
  { key: 'kind', column: 'kind', label: '支出类型', sql: 'kind', optional: false, signature: true, schema: oneOf(KINDS, `支出类型应为 ${KINDS.join('、')} 之一`), cell: 'text', width: 20, list: 'kinds', description: '支出类型' },
  {
    key: 'project', column: 'project', label: '项目名称', sql: 'project', optional: true, signature: false, schema: z.string(), cell: 'text', width: 28, list: 'projects',
    note: '项目支出必填，须已在“项目”表中登记；基本支出不填', description: '项目名称；项目支出必填，且须已在预算的项目中登记',
  },
  {
    key: 'fund', column: 'fund_source', label: '资金来源', sql: 'fund_source', optional: false, signature: true,
    schema: oneOf(FUND_SOURCES, '资金来源应为说明中列出的 25 种之一（如 本年/一般公共预算拨款/经费拨款）'), cell: 'text', width: 44, list: 'funds',
    note: '从下拉列表选择，完整列表见“说明”表', description: '资金来源',
  },
  {
    key: 'threePublic', column: 'three_public', label: '“三公”经费类别', sql: 'three_public', optional: true, signature: true,
    schema: oneOf(THREE_PUBLIC, `“三公”经费类别应为 ${THREE_PUBLIC.join('、')} 之一，或不填`, true), cell: 'text', width: 16, list: 'threePublic',
    note: '只在“三公”经费记在其他经济分类科目（如项目中的 30299）时填写；30212、30217、30231、31013、30913 不必填',
    description: '记在其他经济分类科目下的“三公”经费的类别',
  },
];

/** The amount: its CSV column names its unit; stored and served in 分. */
export const AMOUNT_FIELD = { key: 'amount', column: 'amount', label: '金额', sql: 'amount_fen', api: 'amountFen' } as const;
/** The amount column's name says its unit. */
export const AMOUNT_COLUMNS = { amount_wan: '万元', amount_yuan: '元' } as const;

export const fieldByColumn = new Map(LINE_ITEM_FIELDS.map((f) => [f.column, f]));
export const STORED_FIELDS = LINE_ITEM_FIELDS.filter((f) => f.sql);
export const SIGNATURE_FIELDS = LINE_ITEM_FIELDS.filter((f) => f.signature);

/** A field's value as text ('' when absent). */
export const fieldText = (li: LineItem, f: LineItemField): string => (li[f.key] as string | undefined) ?? '';

/** Sets a field from its text: a blank optional field is absent from the item. */
export function withFieldText(li: Partial<LineItem>, f: LineItemField, text: string): void {
  if (text === '' && f.optional && f.key !== 'govEconCode') delete li[f.key];
  else (li as Record<string, string>)[f.key] = text;
}

/** The row schema of line-items.csv (after the amount column has been recognised). */
export const lineItemRowSchema = z.object(
  Object.fromEntries(LINE_ITEM_FIELDS.map((f) => [f.column, f.optional ? f.schema.default('') : f.schema])) as Record<string, z.ZodType<string>>,
);

/**
 * What tells two facts apart: every field but the amount (and where it was read). Items with the
 * same identity are one fact to the rounding.
 */
export const identityKey = (li: LineItem) => LINE_ITEM_FIELDS.map((f) => fieldText(li, f)).join('\u0000');
