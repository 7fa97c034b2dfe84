/**
 * The nine-table set many provinces publish for a department budget (the Ministry of Finance
 * template): ids "1"–"9", the titles it appears under, header trees with column keys, row
 * layouts and row sums. Amounts are often in 元; readers take the unit from `单位：元/万元`.
 * Subject rows carry no department or unit rows above them, unlike the Hunan tables.
 */
import type { ColumnNode } from '../../ir/table.ts';
import type { LayoutSet, SumIdentity, TableLayout } from './layout.ts';
import { derivedRules } from './derived-rules.ts';
import { STANDARD_9_RULES } from './standard-9-rules.ts';

const code = (label: string, key = 'code'): ColumnNode => ({ label, key, kind: 'code' });
const text = (label: string, key: string): ColumnNode => ({ label, key, kind: 'text' });
const amount = (label: string, key: string): ColumnNode => ({ label, key, kind: 'amount' });
const group = (label: string, children: ColumnNode[]): ColumnNode => ({ label, children });
const subject = [code('科目编码'), text('科目名称', 'name')];

/** 合计 = 基本支出 + 项目支出, by function 类 › 款 › 项 (tables 5–7). */
function byFunction(id: string, title: string, titles: string[]): TableLayout {
  return {
    id,
    mark: `表${id}`,
    title,
    titles,
    header: [...subject, amount('合计', 'total'), amount('基本支出', 'basic'), amount('项目支出', 'project')],
    rows: 'tree',
    totalRow: true,
    sums: [{ key: 'total', parts: ['basic', 'project'] }],
    orgRows: false,
  };
}

const INCOME: [string, string][] = [
  ['co', '上年结转'],
  ['gpb', '一般公共预算拨款收入'],
  ['gf', '政府性基金预算拨款收入'],
  ['soe', '国有资本经营预算拨款收入'],
  ['sa', '财政专户管理资金收入'],
  ['shiye', '事业收入'],
  ['operating', '事业单位经营收入'],
  ['upper', '上级补助收入'],
  ['subsidiary', '附属单位上缴收入'],
  ['other', '其他收入'],
];
const SPENDING: [string, string][] = [
  ['basic', '基本支出'],
  ['project', '项目支出'],
  ['upper', '上缴上级支出'],
  ['operating', '事业单位经营支出'],
  ['subsidiary', '对附属单位补助支出'],
];
const all = (keys: [string, string][]): SumIdentity => ({ key: 'total', parts: keys.map(([k]) => k) });

export const STANDARD_9: TableLayout[] = [
  {
    id: '1',
    mark: '表1',
    title: '财务收支预算总表',
    titles: ['部门财务收支预算总表', '收支预算总表', '部门收支预算总表', '部门收支总表'],
    header: [group('收入', [text('项目', 'rev.label'), amount('预算数', 'rev.amount')]), group('支出', [text('项目', 'exp.label'), amount('预算数', 'exp.amount')])],
    rows: 'lists',
    totalRow: false,
  },
  {
    id: '2',
    mark: '表2',
    title: '收入预算总表',
    titles: ['部门收入预算表', '部门收入总表', '收入总表', '部门收入预算总表'],
    header: [...subject, amount('合计', 'total'), ...INCOME.map(([k, l]) => amount(l, k))],
    rows: 'tree',
    totalRow: true,
    sums: [all(INCOME)],
    orgRows: false,
  },
  {
    id: '3',
    mark: '表3',
    title: '支出预算总表',
    titles: ['部门支出预算表', '部门支出总表', '支出总表', '部门支出预算总表'],
    header: [...subject, amount('合计', 'total'), ...SPENDING.map(([k, l]) => amount(l, k))],
    rows: 'tree',
    totalRow: true,
    sums: [all(SPENDING)],
    orgRows: false,
  },
  {
    id: '4',
    mark: '表4',
    title: '财政拨款收支预算总表',
    titles: ['部门财政拨款收支预算总表', '财政拨款收支总表', '部门财政拨款收支总表'],
    header: [
      group('收入', [text('项目', 'rev.label'), amount('预算数', 'rev.amount')]),
      group('支出', [
        text('项目', 'exp.label'),
        amount('合计', 'exp.total'),
        amount('一般公共预算', 'exp.gpb'),
        amount('政府性基金预算', 'exp.gf'),
        amount('国有资本经营预算', 'exp.soe'),
      ]),
    ],
    rows: 'lists',
    totalRow: false,
    sums: [{ key: 'exp.total', parts: ['exp.gpb', 'exp.gf', 'exp.soe'] }],
  },
  byFunction('5', '一般公共预算支出功能分类预算表', ['一般公共预算支出表', '一般公共预算支出预算表', '部门一般公共预算支出预算表']),
  byFunction('6', '政府性基金预算支出功能分类预算表', ['政府性基金预算支出表', '政府性基金预算支出预算表', '部门政府性基金预算支出预算表']),
  byFunction('7', '国有资本经营预算支出功能分类预算表', ['国有资本经营预算支出表', '国有资本经营预算支出预算表', '部门国有资本经营预算支出预算表']),
  {
    id: '8',
    mark: '表8',
    title: '一般公共预算基本支出部门预算经济分类预算表',
    titles: ['一般公共预算基本支出表', '一般公共预算基本支出预算表', '部门一般公共预算基本支出预算表', '一般公共预算基本支出经济分类预算表'],
    header: [code('科目编码'), text('科目名称', 'name'), amount('合计', 'total'), amount('人员经费', 'personnel'), amount('公用经费', 'public')],
    rows: 'tree',
    totalRow: true,
    sums: [{ key: 'total', parts: ['personnel', 'public'] }],
    codes: 'deptEcon',
    orgRows: false,
  },
  {
    id: '9',
    mark: '表9',
    title: '“三公”经费和机关运行经费预算表',
    titles: ['一般公共预算“三公”经费和机关运行经费预算表', '“三公”经费预算表', '一般公共预算“三公”经费支出表', '“三公”经费和机关运行经费预算情况表'],
    header: [
      code('单位编码'),
      text('单位名称', 'name'),
      amount('“三公”经费合计', 'total'),
      amount('因公出国（境）费', 'abroad'),
      group('公务用车购置及运行费', [amount('小计', 'car.total'), amount('公务用车购置费', 'car.purchase'), amount('公务用车运行费', 'car.running')]),
      amount('公务接待费', 'reception'),
      amount('机关运行经费', 'operation'),
    ],
    rows: 'units',
    totalRow: true,
    sums: [
      { key: 'total', parts: ['abroad', 'car.total', 'reception'] },
      { key: 'car.total', parts: ['car.purchase', 'car.running'] },
    ],
  },
];

export function standard9(): LayoutSet {
  return { id: 'standard-9', tables: STANDARD_9, marks: false, rules: [...derivedRules(STANDARD_9), ...STANDARD_9_RULES], hints: STANDARD_9_RULES };
}
