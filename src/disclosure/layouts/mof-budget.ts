/**
 * The Ministry of Finance department-budget set (8 or 9 tables), under its national titles
 * (部门收支总表 …) and the variants publishers use (Shanghai: 部门财务收支预算总表, 预算单位收入预算总表,
 * 单位“三公”经费和机关运行经费预算表 …). Identities from the template; the columns printed decide
 * which run.
 */
import type { Family, FamilyRule, Kind } from './family.ts';
import { rowSums, trees } from './family-rules.ts';

const KINDS: Kind[] = [
  { id: 'summary', name: '部门收支总表', title: /^(财务)?收支(预算)?总表$/, shape: 'lists' },
  { id: 'income', name: '部门收入总表', title: /^收入(预算)?总?表$/, shape: 'tree', codes: 'function' },
  { id: 'spending', name: '部门支出总表', title: /^支出(预算)?总?表$/, shape: 'tree', codes: 'function' },
  { id: 'fiscal', name: '财政拨款收支总表', title: /^财政拨款收支(预算)?总表$/, shape: 'lists' },
  { id: 'gpb', name: '一般公共预算支出表', title: /^一般公共预算支出(功能分类)?(预算)?表$/, shape: 'tree', codes: 'function' },
  { id: 'gf', name: '政府性基金预算支出表', title: /^政府性基金预算支出(功能分类)?(预算)?表$/, shape: 'tree', codes: 'function' },
  { id: 'soe', name: '国有资本经营预算支出表', title: /^国有资本经营预算支出(功能分类)?(预算)?表$/, shape: 'tree', codes: 'function', optional: true },
  { id: 'basic', name: '一般公共预算基本支出表', title: /^一般公共预算基本支出((部门|政府)?(预算)?经济分类)?(预算)?表$/, shape: 'tree', codes: 'econ' },
  { id: 'three', name: '一般公共预算“三公”经费支出表', title: /^(一般公共预算|财政拨款)?三公经费(支出|和机关运行经费)?(预算)?(情况)?表$/, shape: 'single' },
];

/** Row labels as publishers number them: 一、财政拨款收入 / 财政拨款收入; 1、一般公共预算 / 1. 一般公共预算资金 / （一）一般公共预算拨款. */
const NUMBERED = '([一二三四五六七八九十]+、|\\d+[.、．]|[（(][一二三四五六七八九十]+[)）])?';
const FISCAL_LINE = new RegExp(`^${NUMBERED}财政拨款(收入)?(合计)?$`);
const GPB_LINE = new RegExp(`^${NUMBERED}一般公共预算(资金|拨款|拨款收入)?$`);

const SPENDING_PARTS = ['basic', 'project', 'upperPay', 'operatingExp', 'subsidy'];

const RULES: FamilyRule[] = [
  ...rowSums([
    ['summary', 'total', ['basic', 'project']],
    ['summary', 'total', ['personnel', 'public', 'project']],
    ['income', 'total', ['fiscal', 'gpb', 'gf', 'soe', 'shiye', 'operating', 'upper', 'subsidiary', 'other', 'opening']],
    ['spending', 'total', SPENDING_PARTS],
    ['fiscal', 'total', ['gpb', 'gf', 'soe']],
    ['gpb', 'total', ['basic', 'project']],
    ['gf', 'total', ['basic', 'project']],
    ['soe', 'total', ['basic', 'project']],
    ['basic', 'total', ['personnel', 'public']],
    ['three', 'total', ['abroad', 'car.total', 'reception']],
    ['three', 'car.total', ['car.purchase', 'car.running']],
  ]),
  ...trees(['income', 'spending', 'gpb', 'gf', 'soe', 'basic']),
  {
    id: 'B-summary-balance',
    kind: 'cells',
    formula: '部门收支总表 收入总计 = 支出总计',
    lhs: [{ table: 'summary', row: { label: /^收入总计/, side: 'left' }, col: 'amount' }],
    rhs: [{ table: 'summary', row: { label: /^支出总计/, side: 'right' }, col: 'total' }],
  },
  {
    id: 'B-fiscal-balance',
    kind: 'cells',
    formula: '财政拨款收支总表 收入总计 = 支出总计',
    lhs: [{ table: 'fiscal', row: { label: /^收入总计/, side: 'left' }, col: 'amount' }],
    rhs: [{ table: 'fiscal', row: { label: /^支出总计/, side: 'right' }, col: 'total' }],
  },
  {
    id: 'B-summary-spending',
    kind: 'cells',
    formula: '部门收支总表 支出总计 = 部门支出总表 合计',
    lhs: [{ table: 'summary', row: { label: /^支出总计/, side: 'right' }, col: 'total' }],
    rhs: [{ table: 'spending', row: { total: true }, col: 'total' }],
  },
  {
    id: 'B-income-spending',
    kind: 'cells',
    formula: '部门收入总表 合计 = 部门支出总表 合计',
    lhs: [{ table: 'income', row: { total: true }, col: 'total' }],
    rhs: [{ table: 'spending', row: { total: true }, col: 'total' }],
  },
  {
    id: 'B-fiscal-gpb',
    kind: 'cells',
    formula: '财政拨款收支总表 支出总计·一般公共预算 = 一般公共预算支出表 合计',
    lhs: [{ table: 'fiscal', row: { label: /^支出总计/, side: 'right' }, col: 'gpb' }],
    rhs: [{ table: 'gpb', row: { total: true }, col: 'total' }],
  },
  {
    id: 'B-gpb-basic',
    kind: 'cells',
    formula: '一般公共预算支出表 合计·基本支出 = 一般公共预算基本支出表 合计',
    lhs: [{ table: 'gpb', row: { total: true }, col: 'basic' }],
    rhs: [{ table: 'basic', row: { total: true }, col: 'total' }],
  },
  {
    id: 'B-summary-fiscal',
    kind: 'cells',
    formula: '部门收支总表 财政拨款收入 = 部门收入总表 合计·财政拨款收入',
    lhs: [{ table: 'summary', row: { label: FISCAL_LINE, side: 'left' }, col: 'amount' }],
    rhs: [{ table: 'income', row: { total: true }, col: 'fiscal' }],
  },
  {
    id: 'B-summary-gpb',
    kind: 'cells',
    formula: '部门收支总表 一般公共预算 = 财政拨款收支总表 一般公共预算',
    lhs: [{ table: 'summary', row: { label: GPB_LINE, side: 'left' }, col: 'amount' }],
    rhs: [{ table: 'fiscal', row: { label: GPB_LINE, side: 'left' }, col: 'amount' }],
  },
  {
    id: 'B-gpb-within-spending',
    kind: 'join',
    left: 'gpb',
    right: 'spending',
    cols: [
      ['basic', 'basic'],
      ['project', 'project'],
    ],
    op: '<=',
    formula: '一般公共预算支出表 基本支出/项目支出 ≤ 部门支出总表 对应列（按科目逐行）',
  },
];

export const mofBudget: Family = { id: 'mof-budget', name: '部门预算', kinds: KINDS, rules: RULES };
