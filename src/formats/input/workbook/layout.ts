/**
 * The input workbook's layout, shared by the template writer and the reader: its sheets, their
 * columns (Chinese header, field key, cell kind) and the dropdown lists. Each data sheet has the
 * Chinese headers in row 1, the field keys in a hidden row 2 (so reading does not depend on the
 * header wording) and data from row 3.
 */
import { INDICATORS } from '../../../model/budget.ts';
import { AMOUNT_FIELD, type FieldList, LINE_ITEM_FIELDS, type LineItemField } from '../../../model/line-item-fields.ts';

export const HEADER_ROW = 1;
export const KEY_ROW = 2;
export const FIRST_DATA_ROW = 3;
export const INSTRUCTIONS_SHEET = '说明';
export const LISTS_SHEET = '代码表';

/** code: digits kept as text, a trailing name (`2060301 科学技术管理事务`) is dropped on reading. */
export type CellKind = 'text' | 'long' | 'code' | 'amount' | 'year';

export type ListName = FieldList | 'amountUnits' | 'unitTypes' | 'categories';

export interface ColumnSpec {
  /** field path inside one record of `budget.json` (`byFinance.govFund`), or the line-item CSV column */
  key: string;
  label: string;
  kind: CellKind;
  width: number;
  list?: ListName;
  /** a blank cell omits the field (else it is read as an empty text) */
  optional?: boolean;
  /** shown as the header cell's comment */
  note?: string;
}

/** Which part of the budget a sheet holds: the top-level fields, the line items, or a `budget.json` list. */
export type Target = 'basic' | 'lineItems' | 'units' | 'projects' | 'yearEndBalances' | 'specialFunds' | 'projectPerformance' | 'unitPerformance';

export interface SheetSpec {
  name: string;
  target: Target;
  /** what the sheet is, for the 说明 sheet */
  about: string;
  columns: ColumnSpec[];
}

const unitRef = (label = '单位代码'): ColumnSpec => ({ key: 'unit', label, kind: 'code', width: 12, list: 'units', note: '6 位单位代码，须已在“单位”表中登记' });
const amount = (key: string, label: string, optional = false): ColumnSpec => ({ key, label, kind: 'amount', width: 16, optional, note: '金额，单位见“基本信息”表的金额单位' });
/** A line-item column, as the field table defines it. */
const fieldColumn = (f: LineItemField): ColumnSpec => ({ key: f.column, label: f.label, kind: f.cell, width: f.width, list: f.list, optional: f.optional, note: f.note });
const long = (key: string, label: string, optional = false): ColumnSpec => ({ key, label, kind: 'long', width: 40, optional });

export const SHEETS: SheetSpec[] = [
  {
    name: '基本信息',
    target: 'basic',
    about: '预算年度、金额单位与部门，只填第 3 行一行',
    columns: [
      { key: 'year', label: '预算年度', kind: 'year', width: 10, note: '4 位年度，如 2024' },
      { key: 'amountUnit', label: '金额单位', kind: 'text', width: 10, list: 'amountUnits', note: '本工作簿所有金额的单位：元 或 万元' },
      { key: 'department.code', label: '部门代码', kind: 'code', width: 10, note: '3 位部门代码' },
      { key: 'department.name', label: '部门名称', kind: 'text', width: 24 },
      { key: 'filer', label: '填报部门', kind: 'text', width: 24, optional: true, note: '印在各表上的填报部门；不填时：只有一个单位用单位名称，否则用部门名称' },
      { key: 'classification', label: '自定义代码表目录', kind: 'text', width: 20, optional: true, note: '一般不填；填时为相对本文件的文件夹，内含本年度的科目代码表' },
    ],
  },
  {
    name: '单位',
    target: 'units',
    about: '部门所属的预算单位，每行一个',
    columns: [
      { key: 'code', label: '单位代码', kind: 'code', width: 12, note: '6 位，以部门代码开头' },
      { key: 'name', label: '单位名称', kind: 'text', width: 30 },
      { key: 'type', label: '单位类型', kind: 'text', width: 14, list: 'unitTypes', note: '决定部门经济分类到政府经济分类的对应关系' },
    ],
  },
  {
    name: '支出明细',
    target: 'lineItems',
    about: '每一笔支出安排：单位、功能科目（项）、经济分类（款）、支出类型、项目、资金来源、金额。各表金额均由此汇总',
    columns: [
      ...LINE_ITEM_FIELDS.filter((f) => f.key !== 'threePublic').map(fieldColumn),
      amount(AMOUNT_FIELD.column, AMOUNT_FIELD.label),
      ...LINE_ITEM_FIELDS.filter((f) => f.key === 'threePublic').map(fieldColumn),
    ],
  },
  {
    name: '项目',
    target: 'projects',
    about: '项目支出的项目，每行一个；省级专项资金须填支出方向',
    columns: [
      unitRef(),
      { key: 'name', label: '项目名称', kind: 'text', width: 32 },
      { key: 'category', label: '项目类别', kind: 'text', width: 14, list: 'categories', note: '省级专项资金（列入预算21表）或 其他资金（列入预算22表）' },
      { key: 'direction', label: '支出方向', kind: 'long', width: 40, optional: true, note: '省级专项资金的支出方向（预算21表）' },
    ],
  },
  {
    name: '年终结转结余',
    target: 'yearEndBalances',
    about: '预计的年终结转结余（作为收入，不是支出），按单位和资金来源',
    columns: [unitRef(), { key: 'fund', label: '资金来源', kind: 'text', width: 44, list: 'funds' }, amount('amount', '金额')],
  },
  {
    name: '专项资金',
    target: 'specialFunds',
    about: '预算20表：省级专项资金，含财政代编部分（不在支出明细中的金额）',
    columns: [
      unitRef(),
      { key: 'name', label: '专项资金名称', kind: 'text', width: 30, note: '与“项目”表中省级专项资金的项目名称一致' },
      amount('byFinance.gpbAppropriation', '财政代编：一般公共预算经费拨款', true),
      amount('byFinance.gpbNonTax', '财政代编：纳入一般公共预算管理的非税收入', true),
      amount('byFinance.govFund', '财政代编：政府性基金', true),
      amount('byFinance.stateCapital', '财政代编：国有资本经营预算', true),
      long('managementRule', '资金管理办法', true),
      long('allocationRule', '分配办法', true),
    ],
  },
  {
    name: '项目绩效目标',
    target: 'projectPerformance',
    about: '预算21表、预算22表：每个项目一行，含 9 项绩效指标；资金总额由支出明细汇总',
    columns: [
      unitRef(),
      { key: 'project', label: '项目名称', kind: 'text', width: 28, list: 'projects' },
      amount('transferToLocal', '对市县专项转移支付', true),
      long('periodGoal', '实施期绩效目标'),
      long('annualGoal', '年度绩效目标'),
      ...INDICATORS.map((i) => long(`indicators.${i}`, i, true)),
    ],
  },
  {
    name: '整体绩效目标',
    target: 'unitPerformance',
    about: '预算23表：每个单位一行',
    columns: [
      unitRef(),
      long('duties', '部门职能职责描述'),
      long('overallGoal', '整体绩效目标'),
      long('outputIndicators', '产出指标'),
      long('benefitIndicators', '效益指标'),
    ],
  },
];

export const sheetOf = (target: Target): SheetSpec => SHEETS.find((s) => s.target === target)!;
