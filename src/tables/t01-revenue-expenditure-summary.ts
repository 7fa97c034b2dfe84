import type { Table } from '../ir/table.ts';
import { isBasic } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { mark } from './common.ts';
import { PROJECT_CLASSES } from './econ-columns.ts';
import { perSignature, type BuildContext } from './context.ts';
import { blankZero, chineseNumeral, FUNCTION_CLASS_LIST, FUNCTION_CLASS_SLOT, FundSums, sideBySide, zeros, Entries } from './lists.ts';

const INDENT = '\u3000\u3000';
const NON_TAX = '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/';
const UP = '本年/上级财政补助收入/';
/** Revenue sub-lines: label and fund source. */
const NON_TAX_LINES = ['行政事业性收费收入', '专项收入', '国有资本经营收入', '国有资源（资产）有偿使用收入', '捐赠收入', '政府住房基金收入', '罚没收入', '其他收入'].map((l) => [l, NON_TAX + l]);
/** Footer lines, the same in the three spending lists. */
const SPENT = '本　年　支　出　合　计';
const BALANCE = '年终结转结余';
const TOTAL = '支  出  总  计';
const UP_LINES = ['一般公共预算补助', '政府性基金补助', '国有资本经营预算补助'].map((l) => [l, UP + l]);

export const HEADER_01 = [
  { label: '收  入', children: [{ label: '项目', key: 'rev.label', kind: 'text' as const }, { label: '预算数', key: 'rev.amount' }] },
  {
    label: '支      出',
    children: [
      { label: '项目（按功能分类）', key: 'fn.label', kind: 'text' as const },
      { label: '预算数', key: 'fn.amount' },
      { label: '项目（按部门预算经济分类）', key: 'dept.label', kind: 'text' as const },
      { label: '预算数', key: 'dept.amount' },
      { label: '项目（按政府预算经济分类）', key: 'gov.label', kind: 'text' as const },
      { label: '预算数', key: 'gov.amount' },
    ],
  },
];

export const GOV_CLASSES: [string, string][] = [
  ['501', '机关工资福利支出'],
  ['502', '机关商品和服务支出'],
  ['503', '机关资本性支出（一）'],
  ['504', '机关资本性支出（二）'],
  ['505', '对事业单位经常性补助'],
  ['506', '对事业单位资本性补助'],
  ['507', '对企业补助'],
  ['508', '对企业资本性支出'],
  ['509', '对个人和家庭的补助'],
  ['510', '对社会保障基金补助'],
  ['511', '债务利息及费用支出'],
  ['599', '其他支出'],
];

/**
 * Spending kinds outside 基本/项目 have no line in the seed's list (A13): when a budget has any, they
 * are listed after 项目支出 so that the list still adds up [assumed].
 */
export const OTHER_KINDS_01 = ['三、事业单位经营支出', '四、上缴上级支出', '五、对附属单位补助支出'];
const OTHER_KINDS = ['事业单位经营支出', '上缴上级支出', '对附属单位补助支出'];


// Sub-items are indented with ideographic spaces, as the printed tables do; rules and readers ignore them.
// The labels are the same in every table: made once per process, not once per unit.
const INDENTED = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];
function indented(label: string, level: number): string {
  let l = INDENTED[level].get(label);
  if (l === undefined) INDENTED[level].set(label, (l = INDENT.repeat(level) + label));
  return l;
}
const FUNCTION_LABELS = FUNCTION_CLASS_LIST.map(([, label], i) => `${chineseNumeral(i + 1)}、${label}`);
const GOV_LABELS = GOV_CLASSES.map(([, label], i) => `${chineseNumeral(i + 1)}、${label}`);

/** Positions of listed codes: the spending lists are summed into vectors, not Maps keyed by code per unit. */
const indexOf = (codes: string[]) => new Map(codes.map((c, i) => [c, i]));
const GOV_SLOT = indexOf(GOV_CLASSES.map(([c]) => c));
const BASIC_CLASSES = ['301', '302', '303'];
const BASIC_SLOT = indexOf(BASIC_CLASSES);
const PROJECT_SLOT = indexOf(PROJECT_CLASSES.map(([c]) => c));
const OTHER_SLOT = indexOf(OTHER_KINDS);
const BASIC = 0;
const PROJECT = 1;
const OTHER = 2;

/**
 * Where a signature's amount goes in the spending lists: its government class's line, its group
 * (基本 / 项目 / other kinds) and its line in that group (-1: a code the lists do not print).
 */
const spendingSlots = perSignature((li) => {
  const group = isBasic(li.kind) ? BASIC : li.kind === '项目支出' ? PROJECT : OTHER;
  const dept = li.deptEconCode.slice(0, 3);
  const line = group === BASIC ? BASIC_SLOT.get(dept) : group === PROJECT ? PROJECT_SLOT.get(dept) : OTHER_SLOT.get(li.kind);
  return { gov: GOV_SLOT.get(li.govEconCode.slice(0, 3)) ?? -1, group, line: line ?? -1 };
});

/** The four lists and three footer lines, written anew for each table. */
const LISTS = [new Entries(), new Entries(), new Entries(), new Entries()];
const FOOTERS = [new Entries(), new Entries(), new Entries()];

/** Appends a list line, indented by `level`; a zero prints blank. */
function line(list: Entries, label: string, amount: number, level = 0): void {
  list.add(level ? indented(label, level) : label, blankZero(amount));
}

/** A footer line (the k-th): the revenue figure, then the same spending figure in the three spending lists. */
function footerLine(k: number, revenue: string, received: number, spending: string, spent: number): Entries {
  const f = FOOTERS[k].reuse();
  line(f, revenue, received);
  for (let i = 0; i < 3; i++) line(f, spending, spent);
  return f;
}

export function build01(ctx: BuildContext): Table {
  const items = ctx.items;
  const balances = ctx.budget.yearEndBalances;
  // Income of a source = its line items + its planned year-end balance (R6).
  const income = new FundSums();
  const { signatureItem, signatureAmount } = ctx;
  for (let k = 0; k < signatureItem.length; k++) income.add(signatureItem[k].fund, signatureAmount[k]);
  for (const b of balances) income.add(b.fund, b.amount);
  const inc = (p: (f: string) => boolean) => income.sum(p);
  const src = (f: string) => income.of(f);

  const revenue = LISTS[0].reuse();
  line(revenue, '一、一般公共预算拨款收入', inc(POOLS.gpbCurrent));
  line(revenue, '经费拨款', src('本年/一般公共预算拨款/经费拨款'), 1);
  line(revenue, '纳入一般公共预算管理的非税收入拨款', inc(POOLS.gpbNonTax), 1);
  // The sources' names are made once per process (a name made per table is hashed anew per lookup).
  for (const [label, fund] of NON_TAX_LINES) line(revenue, label, src(fund), 2);
  line(revenue, '二、政府性基金预算拨款收入', inc(POOLS.gfCurrent));
  line(revenue, '三、国有资本经营预算拨款收入', inc(POOLS.soeCurrent));
  line(revenue, '四、财政专户管理资金收入', inc(POOLS.saCurrent));
  line(revenue, '五、上级财政补助收入', inc(POOLS.upper));
  for (const [label, fund] of UP_LINES) line(revenue, label, src(fund), 1);
  line(revenue, '六、事业收入', src('本年/事业收入'));
  line(revenue, '七、事业单位经营收入', src('本年/事业单位经营收入'));
  line(revenue, '八、上级补助收入', src('本年/上级补助收入'));
  line(revenue, '九、附属单位上缴收入', src('本年/附属单位上缴收入'));
  line(revenue, '十、其他收入', src('本年/其他收入'));

  // The three spending lists: by function 类 from the (unit, 项) cells, by economic class from the signatures.
  const byFn = zeros(FUNCTION_CLASS_LIST.length);
  const byGov = zeros(GOV_CLASSES.length);
  const byGroup = [zeros(BASIC_CLASSES.length), zeros(PROJECT_CLASSES.length), zeros(OTHER_KINDS.length)];
  const groupTotal = [0, 0, 0];
  let anyOther = false;
  let totalSpent = 0;
  const { cellParts, cellAmount } = ctx;
  for (let cell = 0; cell < cellParts.length; cell++) {
    const i = FUNCTION_CLASS_SLOT.get(cellParts[cell].class);
    if (i !== undefined) byFn[i] += cellAmount[cell];
  }
  for (let k = 0; k < signatureItem.length; k++) {
    const amount = signatureAmount[k];
    const { gov, group, line } = spendingSlots(ctx.signatureId[k], signatureItem[k]);
    totalSpent += amount;
    if (gov >= 0) byGov[gov] += amount;
    if (group === OTHER) anyOther = true;
    else groupTotal[group] += amount;
    if (line >= 0) byGroup[group][line] += amount;
  }
  const byFunction = LISTS[1].reuse();
  for (let i = 0; i < FUNCTION_LABELS.length; i++) line(byFunction, FUNCTION_LABELS[i], byFn[i]);
  const [basicBy, projectBy, otherBy] = byGroup;
  const byDeptEcon = LISTS[2].reuse();
  line(byDeptEcon, '一、基本支出', groupTotal[BASIC]);
  line(byDeptEcon, '工资福利支出', basicBy[0], 1);
  line(byDeptEcon, '商品和服务支出', basicBy[1], 1);
  line(byDeptEcon, '对个人和家庭的补助', basicBy[2], 1);
  line(byDeptEcon, '二、项目支出', groupTotal[PROJECT]);
  for (let i = 0; i < PROJECT_CLASSES.length; i++) line(byDeptEcon, PROJECT_CLASSES[i][1], projectBy[i], 1);
  if (anyOther) for (let i = 0; i < OTHER_KINDS_01.length; i++) line(byDeptEcon, OTHER_KINDS_01[i], otherBy[i]);
  const byGovEcon = LISTS[3].reuse();
  for (let i = 0; i < GOV_LABELS.length; i++) line(byGovEcon, GOV_LABELS[i], byGov[i]);

  const balance = balances.reduce((s, b) => s + b.amount, 0);
  const current = inc(POOLS.current);
  const carried = inc(POOLS.carryOver);
  const footer = [footerLine(0, '本 年 收 入 合 计', current, SPENT, totalSpent), footerLine(1, '上年结转结余', carried, BALANCE, balance), footerLine(2, '收  入  总  计', current + carried, TOTAL, totalSpent + balance)];
  // Two blank lines close the revenue list, so that its footer lines up with the others (as printed).
  revenue.add('', null);
  revenue.add('', null);
  const rows = sideBySide([revenue, byFunction, byDeptEcon, byGovEcon], footer);
  return {
    id: '01',
    mark: mark('01'),
    title: '收 支 总 表',
    filer: ctx.filer,
    unit: '万元',
    header: HEADER_01,
    rows,
    notes: ['备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入，下同。'],
    empty: items.length === 0,
  };
}
