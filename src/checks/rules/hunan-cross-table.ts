/** Identities between the 23 Hunan tables (spec §4.2). */
import { FUNCTION_CLASS_LIST } from '../../tables/lists.ts';
import { PROJECT_CLASSES } from '../../tables/econ-columns.ts';
import { GOV_CLASSES } from '../../tables/t01-revenue-expenditure-summary.ts';
import type { CellsRule, JoinRule, Op, Ref, Rule } from '../rule.ts';
import { FUNCTION_LABELS_01, FUNCTION_LABELS_06, GOV_LABELS_01 } from './hunan-in-table.ts';
import { line, rowsOf, total } from './refs.ts';
import type { RowKind } from '../../ir/table.ts';

const cells = (id: string, tables: string[], formula: string, comparisons: CellsRule['comparisons'], extra: Partial<CellsRule> = {}): CellsRule => ({
  id, kind: 'cells', severity: 'error', tables, formula, comparisons, ...extra,
});
const eq = (lhs: Ref[], rhs: Ref[], op: Op = '=') => ({ lhs, rhs, op });
const join = (id: string, left: string, right: string, pairs: JoinRule['pairs'], rows: RowKind[], formula: string, extra: Partial<JoinRule> = {}): JoinRule => ({
  id, kind: 'join', severity: 'error', tables: [left, right], left, right, pairs, rows, formula, ...extra,
});

const r01 = (label: string, nth?: number) => line('01', 'rev', label, nth);
const f01 = (label: string) => line('01', 'fn', label);
const d01 = (label: string) => line('01', 'dept', label);
const r06 = (label: string, nth?: number) => line('06', 'rev', label, nth);
const e06 = (label: string) => line('06', 'exp', label);
/** Income tables count planned year-end balances, spending tables do not: such identities skip budgets with balances. */
const NO_BALANCE = { unlessNonZero: [f01('年终结转结余')] };
const NO_FISCAL_BALANCE = { unlessNonZero: [e06('二、年终结转结余')] };

const ROWS: RowKind[] = ['total', 'department', 'unit', 'item'];
const TREE_ROWS: RowKind[] = ['total', 'department', 'unit', 'class', 'section', 'item'];

export const HUNAN_CROSS_TABLE: Rule[] = [
  cells('X01-02-cur', ['01', '02'], '预算01表 本年收入合计 = 预算02表 本年收入小计', [eq([r01('本年收入合计')], [total('02', 'cur.total')])]),
  cells('X01-02-co', ['01', '02'], '预算01表 上年结转结余 = 预算02表 上年结转结余小计', [eq([r01('上年结转结余')], [total('02', 'co.total')])]),
  cells('X01-02-total', ['01', '02'], '预算01表 收入总计 = 预算02表 合计', [eq([r01('收入总计')], [total('02', 'total')])]),
  cells('X01-02-items', ['01', '02'], '预算01表 各项本年收入 = 预算02表 对应列', ([
    ['一、一般公共预算拨款收入', 'cur.gpb'], ['二、政府性基金预算拨款收入', 'cur.gf'], ['三、国有资本经营预算拨款收入', 'cur.soe'],
    ['四、财政专户管理资金收入', 'cur.sa'], ['一般公共预算补助', 'cur.up.gpb'], ['政府性基金补助', 'cur.up.gf'], ['国有资本经营预算补助', 'cur.up.soe'],
    ['六、事业收入', 'cur.shiye'], ['七、事业单位经营收入', 'cur.operating'], ['八、上级补助收入', 'cur.upper'],
    ['九、附属单位上缴收入', 'cur.subsidiary'], ['十、其他收入', 'cur.other'],
  ] as const).map(([l, c]) => eq([r01(l)], [total('02', c)]))),
  cells('X01-03-total', ['01', '03'], '预算01表 本年支出合计 = 预算03表 合计', [eq([f01('本年支出合计')], [total('03', 'total')])]),
  cells('X01-03-func', ['01', '03'], '预算01表 各功能类 = 预算03表 该类合计', FUNCTION_CLASS_LIST.map(([c], i) => eq([f01(FUNCTION_LABELS_01[i])], [rowsOf('03', 'class', 'total', c)]))),
  cells('X01-03-kind', ['01', '03'], '预算01表 基本支出/项目支出 = 预算03表 合计行', [
    eq([d01('一、基本支出')], [total('03', 'basic')]),
    eq([d01('二、项目支出')], [total('03', 'project')]),
  ]),
  cells('X01-04-gov', ['01', '04'], '预算01表 政府经济分类各类 = 预算04表 合计行对应列', GOV_CLASSES.map(([c], i) => eq([line('01', 'gov', GOV_LABELS_01[i])], [total('04', `gov.${c}`)]))),
  cells('X01-05-dept', ['01', '05'], '预算01表 部门经济分类各项 = 预算05表 合计行对应列', [
    eq([d01('一、基本支出')], [total('05', 'basic.total')]),
    eq([d01('工资福利支出')], [total('05', 'basic.301')]),
    eq([d01('商品和服务支出')], [total('05', 'basic.302')]),
    eq([d01('对个人和家庭的补助')], [total('05', 'basic.303')]),
    eq([d01('二、项目支出')], [total('05', 'project.total')]),
    ...PROJECT_CLASSES.map(([c, l]) => eq([d01(l)], [total('05', `project.${c}`)])),
  ]),
  cells('X02-03-total', ['01', '02', '03'], '预算02表 合计 = 预算03表 合计 + 年终结转结余', [eq([total('02', 'total')], [total('03', 'total'), f01('年终结转结余')])]),
  join('X03-04-rows', '03', '04', [[['total'], ['total']]], ROWS, '预算03表 合计 = 预算04表 总计（逐行）'),
  join('X03-05-rows', '03', '05', [[['basic'], ['basic.total']], [['project'], ['project.total']]], ROWS, '预算03表 基本支出/项目支出 = 预算05表 基本支出合计/项目支出合计（逐行）'),
  join('X04-05-map', '04', '05', [[['gov.505'], ['basic.301', 'basic.302', 'project.302']], [['gov.509'], ['basic.303', 'project.303']]], ['unit', 'item'],
    '事业单位：预算04表 对事业单位经常性补助 = 预算05表 工资福利 + 商品和服务；对个人和家庭的补助 = 预算05表 对个人和家庭的补助（逐行）',
    { whereEmpty: [{ table: '04', cols: ['gov.501', 'gov.502', 'gov.503', 'gov.504'] }, { table: '03', cols: ['operating', 'upper', 'subsidiary'] }], note: '只适用于没有机关经济分类（501–504）金额的行，即事业单位的行' }),
  cells('X01-06-cur', ['01', '06'], '预算06表 本年收入各项 = 预算01表 对应拨款收入 + 上级财政补助', [
    eq([r06('（一）一般公共预算拨款', 1)], [r01('一、一般公共预算拨款收入'), r01('一般公共预算补助')]),
    eq([r06('（二）政府性基金预算拨款', 1)], [r01('二、政府性基金预算拨款收入'), r01('政府性基金补助')]),
    eq([r06('（三）国有资本经营预算拨款', 1)], [r01('三、国有资本经营预算拨款收入'), r01('国有资本经营预算补助')]),
  ]),
  cells('X02-06-co', ['02', '06'], '预算06表 上年结转各项 = 预算02表 上年结转结余对应列', [
    eq([r06('（一）一般公共预算拨款', 2)], [total('02', 'co.gpb')]),
    eq([r06('（二）政府性基金预算拨款', 2)], [total('02', 'co.gf')]),
    eq([r06('（三）国有资本经营预算拨款', 2)], [total('02', 'co.soe')]),
  ]),
  cells('X06-07-total', ['06', '07'], '预算06表 一般公共预算拨款（本年 + 上年结转）= 预算07表 合计', [
    eq([r06('（一）一般公共预算拨款', 1), r06('（一）一般公共预算拨款', 2)], [total('07', 'total')]),
  ], { unlessNonZero: [e06('二、年终结转结余')] }),
  cells('X06-07-func', ['06', '07', '15', '18'], '预算06表 各功能类 = 预算07表 + 预算15表 + 预算18表 该类合计', FUNCTION_CLASS_LIST.map(([c], i) =>
    eq([e06(FUNCTION_LABELS_06[i])], [rowsOf('07', 'class', 'total', c), rowsOf('15', 'class', 'total', c), rowsOf('18', 'class', 'total', c)]))),
  cells('X06-07-exp', ['06', '07', '15', '18'], '预算06表 本年支出 = 预算07表 + 预算15表 + 预算18表 合计', [
    eq([e06('一、本年支出')], [total('07', 'total'), total('15', 'total'), total('18', 'total')]),
  ]),
  cells('X06-15-18', ['06', '15', '18'], '预算06表 政府性基金/国有资本经营预算拨款（本年 + 上年结转）= 预算15表/预算18表 合计', [
    eq([r06('（二）政府性基金预算拨款', 1), r06('（二）政府性基金预算拨款', 2)], [total('15', 'total')]),
    eq([r06('（三）国有资本经营预算拨款', 1), r06('（三）国有资本经营预算拨款', 2)], [total('18', 'total')]),
  ], { unlessNonZero: [e06('二、年终结转结余')] }),
  join('X03-07-rows', '07', '03', [[['total'], ['total']]], TREE_ROWS, '预算07表 ≤ 预算03表（逐行；差额为非一般公共预算资金）', { op: '<=' }),
  cells('X03-07-shiye', ['01', '02', '03', '07', '15', '18', '19'], '预算03表 合计 − 预算07/15/18/19表 合计 = 预算01表 六至十项收入 + 预算02表 上年结转的单位资金和财政专户资金', [
    eq([total('03', 'total')], [
      total('07', 'total'), total('15', 'total'), total('18', 'total'), total('19', 'total'),
      r01('六、事业收入'), r01('七、事业单位经营收入'), r01('八、上级补助收入'), r01('九、附属单位上缴收入'), r01('十、其他收入'),
      total('02', 'co.unit'), total('02', 'co.sa'),
    ]),
  ], NO_BALANCE),
  join('X05-07-econ', '07', '05', [[['basic.301'], ['basic.301']], [['basic.302'], ['basic.302']], [['basic.303'], ['basic.303']]], ROWS,
    '预算07表 工资福利/公用经费/对个人和家庭的补助 ≤ 预算05表 对应基本支出列（逐行）', { op: '<=' }),
  join('X07-08', '08', '07', [[['total'], ['basic.301']]], ['total', 'department', 'unit', 'item'], '预算08表 总计 ≤ 预算07表 工资福利支出（逐行；08表不含上年结转）', { op: '<=' }),
  join('X08-09', '08', '09', [[['total'], ['total']]], ROWS, '预算08表 总计 = 预算09表 总计（逐行）'),
  join('X08-09-map', '08', '09', [[['gov.50101'], ['wage.total']], [['gov.50102'], ['social.total']], [['gov.50103'], ['e.30113']], [['gov.50199'], ['other.total']]], ['unit', 'item'],
    '机关：预算08表 各款 = 预算09表 对应合计（逐行）', { whereEmpty: [{ table: '08', cols: ['gov.505'] }], note: '只适用于机关（行政、参公）单位的行' }),
  join('X07-10', '10', '07', [[['total'], ['basic.303']]], ROWS, '预算10表 总计 ≤ 预算07表 对个人和家庭的补助（逐行）', { op: '<=' }),
  join('X10-11', '10', '11', [[['total'], ['total']]], ROWS, '预算10表 总计 = 预算11表 总计（逐行）'),
  join('X07-12', '12', '07', [[['total'], ['basic.302']]], ROWS, '预算12表 总计 ≤ 预算07表 公用经费（逐行）', { op: '<=' }),
  join('X12-13', '12', '13', [[['total'], ['total']]], ['department', 'unit', 'item'], '预算12表 总计 = 预算13表 总计（逐行）'),
  join('X12-13-map', '12', '13', [[['gov.50502'], ['total']]], ['unit', 'item'], '事业单位：预算12表 商品和服务支出 = 预算13表 总计（逐行）',
    { whereEmpty: [{ table: '12', cols: ['gov.502'] }] }),
  join('X13-14-car', '13', '14', [[['e.30231'], ['car.running']], [['e.30217'], ['reception']]], ['department', 'unit'],
    '预算13表 公务用车运行维护费/公务接待费 ≤ 预算14表 对应列', { op: '<=' }),
  cells('X07-14', ['07', '14'], '预算14表 “三公”经费 ≤ 预算07表 公用经费 + 项目支出；因公出国（境）费 ≤ 项目支出', [
    eq([total('14', 'total')], [total('07', 'basic.302'), total('07', 'project')], '<='),
    eq([total('14', 'abroad')], [total('07', 'project')], '<='),
  ]),
  cells('X15-16-17', ['15', '16', '17'], '预算15表 合计 = 预算16表 总计 = 预算17表 总计；15表各列 = 17表对应列', [
    eq([total('15', 'total')], [total('16', 'total')]),
    eq([total('15', 'total')], [total('17', 'total')]),
    eq([total('15', 'basic.total')], [total('17', 'basic.total')]),
    eq([total('15', 'project')], [total('17', 'project.total')]),
    eq([total('15', 'basic.301')], [total('17', 'basic.301')]),
    eq([total('15', 'basic.302')], [total('17', 'basic.302')]),
    eq([total('15', 'basic.303')], [total('17', 'basic.303')]),
  ]),
  join('X16-04', '16', '04', [['total', ...GOV_CLASSES.map(([c]) => `gov.${c}`)].map((k) => [[k], [k]] as [string[], string[]])].flat(), ROWS, '预算16表 ≤ 预算04表（逐行逐列）', { op: '<=' }),
  join('X17-05', '17', '05', [['total', 'basic.total', 'basic.301', 'basic.302', 'basic.303', 'project.total', ...PROJECT_CLASSES.map(([c]) => `project.${c}`)].map((k) => [[k], [k]] as [string[], string[]])].flat(), ROWS, '预算17表 ≤ 预算05表（逐行逐列）', { op: '<=' }),
  cells('X01-15', ['01', '02', '15'], '预算15表 合计 = 预算01表 政府性基金预算拨款收入 + 政府性基金补助 + 预算02表 上年结转政府性基金', [
    eq([total('15', 'total')], [r01('二、政府性基金预算拨款收入'), r01('政府性基金补助'), total('02', 'co.gf')]),
  ], NO_FISCAL_BALANCE),
  cells('X01-18', ['01', '02', '18'], '预算18表 合计 = 预算01表 国有资本经营预算拨款收入 + 国有资本经营预算补助 + 预算02表 上年结转国有资本经营预算', [
    eq([total('18', 'total')], [r01('三、国有资本经营预算拨款收入'), r01('国有资本经营预算补助'), total('02', 'co.soe')]),
  ], NO_FISCAL_BALANCE),
  cells('X01-19', ['01', '02', '19'], '预算19表 合计 = 预算01表 财政专户管理资金收入 = 预算02表 财政专户管理资金', [
    eq([total('19', 'total')], [r01('四、财政专户管理资金收入')]),
    eq([total('19', 'total')], [total('02', 'cur.sa')]),
  ], NO_BALANCE),
  cells('X20-21', ['20', '21'], '预算21表 省级支出合计 ≤ 预算20表 编入部门预算金额', [eq([rowsOf('21', 'project', 'provincial')], [total('20', 'inBudget')], '<=')]),
  cells('X07-22', ['06', '21', '22'], '预算21表 + 预算22表 省级支出 ≤ 预算06表 本年收入', [
    eq([rowsOf('21', 'project', 'provincial'), rowsOf('22', 'project', 'provincial')], [r06('一、本年收入')], '<='),
  ]),
  cells('X01-23-total', ['03', '23'], '预算23表 资金总额 = 预算03表 合计', [eq([total('23', 'total')], [total('03', 'total')])]),
  cells('X01-23-total-income', ['01', '23'], '预算23表 资金总额 + 年终结转结余 = 预算01表 收入总计', [
    eq([total('23', 'total'), f01('年终结转结余')], [r01('收入总计')]),
  ]),
  cells('X01-23-gpb-gf', ['01', '06', '23'], '预算23表 一般公共预算/政府性基金拨款 = 预算01表 一/二项收入', [
    eq([total('23', 'gpb')], [r01('一、一般公共预算拨款收入')]),
    eq([total('23', 'gf')], [r01('二、政府性基金预算拨款收入')]),
  ], NO_FISCAL_BALANCE),
  cells('X01-23-sa-other', ['01', '23'], '预算23表 财政专户管理资金 = 预算01表 四项收入；其他资金 = 收入总计 − 一 − 二 − 四', [
    eq([total('23', 'sa')], [r01('四、财政专户管理资金收入')]),
    eq([total('23', 'other'), r01('一、一般公共预算拨款收入'), r01('二、政府性基金预算拨款收入'), r01('四、财政专户管理资金收入')], [r01('收入总计')]),
  ], NO_BALANCE),
  join('X03-23-kind', '23', '03', [[['basic'], ['basic']], [['project'], ['project']]], ['total', 'unit'], '预算23表 基本支出/项目支出 = 预算03表 合计与单位行'),
  cells('I23-kind', ['03', '23'], '预算23表 资金总额 = 基本支出 + 项目支出 + 其他支出类型（预算03表）', [
    eq([total('23', 'total')], [total('23', 'basic'), total('23', 'project'), total('03', 'operating'), total('03', 'upper'), total('03', 'subsidiary')]),
  ]),
];
