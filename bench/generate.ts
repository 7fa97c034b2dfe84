/**
 * A seeded generator of a synthetic province: many departments, each a parsed `Budget`.
 *
 * Everything is drawn from the shipped 2024 code lists and obeys the line-item rules of
 * shared/spec/tables.md §1.3, so a correct checker finds no errors in the output:
 *
 * - function codes are 7-digit 项 of the 25 类 that 预算01表 / 预算06表 list (no 202, 203, 209, 223, 230),
 *   not the recalled K2 rows;
 * - 基本支出-人员经费 uses only 301/303 款, 基本支出-公用经费 only the 20 款 of 预算13表, 项目支出 never 301;
 * - `govEconCode` is the mapping's target for the unit type (机关 scope for 行政/参公, 事业 scope otherwise);
 * - carry-over (上年结转结余) money is only ever project money (预算08–13表 exclude it);
 * - 三公 款 (30212, 30217, 30231, 31013, 30913) are paid from 本年 一般公共预算 经费拨款 only;
 * - 事业收入, 事业单位经营收入 and 财政专户管理资金 belong to 事业单位 only; 事业单位经营收入 funds only
 *   事业单位经营支出 (generated only with `otherKinds`), and 省级专项资金 projects are funded only from
 *   本年 财政拨款 (预算20表's columns);
 * - amounts are whole 0.01 万元 (10 000 分), so they print exactly in 万元 with 2 decimals.
 *
 * The PRNG is sfc32 seeded through splitmix32: the same options always give the same province.
 * `writeProvince` writes each department as an input folder (budget.json + line-items.csv) for CLI runs:
 *
 *   node --import tsx bench/generate.ts out/province [departments] [units] [lineItems] [seed]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadClassification } from '../src/classification/load.ts';
import type { Classification } from '../src/classification/classification.ts';
import type { UnitType } from '../src/classification/mapping.ts';
import { emptyBudget } from '../src/model/budget.ts';
import type {
  Budget,
  Kind,
  LineItem,
  Project,
  ProjectPerformance,
  SpecialFund,
  Unit,
  UnitPerformance,
} from '../src/model/budget.ts';
import { FUND_SOURCES, type FundSource } from '../src/model/funds.ts';
import { formatMoney, type Money } from '../src/money/money.ts';

export interface GenerateOptions {
  departments: number;
  units: number;
  lineItems: number;
  seed: number;
  /** Budget year; the shipped lists of that year (or the latest earlier one) are used. Default 2024. */
  year?: number;
  /**
   * Also generate 事业单位经营支出 (funded by 事业单位经营收入), 上缴上级支出 and 对附属单位补助支出 in
   * 事业单位. Off by default: 预算01表's departmental-economic list has no line for these kinds (spec §6
   * A13), so the checker's I01-dept identity fails on them; without them 事业单位经营收入 is the one
   * fund source the province does not use.
   */
  otherKinds?: boolean;
}

export const DEFAULT_OPTIONS: GenerateOptions = { departments: 100, units: 2_000, lineItems: 300_000, seed: 1 };

/** 0.01 万元 in 分: the step of every generated amount. */
const STEP: Money = 10_000;

// ---------------------------------------------------------------------------------------------
// PRNG

/** sfc32, seeded through splitmix32. Returns floats in [0, 1). */
export function makeRng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

class Rand {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A whole number of 0.01 万元 between lo and hi 万元, log-uniform. */
  wan(lo: number, hi: number): Money {
    const v = lo * Math.pow(hi / lo, this.next());
    return Math.max(1, Math.round(v * 100)) * STEP;
  }
}

/** Cumulative-weight picker, built once. */
class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly items: T[] = [];
  private total = 0;
  constructor(entries: Iterable<[T, number]>) {
    for (const [item, w] of entries) {
      if (w <= 0) continue;
      this.total += w;
      this.items.push(item);
      this.cum.push(this.total);
    }
    if (!this.items.length) throw new Error('Weighted: no items');
  }
  pick(r: Rand): T {
    const x = r.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// ---------------------------------------------------------------------------------------------
// Rules and pools

/** The 25 function 类 that 预算01表 / 预算06表 list. */
export const LISTED_FUNCTION_CLASSES = [
  '201', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220',
  '221', '222', '224', '227', '229', '231', '232', '233', '234',
] as const;

/** The 20 款 of 预算13表: the only 302 款 basic 公用经费 may use (R4). */
export const BASIC_PUBLIC_ECON = [
  '30201', '30202', '30205', '30206', '30207', '30208', '30209', '30211', '30213', '30214', '30215', '30216',
  '30217', '30226', '30228', '30229', '30231', '30239', '30240', '30299',
] as const;

/** 三公 款 (R7): paid from 本年 一般公共预算 经费拨款 only. */
export const THREE_PUBLIC_ECON = ['30212', '30217', '30231', '31013', '30913'] as const;

const GPB_APPROPRIATION: FundSource = '本年/一般公共预算拨款/经费拨款';
const NON_TAX = FUND_SOURCES.filter((f) => f.startsWith('本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/'));

type Scope = 'jg' | 'sy';
const scopeOfType = (t: UnitType): Scope => (t === '行政单位' || t === '参公事业单位' ? 'jg' : 'sy');
const isShiye = (t: UnitType) => scopeOfType(t) === 'sy';

interface Pools {
  functionItems: string[];
  /** 项 codes used by 机关 / 事业 units for their running costs. */
  runningJg: string[];
  runningSy: string[];
  /** Preferred function 项 of some personnel 款 (social security, housing, retirement). */
  personnelFunction: Record<Scope, Map<string, string>>;
  /** 2210203 购房补贴 (booked as 30102 津贴补贴), when the list has it. */
  housingSubsidy?: string;
  gov: Record<Scope, Map<string, string>>;
  personnel: Record<Scope, Weighted<string>>;
  publicBasic: Record<Scope, Weighted<string>>;
  project: Record<Scope, Weighted<string>>;
  operating: Record<Scope, Weighted<string>>;
  otherKindEcon: Record<Scope, string | undefined>;
  basicFunds: Record<Scope, Weighted<FundSource>>;
  projectFunds: Record<Scope, Weighted<FundSource>>;
  specialFunds: Weighted<FundSource>;
}

function buildPools(c: Classification): Pools {
  const listed = new Set<string>(LISTED_FUNCTION_CLASSES);
  // Rows recalled wholesale (K2, ~900 项) are left out: drawn uniformly they would give every
  // department hundreds of distinct 项, unlike real ones, and change the bench's workload.
  const functionItems = c.function
    .list('项')
    .filter((s) => s.sources !== 'K2')
    .map((s) => s.code)
    .filter((code) => /^\d{7}$/.test(code) && listed.has(code.slice(0, 3)));
  if (!functionItems.length) throw new Error('generate: no function 项 in the listed 类');
  const fnHas = new Set(functionItems);
  const named = (re: RegExp) =>
    c.function
      .list('项')
      .filter((s) => fnHas.has(s.code) && re.test(s.name))
      .map((s) => s.code);
  const runningJg = named(/^行政运行$/);
  const runningSy = named(/^(机构运行|事业运行|高等职业教育)$/);

  const deptKuan = c.deptEcon
    .list('款')
    .map((s) => s.code)
    .filter((code) => /^\d{5}$/.test(code));
  const gov: Record<Scope, Map<string, string>> = { jg: new Map(), sy: new Map() };
  for (const [scope, type] of [['jg', '行政单位'], ['sy', '事业单位']] as const) {
    for (const code of deptKuan) {
      const t = c.mapping.govFor(code, type);
      if (t && c.govEcon.has(t.code)) gov[scope].set(code, t.code);
    }
  }

  const prefer = (pairs: [string, string][]) => new Map(pairs.filter(([, fn]) => fnHas.has(fn)));
  const common: [string, string][] = [
    ['30108', '2080505'],
    ['30109', '2080506'],
    ['30111', '2101103'],
    ['30113', '2210201'],
  ];
  const personnelFunction = {
    jg: prefer([...common, ['30110', '2101101'], ['30301', '2080501'], ['30302', '2080501'], ['30303', '2080501'], ['30304', '2080801']]),
    sy: prefer([...common, ['30110', '2101102'], ['30301', '2080502'], ['30302', '2080502'], ['30303', '2080502'], ['30304', '2080801']]),
  };

  const weightedEcon = (scope: Scope, codes: Iterable<string>, weight: (code: string) => number) =>
    new Weighted([...codes].filter((code) => gov[scope].has(code)).map((code) => [code, weight(code)] as [string, number]));

  const personnelWeight = (code: string) => (code.startsWith('301') ? (['30101', '30102', '30107'].includes(code) ? 6 : 3) : 1);
  const publicSet = new Set<string>(BASIC_PUBLIC_ECON);
  const projectWeight = (code: string) => {
    const cls = code.slice(0, 3);
    if (cls === '302') return 10;
    if (cls === '310') return 3;
    if (cls === '303' || cls === '309' || cls === '312') return 1.5;
    return 0.5; // 307, 311, 313, 399
  };
  const bySc = <T>(f: (s: Scope) => T): Record<Scope, T> => ({ jg: f('jg'), sy: f('sy') });
  const personnel = bySc((s) => weightedEcon(s, deptKuan.filter((k) => k.startsWith('301') || k.startsWith('303')), personnelWeight));
  const publicBasic = bySc((s) => weightedEcon(s, deptKuan.filter((k) => publicSet.has(k)), () => 1));
  const project = bySc((s) => weightedEcon(s, deptKuan.filter((k) => !k.startsWith('301')), projectWeight));
  const threePublic = new Set<string>(THREE_PUBLIC_ECON);
  const operating = bySc((s) =>
    weightedEcon(s, deptKuan.filter((k) => (k.startsWith('301') || k.startsWith('302')) && !threePublic.has(k)), () => 1),
  );
  const otherKindEcon = bySc((s) => (gov[s].has('39999') ? '39999' : undefined));

  const basicFunds = (s: Scope) => {
    const w: [FundSource, number][] = [
      [GPB_APPROPRIATION, 70],
      ...NON_TAX.map((f) => [f, 1] as [FundSource, number]),
      ['本年/政府性基金预算拨款', 2],
      ['本年/国有资本经营预算拨款', 1],
      ['本年/上级财政补助收入/一般公共预算补助', 1.5],
      ['本年/上级财政补助收入/政府性基金补助', 0.5],
      ['本年/上级财政补助收入/国有资本经营预算补助', 0.3],
      ['本年/上级补助收入', 1],
      ['本年/附属单位上缴收入', 0.5],
      ['本年/其他收入', 2],
    ];
    if (s === 'sy') w.push(['本年/事业收入', 12], ['本年/财政专户管理资金', 4]);
    return new Weighted(w);
  };
  const projectFunds = (s: Scope) => {
    const w: [FundSource, number][] = [
      [GPB_APPROPRIATION, 55],
      ...NON_TAX.map((f) => [f, 1.2] as [FundSource, number]),
      ['本年/政府性基金预算拨款', 5],
      ['本年/国有资本经营预算拨款', 2],
      ['本年/上级财政补助收入/一般公共预算补助', 3],
      ['本年/上级财政补助收入/政府性基金补助', 1],
      ['本年/上级财政补助收入/国有资本经营预算补助', 0.5],
      ['本年/上级补助收入', 1],
      ['本年/附属单位上缴收入', 0.5],
      ['本年/其他收入', 2],
      ['上年结转结余/一般公共预算', 6],
      ['上年结转结余/政府性基金预算', 1.5],
      ['上年结转结余/国有资本经营预算', 0.7],
      ['上年结转结余/单位资金', 2],
    ];
    if (s === 'sy') w.push(['本年/事业收入', 10], ['本年/财政专户管理资金', 3], ['上年结转结余/财政专户管理资金', 1]);
    return new Weighted(w);
  };
  const specialFunds = new Weighted<FundSource>([
    [GPB_APPROPRIATION, 10],
    ...NON_TAX.map((f) => [f, 0.3] as [FundSource, number]),
    ['本年/政府性基金预算拨款', 2],
    ['本年/国有资本经营预算拨款', 1],
  ]);

  return {
    functionItems,
    runningJg: runningJg.length ? runningJg : functionItems,
    runningSy: runningSy.length ? runningSy : functionItems,
    personnelFunction,
    housingSubsidy: fnHas.has('2210203') ? '2210203' : undefined,
    gov,
    personnel,
    publicBasic,
    project,
    operating,
    otherKindEcon,
    basicFunds: bySc(basicFunds),
    projectFunds: bySc(projectFunds),
    specialFunds,
  };
}

const poolCache = new Map<number, Pools>();
function poolsFor(year: number): Pools {
  let p = poolCache.get(year);
  if (!p) poolCache.set(year, (p = buildPools(loadClassification(year))));
  return p;
}

// ---------------------------------------------------------------------------------------------
// Names and texts

const PLACES = ['湘江', '洞庭', '岳麓', '衡岳', '潇湘', '武陵', '雪峰', '南岭', '罗霄', '湘中', '湘南', '湘西', '沅澧', '资水', '麓山'];
const FIELDS = [
  '发展改革', '工业信息', '教育', '科技', '民族宗教', '公安', '民政', '司法', '财政', '人力资源', '自然资源', '生态环境', '住房城乡建设',
  '交通运输', '水利', '农业农村', '商务', '文化旅游', '卫生健康', '应急管理', '审计', '市场监管', '广播电视', '体育', '统计', '林业',
  '粮食物资', '医疗保障', '机关事务', '地方金融', '档案', '乡村振兴', '数据管理', '气象', '地质', '供销', '妇女儿童', '残疾人', '科协',
  '社科', '文物', '药品监管', '知识产权', '能源', '国防动员', '信访', '外事', '港澳', '侨务', '人防',
];
const DEPT_SUFFIX = ['厅', '局', '委员会', '办公室', '中心'];
const SY_KINDS = ['事务中心', '服务中心', '研究院', '监测站', '信息中心', '发展中心', '职业学院', '培训中心', '技术中心', '档案馆', '保障中心', '评审中心'];
const PROJECT_BASES = [
  '业务工作经费', '信息化建设', '专项业务费', '宣传培训', '课题研究', '监督检查', '设备购置', '运行维护', '规划编制', '基础调查',
  '标准制定', '应急保障', '数据治理', '平台运维', '人才培养', '能力建设', '公共服务', '项目评审', '绩效评价', '安全生产',
];
const DIRECTIONS = ['产业发展', '公共服务', '基础设施', '民生保障', '科技创新', '生态保护', '人才发展', '对外开放'];

function projectPerformance(r: Rand, p: Project, transferToLocal: Money): ProjectPerformance {
  const n = 2 + r.int(20);
  return {
    unit: p.unit,
    project: p.name,
    transferToLocal,
    periodGoal: `实施期内完成${p.name}各项任务，资金使用规范、效益明显。`,
    annualGoal: `年度内完成${p.name}任务${n}项，按期通过验收。`,
    indicators: {
      数量指标: `完成任务${n}项`,
      质量指标: `验收合格率≥${90 + r.int(11)}%`,
      时效指标: '当年12月底前完成',
      成本指标: '不超出年初预算',
      经济效益指标: '节约财政资金，提高资金使用效益',
      社会效益指标: '提升公共服务水平',
      生态效益指标: '无不良生态影响',
      可持续影响指标: '形成长效工作机制',
      社会公益或服务对象满意度指标: `服务对象满意度≥${85 + r.int(11)}%`,
    },
  };
}

function unitPerformance(r: Rand, u: Unit): UnitPerformance {
  return {
    unit: u.code,
    duties: `${u.name}依法履行本单位职能职责，承担相关行政管理和公共服务工作。`,
    overallGoal: `保障${u.name}正常运转，全面完成年度重点工作任务。`,
    outputIndicators: `数量指标：完成重点工作${3 + r.int(10)}项；质量指标：任务完成率100%；时效指标：按期完成；成本指标：不超出年初预算。`,
    benefitIndicators: `社会效益指标：公共服务水平持续提升；可持续影响指标：长效机制健全；满意度指标：服务对象满意度≥${85 + r.int(11)}%。`,
  };
}

// ---------------------------------------------------------------------------------------------
// Generation

/** Splits `total` into `n` non-negative integers proportional to `weights` (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const W = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / W);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

const THREE_PUBLIC = new Set<string>(THREE_PUBLIC_ECON);

interface UnitPlan {
  unit: Unit;
  items: number;
}

function generateUnit(r: Rand, P: Pools, plan: UnitPlan, b: Budget, otherKinds: boolean): void {
  const { unit, items: n } = plan;
  const scope = scopeOfType(unit.type);
  const gov = P.gov[scope];
  const running = r.pick(scope === 'jg' ? P.runningJg : P.runningSy);
  const secondFunctions = [running, r.pick(P.functionItems), r.pick(P.functionItems)];

  // How the unit's items split between kinds.
  const otherShare = otherKinds && isShiye(unit.type) ? 0.03 : 0;
  const nPersonnel = Math.round(n * 0.38);
  const nPublic = Math.round(n * 0.24);
  const nOther = Math.min(n - nPersonnel - nPublic, Math.round(n * otherShare));
  const nProject = n - nPersonnel - nPublic - nOther;

  // Projects: about one per 8 project items.
  const projects: Project[] = [];
  if (nProject > 0) {
    const count = Math.max(1, Math.min(40, Math.round(nProject / 8)));
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      let name = r.pick(PROJECT_BASES);
      for (let k = 2; used.has(name); k++) name = `${name.replace(/\d+$/, '')}${k}`;
      used.add(name);
      const special = i > 0 && r.chance(0.12);
      projects.push(
        special
          ? { unit: unit.code, name, category: '省级专项资金', direction: r.pick(DIRECTIONS) }
          : { unit: unit.code, name, category: '其他资金' },
      );
    }
  }
  const ordinary = projects.filter((p) => p.category === '其他资金');

  const push = (functionCode: string, deptEconCode: string, kind: Kind, fund: FundSource, amount: Money, project?: string) => {
    const govEconCode = gov.get(deptEconCode)!;
    const li: LineItem = project
      ? { unit: unit.code, functionCode, deptEconCode, govEconCode, kind, project, fund, amount }
      : { unit: unit.code, functionCode, deptEconCode, govEconCode, kind, fund, amount };
    b.lineItems.push(li);
  };

  const pf = P.personnelFunction[scope];
  for (let i = 0; i < nPersonnel; i++) {
    const econ = P.personnel[scope].pick(r);
    const fn = pf.get(econ) ?? (econ === '30102' && P.housingSubsidy && r.chance(0.2) ? P.housingSubsidy : running);
    push(fn, econ, '基本支出-人员经费', P.basicFunds[scope].pick(r), r.wan(0.5, 400));
  }
  for (let i = 0; i < nPublic; i++) {
    const econ = P.publicBasic[scope].pick(r);
    const fund = THREE_PUBLIC.has(econ) ? GPB_APPROPRIATION : P.basicFunds[scope].pick(r);
    push(r.chance(0.85) ? running : r.pick(secondFunctions), econ, '基本支出-公用经费', fund, r.wan(0.1, 60));
  }
  const projectFunction = new Map(projects.map((p) => [p.name, r.chance(0.5) ? running : r.pick(P.functionItems)]));
  for (let i = 0; i < nProject; i++) {
    const econ = P.project[scope].pick(r);
    let p = r.pick(projects);
    let fund: FundSource;
    if (THREE_PUBLIC.has(econ)) fund = GPB_APPROPRIATION;
    else if (p.category === '省级专项资金') fund = P.specialFunds.pick(r);
    else fund = P.projectFunds[scope].pick(r);
    // Carry-over stays in ordinary projects (预算20表 has no carry-over column).
    if (fund.startsWith('上年结转结余/') && p.category !== '其他资金') {
      if (ordinary.length) p = r.pick(ordinary);
      else fund = GPB_APPROPRIATION;
    }
    const fn = r.chance(0.8) ? projectFunction.get(p.name)! : r.pick(P.functionItems);
    push(fn, econ, '项目支出', fund, r.wan(1, 800), p.name);
  }
  for (let i = 0; i < nOther; i++) {
    const x = r.next();
    const other = P.otherKindEcon[scope];
    if (x < 0.6 || !other) push(running, P.operating[scope].pick(r), '事业单位经营支出', '本年/事业单位经营收入', r.wan(0.5, 120));
    else if (x < 0.8) push(running, other, '上缴上级支出', r.chance(0.7) ? '本年/事业收入' : '本年/其他收入', r.wan(0.5, 80));
    else push(running, other, '对附属单位补助支出', r.chance(0.7) ? '本年/事业收入' : '本年/其他收入', r.wan(0.5, 80));
  }

  // Projects that received items, with their records.
  const funded = new Set<string>();
  for (let i = b.lineItems.length - n; i < b.lineItems.length; i++) {
    const p = b.lineItems[i].project;
    if (p) funded.add(p);
  }
  for (const p of projects) {
    if (!funded.has(p.name)) continue;
    b.projects.push(p);
    let transfer: Money = 0;
    if (p.category === '省级专项资金') {
      const sf: SpecialFund = {
        unit: unit.code,
        name: p.name,
        byFinance: {
          gpbAppropriation: r.chance(0.6) ? r.wan(10, 3000) : 0,
          gpbNonTax: r.chance(0.1) ? r.wan(5, 300) : 0,
          govFund: r.chance(0.2) ? r.wan(10, 1000) : 0,
          stateCapital: r.chance(0.1) ? r.wan(10, 500) : 0,
        },
        managementRule: `《${p.name}管理办法》`,
        allocationRule: r.chance(0.5) ? '因素法分配' : '项目法分配',
      };
      b.specialFunds.push(sf);
      const f = sf.byFinance;
      transfer = f.gpbAppropriation + f.gpbNonTax + f.govFund + f.stateCapital;
    }
    if (p.category === '省级专项资金' || r.chance(0.85)) b.projectPerformance.push(projectPerformance(r, p, transfer));
  }
  b.unitPerformance.push(unitPerformance(r, unit));
}

/**
 * Generates `departments` budgets with `units` units and `lineItems` line items in all, in the
 * parsed model shape (amounts in 分). Deterministic in `seed`.
 */
export function generateProvince(opts: GenerateOptions = DEFAULT_OPTIONS): Budget[] {
  const { departments, units, lineItems, seed } = opts;
  const year = opts.year ?? 2024;
  if (!Number.isInteger(departments) || departments < 1 || departments > 899) throw new Error('departments: 1…899');
  if (!Number.isInteger(units) || units < departments || units > departments * 999) throw new Error('units: departments…departments×999');
  if (!Number.isInteger(lineItems) || lineItems < 0) throw new Error('lineItems: a non-negative integer');
  const P = poolsFor(year);
  const r = new Rand(makeRng(seed));

  // Units per department: one each (the 机关), the rest spread at random.
  const perDept = new Array<number>(departments).fill(1);
  for (let i = departments; i < units; i++) {
    let d = r.int(departments);
    while (perDept[d] >= 999) d = (d + 1) % departments;
    perDept[d]++;
  }

  const budgets: Budget[] = [];
  const plans: UnitPlan[] = [];
  const usedNames = new Set<string>();
  for (let d = 0; d < departments; d++) {
    const code = String(101 + d);
    const field = FIELDS[d % FIELDS.length];
    let name = `湖南省${field}${r.pick(DEPT_SUFFIX)}`;
    for (let k = 2; usedNames.has(name); k++) name = `湖南省${r.pick(PLACES)}${field}${DEPT_SUFFIX[k % DEPT_SUFFIX.length]}`;
    usedNames.add(name);
    const b: Budget = emptyBudget(year, { code, name });
    const unitNames = new Set<string>();
    for (let u = 0; u < perDept[d]; u++) {
      const ucode = code + String(u + 1).padStart(3, '0');
      const type: UnitType = u === 0 ? '行政单位' : r.chance(0.15) ? '参公事业单位' : '事业单位';
      let uname = u === 0 ? `${name}机关` : `湖南省${r.pick(PLACES)}${field}${r.pick(SY_KINDS)}`;
      if (unitNames.has(uname)) uname = `${uname}（${u + 1}）`;
      unitNames.add(uname);
      b.units.push({ code: ucode, name: uname, type });
    }
    budgets.push(b);
  }

  // Line items per unit: random sizes (事业单位 a little larger), exact total.
  const allUnits = budgets.flatMap((b) => b.units);
  const counts = apportion(lineItems, allUnits.map((u) => (0.3 + r.next() * 1.4) * (isShiye(u.type) ? 1.2 : 1)));
  let k = 0;
  for (const b of budgets) {
    for (const unit of b.units) plans.push({ unit, items: counts[k++] });
  }
  let p = 0;
  for (const b of budgets) {
    for (let i = 0; i < b.units.length; i++, p++) generateUnit(r, P, plans[p], b, opts.otherKinds ?? false);
  }
  return budgets;
}

// ---------------------------------------------------------------------------------------------
// Writing input folders

/** 万元 text of 分: 2 decimals when exact, else 6 (never loses money). */
const wan = (fen: Money) => formatMoney(fen, '万元', fen % STEP === 0 ? 2 : 6);

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes each department of a generated province as `<dir>/<department code>/{budget.json,line-items.csv}`. */
export function writeProvince(dir: string, opts: GenerateOptions = DEFAULT_OPTIONS): { dirs: string[]; lineItems: number } {
  const budgets = generateProvince(opts);
  const dirs: string[] = [];
  let lines = 0;
  for (const b of budgets) {
    const out = join(dir, b.department.code);
    mkdirSync(out, { recursive: true });
    const json = {
      year: b.year,
      amountUnit: '万元',
      department: b.department,
      units: b.units,
      lineItems: 'line-items.csv',
      projects: b.projects,
      yearEndBalances: b.yearEndBalances.map((y) => ({ ...y, amount: wan(y.amount) })),
      specialFunds: b.specialFunds.map((s) => ({
        ...s,
        byFinance: {
          gpbAppropriation: wan(s.byFinance.gpbAppropriation),
          gpbNonTax: wan(s.byFinance.gpbNonTax),
          govFund: wan(s.byFinance.govFund),
          stateCapital: wan(s.byFinance.stateCapital),
        },
      })),
      projectPerformance: b.projectPerformance.map((pp) => ({ ...pp, transferToLocal: wan(pp.transferToLocal ?? 0) })),
      unitPerformance: b.unitPerformance,
    };
    writeFileSync(join(out, 'budget.json'), JSON.stringify(json, null, 2) + '\n');
    const rows = ['unit_code,function_code,dept_econ_code,gov_econ_code,kind,project,fund_source,amount_wan'];
    for (const li of b.lineItems) {
      rows.push(
        [li.unit, li.functionCode, li.deptEconCode, li.govEconCode, li.kind, csvCell(li.project ?? ''), li.fund, wan(li.amount)].join(','),
      );
    }
    writeFileSync(join(out, 'line-items.csv'), rows.join('\n') + '\n');
    dirs.push(out);
    lines += b.lineItems.length;
  }
  return { dirs, lineItems: lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, d, u, l, s] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node --import tsx bench/generate.ts <out-dir> [departments] [units] [lineItems] [seed]');
    process.exit(2);
  }
  const opts: GenerateOptions = {
    departments: d ? Number(d) : DEFAULT_OPTIONS.departments,
    units: u ? Number(u) : DEFAULT_OPTIONS.units,
    lineItems: l ? Number(l) : DEFAULT_OPTIONS.lineItems,
    seed: s ? Number(s) : DEFAULT_OPTIONS.seed,
  };
  const t0 = performance.now();
  const res = writeProvince(dir, opts);
  console.log(`${res.dirs.length} departments, ${res.lineItems} line items → ${dir} (${Math.round(performance.now() - t0)} ms)`);
}
