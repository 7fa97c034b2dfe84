/** Identities inside each of the 23 Hunan tables (spec §4.1). */
import { FUNCTION_CLASS_LIST, chineseNumeral } from '../../tables/lists.ts';
import { PROJECT_CLASSES } from '../../tables/econ-columns.ts';
import { GOV_CLASSES } from '../../tables/t01-revenue-expenditure-summary.ts';
import { PUBLIC_GOODS_COLUMNS } from '../../tables/t13-public-goods-by-dept-econ.ts';
import type { CellsRule, Rule } from '../rule.ts';
import { line, lines, optionalLine, rowSum, tree } from './refs.ts';
import { OTHER_KINDS_01 } from '../../tables/t01-revenue-expenditure-summary.ts';

const NON_TAX = ['行政事业性收费收入', '专项收入', '国有资本经营收入', '国有资源（资产）有偿使用收入', '捐赠收入', '政府住房基金收入', '罚没收入', '其他收入'];
const REVENUE_TOP = [
  '一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、国有资本经营预算拨款收入', '四、财政专户管理资金收入', '五、上级财政补助收入',
  '六、事业收入', '七、事业单位经营收入', '八、上级补助收入', '九、附属单位上缴收入', '十、其他收入',
];
export const FUNCTION_LABELS_01 = FUNCTION_CLASS_LIST.map(([, l], i) => `${chineseNumeral(i + 1)}、${l}`);
export const FUNCTION_LABELS_06 = FUNCTION_CLASS_LIST.map(([, l], i) => `（${chineseNumeral(i + 1)}）${l}`);
export const GOV_LABELS_01 = GOV_CLASSES.map(([, l], i) => `${chineseNumeral(i + 1)}、${l}`);

const cells = (id: string, tables: string[], formula: string, comparisons: CellsRule['comparisons']): CellsRule => ({
  id,
  kind: 'cells',
  severity: 'error',
  tables,
  formula,
  comparisons,
});
const eq01 = (id: string, formula: string, lhs: [string, string], rhs: [string, string][]) =>
  cells(id, ['01'], formula, [{ lhs: [line('01', ...lhs)], rhs: rhs.map((r) => line('01', ...r)) }]);

const t01: Rule[] = [
  eq01('I01-gpb', '一般公共预算拨款收入 = 经费拨款 + 纳入一般公共预算管理的非税收入拨款', ['rev', '一、一般公共预算拨款收入'], [['rev', '经费拨款'], ['rev', '纳入一般公共预算管理的非税收入拨款']]),
  eq01('I01-nontax', '纳入一般公共预算管理的非税收入拨款 = Σ 8 项非税收入', ['rev', '纳入一般公共预算管理的非税收入拨款'], NON_TAX.map((l) => ['rev', l])),
  eq01('I01-upper', '上级财政补助收入 = 一般公共预算补助 + 政府性基金补助 + 国有资本经营预算补助', ['rev', '五、上级财政补助收入'], [['rev', '一般公共预算补助'], ['rev', '政府性基金补助'], ['rev', '国有资本经营预算补助']]),
  eq01('I01-cur', '本年收入合计 = 一 + 二 + … + 十', ['rev', '本年收入合计'], REVENUE_TOP.map((l) => ['rev', l])),
  eq01('I01-inc', '收入总计 = 本年收入合计 + 上年结转结余', ['rev', '收入总计'], [['rev', '本年收入合计'], ['rev', '上年结转结余']]),
  cells('I01-func', ['01'], '本年支出合计 = Σ 功能分类各类', [{ lhs: [line('01', 'fn', '本年支出合计')], rhs: lines('01', 'fn', FUNCTION_LABELS_01) }]),
  cells('I01-dept', ['01'], '本年支出合计 = 基本支出 + 项目支出（+ 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出）', [
    { lhs: [line('01', 'dept', '本年支出合计')], rhs: [line('01', 'dept', '一、基本支出'), line('01', 'dept', '二、项目支出'), ...OTHER_KINDS_01.map((l) => optionalLine('01', 'dept', l))] },
  ]),
  eq01('I01-basic', '基本支出 = 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助', ['dept', '一、基本支出'], [['dept', '工资福利支出'], ['dept', '商品和服务支出'], ['dept', '对个人和家庭的补助']]),
  eq01('I01-proj', '项目支出 = Σ 9 个项目支出经济分类', ['dept', '二、项目支出'], PROJECT_CLASSES.map(([, l]) => ['dept', l])),
  cells('I01-gov', ['01'], '本年支出合计 = Σ 政府预算经济分类 12 类', [{ lhs: [line('01', 'gov', '本年支出合计')], rhs: lines('01', 'gov', GOV_LABELS_01) }]),
  cells('I01-views', ['01'], '三种分类的本年支出合计相等', [
    { lhs: [line('01', 'dept', '本年支出合计')], rhs: [line('01', 'fn', '本年支出合计')] },
    { lhs: [line('01', 'gov', '本年支出合计')], rhs: [line('01', 'fn', '本年支出合计')] },
  ]),
  cells('I01-exp', ['01'], '支出总计 = 本年支出合计 + 年终结转结余', ['fn', 'dept', 'gov'].map((l) => ({
    lhs: [line('01', l, '支出总计')],
    rhs: [line('01', l, '本年支出合计'), line('01', l, '年终结转结余')],
  }))),
  eq01('I01-bal', '收入总计 = 支出总计', ['rev', '收入总计'], [['fn', '支出总计']]),
];

const SOURCES_06 = ['（一）一般公共预算拨款', '（二）政府性基金预算拨款', '（三）国有资本经营预算拨款'];
const t06: Rule[] = [
  cells('I06-cur', ['06'], '本年收入 = (一) + (二) + (三)', [{ lhs: [line('06', 'rev', '一、本年收入')], rhs: SOURCES_06.map((l) => line('06', 'rev', l, 1)) }]),
  cells('I06-co', ['06'], '上年结转 = (一) + (二) + (三)', [{ lhs: [line('06', 'rev', '二、上年结转')], rhs: SOURCES_06.map((l) => line('06', 'rev', l, 2)) }]),
  cells('I06-inc', ['06'], '收入总计 = 本年收入 + 上年结转', [{ lhs: [line('06', 'rev', '收入总计')], rhs: [line('06', 'rev', '一、本年收入'), line('06', 'rev', '二、上年结转')] }]),
  cells('I06-exp', ['06'], '本年支出 = Σ 功能分类各类', [{ lhs: [line('06', 'exp', '一、本年支出')], rhs: lines('06', 'exp', FUNCTION_LABELS_06) }]),
  cells('I06-bal', ['06'], '支出总计 = 本年支出 + 年终结转结余 = 收入总计', [
    { lhs: [line('06', 'exp', '支出总计')], rhs: [line('06', 'exp', '一、本年支出'), line('06', 'exp', '二、年终结转结余')] },
    { lhs: [line('06', 'exp', '支出总计')], rhs: [line('06', 'rev', '收入总计')] },
  ]),
];

const GOV12 = GOV_CLASSES.map(([c]) => `gov.${c}`);
const PROJECT9 = PROJECT_CLASSES.map(([c]) => `project.${c}`);

/** 07 and the tables that copy its layout. */
const basicProject = (id: string): Rule[] => [
  rowSum(`I${id}-row`, id, 'total', ['basic.total', 'project'], '合计 = 基本支出 + 项目支出'),
  rowSum(`I${id}-basic`, id, 'basic.total', ['basic.301', 'basic.303', 'basic.302'], '基本支出 = 工资福利支出 + 对个人和家庭的补助 + 公用经费'),
  tree(`I${id}-tree`, id),
];
const byGovClass = (id: string): Rule[] => [rowSum(`I${id}-row`, id, 'total', GOV12, '总计 = Σ 政府预算经济分类 12 类'), tree(`I${id}-col`, id)];
const byDeptClass = (id: string): Rule[] => [
  rowSum(`I${id}-row`, id, 'total', ['basic.total', 'project.total'], '总计 = 基本支出合计 + 项目支出合计'),
  rowSum(`I${id}-basic`, id, 'basic.total', ['basic.301', 'basic.302', 'basic.303'], '基本支出合计 = 工资福利 + 一般商品和服务 + 对个人和家庭的补助'),
  rowSum(`I${id}-project`, id, 'project.total', PROJECT9, '项目支出合计 = Σ 9 类'),
  tree(`I${id}-col`, id),
];

export const HUNAN_IN_TABLE: Rule[] = [
  ...t01,
  rowSum('I02-row', '02', 'total', ['cur.total', 'co.total'], '合计 = 本年收入小计 + 上年结转结余小计'),
  rowSum('I02-cur', '02', 'cur.total', ['cur.gpb', 'cur.gf', 'cur.soe', 'cur.sa', 'cur.up.gpb', 'cur.up.gf', 'cur.up.soe', 'cur.shiye', 'cur.operating', 'cur.upper', 'cur.subsidiary', 'cur.other'], '本年收入小计 = Σ 本年各项收入'),
  rowSum('I02-co', '02', 'co.total', ['co.gpb', 'co.gf', 'co.soe', 'co.sa', 'co.unit'], '上年结转结余小计 = Σ 5 项'),
  tree('I02-tree', '02'),
  rowSum('I03-row', '03', 'total', ['basic', 'project', 'operating', 'upper', 'subsidiary'], '合计 = 基本支出 + 项目支出 + 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出'),
  tree('I03-tree', '03'),
  ...byGovClass('04'),
  ...byDeptClass('05'),
  ...t06,
  ...basicProject('07'),
  rowSum('I08-row', '08', 'total', ['gov.501', 'gov.505'], '总计 = 机关工资福利支出合计 + 对事业单位经常性补助合计'),
  rowSum('I08-501', '08', 'gov.501', ['gov.50101', 'gov.50102', 'gov.50103', 'gov.50199'], '机关工资福利支出合计 = Σ 4 款'),
  rowSum('I08-505', '08', 'gov.505', ['gov.50501', 'gov.50599'], '对事业单位经常性补助合计 = 工资福利支出 + 其他对事业单位补助'),
  tree('I08-col', '08'),
  rowSum('I09-row', '09', 'total', ['wage.total', 'social.total', 'e.30113', 'other.total'], '总计 = 工资津补贴 + 社会保障缴费 + 住房公积金 + 其他工资福利支出'),
  rowSum('I09-wage', '09', 'wage.total', ['e.30101', 'e.30102', 'e.30103', 'e.30107'], '工资津补贴合计 = 基本工资 + 津贴补贴 + 奖金 + 绩效工资'),
  rowSum('I09-social', '09', 'social.total', ['e.30108', 'e.30109', 'e.30110', 'e.30111', 'e.30112'], '社会保障缴费合计 = Σ 5 款'),
  rowSum('I09-other', '09', 'other.total', ['e.30106', 'e.30114', 'e.30199'], '其他工资福利支出合计 = 伙食补助费 + 医疗费 + 其他工资福利支出'),
  tree('I09-col', '09'),
  rowSum('I10-row', '10', 'total', ['gov.50901', 'gov.50902', 'gov.50903', 'gov.50905', 'gov.50999'], '总计 = Σ 5 款'),
  tree('I10-col', '10'),
  rowSum('I11-row', '11', 'total', ['e.30301', 'e.30302', 'e.30303', 'e.30304', 'e.30305', 'e.30306', 'e.30307', 'e.30308', 'e.30309', 'e.30310', 'e.30311', 'e.30399'], '总计 = Σ 12 款'),
  tree('I11-col', '11'),
  rowSum('I12-row', '12', 'total', ['gov.502', 'gov.505'], '总计 = 机关商品和服务支出合计 + 对事业单位经常性补助合计'),
  rowSum('I12-502', '12', 'gov.502', ['gov.50201', 'gov.50202', 'gov.50203', 'gov.50205', 'gov.50206', 'gov.50208', 'gov.50209', 'gov.50299'], '机关商品和服务支出合计 = Σ 8 款'),
  rowSum('I12-505', '12', 'gov.505', ['gov.50502', 'gov.50599'], '对事业单位经常性补助合计 = 商品和服务支出 + 其他对事业单位补助'),
  tree('I12-col', '12'),
  rowSum('I13-row', '13', 'total', PUBLIC_GOODS_COLUMNS.map(([c]) => `e.${c}`), '总计 = Σ 20 款'),
  tree('I13-col', '13'),
  rowSum('I14-row', '14', 'total', ['abroad', 'car.total', 'reception'], '“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费'),
  rowSum('I14-car', '14', 'car.total', ['car.purchase', 'car.running'], '公务用车购置及运行费小计 = 购置费 + 运行费'),
  tree('I14-col', '14'),
  ...basicProject('15'),
  ...byGovClass('16'),
  ...byDeptClass('17'),
  ...basicProject('18'),
  ...basicProject('19'),
  rowSum('I20-row', '20', 'total', ['gpb.total', 'gf', 'soe'], '总计 = 一般公共预算小计 + 政府性基金 + 国有资本经营预算'),
  rowSum('I20-gpb', '20', 'gpb.total', ['gpb.appropriation', 'gpb.nonTax'], '一般公共预算小计 = 经费拨款 + 纳入一般公共预算管理的非税收入'),
  rowSum('I20-way', '20', 'total', ['inBudget', 'byFinance'], '总计 = 编入部门预算金额 + 财政代编金额'),
  tree('I20-col', '20'),
  rowSum('I21-row', '21', 'total', ['provincial', 'transfer'], '资金总额 = 省级支出 + 对市县专项转移支付'),
  rowSum('I22-row', '22', 'total', ['provincial', 'transfer'], '资金总额 = 省级支出 + 对市县专项转移支付'),
  rowSum('I23-inc', '23', 'total', ['gpb', 'gf', 'sa', 'other'], '资金总额 = 一般公共预算 + 政府性基金拨款 + 财政专户管理资金 + 其他资金'),
  tree('I23-col', '23'),
];
