/**
 * The department final-accounts (决算) set of nine tables, as the national template and Shanghai
 * print it. Identities: 收入总计 = 支出总计; 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余;
 * 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; 基本 = 人员 + 公用; 三公 = its parts;
 * and the totals between tables.
 */
import type { CellRef, Family, FamilyRule, Kind, RowRef } from './family.ts';
import { rowSums, trees } from './family-rules.ts';

const KINDS: Kind[] = [
  { id: 'summary', name: '收入支出决算总表', title: /^收入支出决算总表$/, shape: 'lists' },
  { id: 'income', name: '收入决算表', title: /^收入决算表$/, shape: 'tree', codes: 'function' },
  { id: 'spending', name: '支出决算表', title: /^支出决算表$/, shape: 'tree', codes: 'function' },
  { id: 'fiscal', name: '财政拨款收入支出决算总表', title: /^财政拨款收入支出决算总表$/, shape: 'lists' },
  { id: 'gpb', name: '一般公共预算财政拨款支出决算表', title: /^一般公共预算财政拨款(收入)?支出决算(明细)?表$/, shape: 'tree', codes: 'function' },
  { id: 'basic', name: '一般公共预算财政拨款基本支出决算表', title: /^一般公共预算财政拨款基本支出决算(明细)?表$/, shape: 'twoTrees', codes: 'econ' },
  { id: 'three', name: '财政拨款“三公”经费支出决算表', title: /^(一般公共预算)?(财政拨款)?三公经费(支出)?决算(情况|明细)?表$/, shape: 'single' },
  { id: 'gf', name: '政府性基金预算财政拨款收入支出决算表', title: /^政府性基金预算财政拨款收入支出决算表$/, shape: 'tree', codes: 'function' },
  { id: 'soe', name: '国有资本经营预算财政拨款收入支出决算表', title: /^国有资本经营预算财政拨款收入支出决算表$/, shape: 'tree', codes: 'function' },
];

const left = (table: string, label: RegExp | RowRef): CellRef => ({ table, row: label instanceof RegExp ? { label, side: 'left' } : label, col: 'amount' });
const right = (table: string, label: RegExp, col = 'amount'): CellRef => ({ table, row: { label, side: 'right' }, col });
const total = (table: string, col: string): CellRef => ({ table, row: { total: true }, col });

const OPENING = /^年初(财政拨款)?结转和?结余/;
const CLOSING = /^年末(财政拨款)?结转和?结余/;
/** The fund's line under 年初结转和结余 (its line under 本年收入 is the first one printed). */
const OPENING_THEN = (label: RegExp): RowRef => ({ label, side: 'left', after: OPENING });
/** The three funds: table id (and column of the 总表), name, their line in the 总表 (wrapped lines keep the start). */
const FUNDS: [fund: string, name: string, label: RegExp][] = [
  ['gpb', '一般公共预算', /^(一、)?一般公共预算财政拨/],
  ['gf', '政府性基金预算', /^(二、)?政府性基金预算财政拨/],
  ['soe', '国有资本经营预算', /^(三、)?国有资本经营预算财政/],
];

const RULES: FamilyRule[] = [
  ...rowSums([
    ['income', 'total', ['fiscal', 'upper', 'shiye', 'operating', 'subsidiary', 'other']],
    ['spending', 'total', ['basic', 'project', 'upperPay', 'operatingExp', 'subsidy']],
    ['fiscal', 'total', ['gpb', 'gf', 'soe']],
    ['gpb', 'total', ['basic', 'project']],
    ['gf', 'spend.total', ['basic', 'project']],
    ['soe', 'spend.total', ['basic', 'project']],
    ['three', 'total.plan', ['abroad.plan', 'car.total.plan', 'reception.plan']],
    ['three', 'total.final', ['abroad.final', 'car.total.final', 'reception.final']],
    ['three', 'car.total.plan', ['car.purchase.plan', 'car.running.plan']],
    ['three', 'car.total.final', ['car.purchase.final', 'car.running.final']],
    ['three', 'total', ['abroad', 'car.total', 'reception']],
    ['three', 'car.total', ['car.purchase', 'car.running']],
  ]),
  ...trees(['income', 'spending', 'gpb', 'basic', 'gf', 'soe']),
  {
    id: 'F-summary-balance',
    kind: 'cells',
    formula: '收入支出决算总表 收入总计 = 支出总计',
    lhs: [left('summary', /^总计$|^收入总计/)],
    rhs: [right('summary', /^总计$|^支出总计/)],
  },
  {
    id: 'F-summary-out',
    kind: 'cells',
    formula: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
    lhs: [right('summary', /^总计$|^支出总计/)],
    rhs: [right('summary', /^本年支出合计/), right('summary', /^结余分配/), right('summary', /^年末结转和结余/)],
  },
  {
    id: 'F-summary-in',
    kind: 'cells',
    formula: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
    lhs: [left('summary', /^总计$|^收入总计/)],
    rhs: [left('summary', /^本年收入合计/), left('summary', /^使用非财政拨款结余|^使用专用结余/), left('summary', /^年初结转和结余/)],
  },
  {
    id: 'F-summary-income',
    kind: 'cells',
    formula: '收入支出决算总表 本年收入合计 = 收入决算表 合计',
    lhs: [left('summary', /^本年收入合计/)],
    rhs: [total('income', 'total')],
  },
  {
    id: 'F-summary-spending',
    kind: 'cells',
    formula: '收入支出决算总表 本年支出合计 = 支出决算表 合计',
    lhs: [right('summary', /^本年支出合计/)],
    rhs: [total('spending', 'total')],
  },
  {
    id: 'F-fiscal-balance',
    kind: 'cells',
    formula: '财政拨款收入支出决算总表 收入总计 = 支出总计',
    lhs: [left('fiscal', /^总计$|^收入总计/)],
    rhs: [right('fiscal', /^总计$|^支出总计/, 'total')],
  },
  {
    id: 'F-fiscal-gpb',
    kind: 'cells',
    formula: '财政拨款收入支出决算总表 本年支出合计·一般公共预算 = 一般公共预算财政拨款支出决算表 合计',
    lhs: [right('fiscal', /^本年支出合计/, 'gpb')],
    rhs: [total('gpb', 'total')],
  },
  {
    id: 'F-fiscal-in',
    formula: '财政拨款收入支出决算总表 收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
    kind: 'cells',
    lhs: [left('fiscal', /^总计$|^收入总计/)],
    rhs: [left('fiscal', /^本年收入合计/), left('fiscal', OPENING)],
  },
  {
    id: 'F-fiscal-out',
    formula: '财政拨款收入支出决算总表 支出总计 = 本年支出合计 + 年末财政拨款结转和结余',
    kind: 'cells',
    lhs: [right('fiscal', /^总计$|^支出总计/, 'total')],
    rhs: [right('fiscal', /^本年支出合计/, 'total'), right('fiscal', CLOSING, 'total')],
  },
  ...FUNDS.map(([fund, name, label]): FamilyRule => ({
    id: `F-fiscal-fund-${fund}`,
    kind: 'cells',
    formula: `财政拨款收入支出决算总表 ${name}财政拨款：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余`,
    lhs: [left('fiscal', OPENING_THEN(label)), { table: 'fiscal', row: { label, side: 'left' }, col: 'amount' }],
    rhs: [right('fiscal', /^本年支出合计/, fund), right('fiscal', CLOSING, fund)],
  })),
  ...FUNDS.map(([fund, name]): FamilyRule => ({
    id: `${fund}-balance`,
    kind: 'rowBalance',
    table: fund,
    formula: `${name}财政拨款：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余（逐行）`,
    lhs: ['opening', 'income'],
    rhs: ['spend.total', 'closing'],
  })),
  ...FUNDS.filter(([fund]) => fund !== 'gpb').map(([fund, name]): FamilyRule => ({
    id: `F-fiscal-${fund}`,
    kind: 'cells',
    formula: `${name}财政拨款收入支出决算表 合计·本年支出 = 财政拨款收入支出决算总表 本年支出合计·${name}`,
    lhs: [total(fund, 'spend.total')],
    rhs: [right('fiscal', /^本年支出合计/, fund)],
  })),
  {
    id: 'F-gpb-basic',
    kind: 'cells',
    formula: '一般公共预算财政拨款支出决算表 合计·基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计',
    lhs: [total('gpb', 'basic')],
    rhs: [total('basic', 'personnel'), total('basic', 'public')],
  },
  {
    id: 'F-gpb-within-spending',
    kind: 'join',
    left: 'gpb',
    right: 'spending',
    cols: [
      ['basic', 'basic'],
      ['project', 'project'],
    ],
    op: '<=',
    formula: '一般公共预算财政拨款支出决算表 基本支出/项目支出 ≤ 支出决算表 对应列（按科目逐行）',
  },
];

export const mofFinal: Family = { id: 'mof-final', name: '部门决算', kinds: KINDS, rules: RULES };
