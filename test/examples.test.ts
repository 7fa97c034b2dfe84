/**
 * Data rules (shared/spec/tables.md §1.3) for examples/multi-unit-department and for the synthetic
 * province of bench/generate.ts. Both are read independently of the project's loader: the example
 * with csv-parse, the code lists straight from the shipped CSVs.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateProvince } from '../bench/generate.ts';
import type { Budget } from '../src/model/budget.ts';
import { FUND_SOURCES } from '../src/model/funds.ts';

const here = (p: string) => new URL(p, import.meta.url);
const readCsv = (p: string): Record<string, string>[] =>
  parse(readFileSync(here(p), 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });

const LISTS = '../src/classification/lists/2024/';
const functionList = new Map(readCsv(LISTS + 'function.csv').map((r) => [r.code, r]));
const deptEcon = new Map(readCsv(LISTS + 'econ-dept.csv').map((r) => [r.code, r]));
const govEcon = new Map(readCsv(LISTS + 'econ-gov.csv').map((r) => [r.code, r]));
const mapping = new Map<string, string>();
for (const r of readCsv(LISTS + 'econ-mapping.csv')) {
  for (const scope of r.unit_scope === '全部' ? ['机关', '事业'] : [r.unit_scope]) mapping.set(`${scope}:${r.dept_code}`, r.gov_code);
}

/** The 25 function 类 that 预算01表 / 预算06表 list. */
const LISTED_CLASSES = new Set('201 204 205 206 207 208 210 211 212 213 214 215 216 217 219 220 221 222 224 227 229 231 232 233 234'.split(' '));
/** The 20 款 of 预算13表 (R4). */
const BASIC_302 = new Set(
  '30201 30202 30205 30206 30207 30208 30209 30211 30213 30214 30215 30216 30217 30226 30228 30229 30231 30239 30240 30299'.split(' '),
);
const THREE_PUBLIC = new Set(['30212', '30217', '30231', '31013', '30913']);
const KINDS = new Set(['基本支出-人员经费', '基本支出-公用经费', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出']);
const FUNDS = new Set<string>(FUND_SOURCES);
const SHIYE_ONLY_FUNDS = new Set(['本年/事业收入', '本年/事业单位经营收入', '本年/财政专户管理资金', '上年结转结余/财政专户管理资金']);
const FISCAL_CURRENT = (f: string) =>
  f.startsWith('本年/一般公共预算拨款/') || f === '本年/政府性基金预算拨款' || f === '本年/国有资本经营预算拨款';

const scopeOf = (unitType: string) => (unitType === '行政单位' || unitType === '参公事业单位' ? '机关' : '事业');

interface Row {
  where: string;
  unit: string;
  unitType: string;
  functionCode: string;
  deptEconCode: string;
  govEconCode: string;
  kind: string;
  project: string;
  projectCategory?: string;
  fund: string;
  /** > 0 */
  positive: boolean;
}

/** Every rule a line item must obey; returns the violations as messages. */
function violations(rows: Row[]): string[] {
  const out: string[] = [];
  const bad = (r: Row, msg: string) => out.push(`${r.where}: ${msg}`);
  for (const r of rows) {
    if (!r.positive) bad(r, 'amount must be > 0');
    // R1: codes exist at the right level.
    const fn = functionList.get(r.functionCode);
    if (!/^\d{7}$/.test(r.functionCode) || fn?.level !== '项') bad(r, `function ${r.functionCode} is not a 项 of function.csv`);
    if (!LISTED_CLASSES.has(r.functionCode.slice(0, 3))) bad(r, `function 类 ${r.functionCode.slice(0, 3)} is not listed by 预算01表`);
    if (deptEcon.get(r.deptEconCode)?.level !== '款') bad(r, `dept econ ${r.deptEconCode} is not a 款 of econ-dept.csv`);
    if (govEcon.get(r.govEconCode)?.level !== '款') bad(r, `gov econ ${r.govEconCode} is not a 款 of econ-gov.csv`);
    // R5: mapping agreement for the unit type.
    const want = mapping.get(`${scopeOf(r.unitType)}:${r.deptEconCode}`);
    if (want !== r.govEconCode) bad(r, `gov econ ${r.govEconCode} ≠ mapping ${want} for ${r.deptEconCode} (${r.unitType})`);
    if (!KINDS.has(r.kind)) bad(r, `kind ${r.kind}`);
    if (!FUNDS.has(r.fund)) bad(r, `fund ${r.fund}`);
    const cls = r.deptEconCode.slice(0, 3);
    const basic = r.kind.startsWith('基本支出-');
    // R2 / R3 / R4.
    if (r.kind === '基本支出-人员经费' && cls !== '301' && cls !== '303') bad(r, `人员经费 with ${r.deptEconCode}`);
    if (r.kind === '基本支出-公用经费' && !BASIC_302.has(r.deptEconCode)) bad(r, `公用经费 with ${r.deptEconCode} (not a 预算13表 column)`);
    if (r.kind === '项目支出' && cls === '301') bad(r, `项目支出 with 301 款 ${r.deptEconCode}`);
    // Projects: none for basic spending, always for project spending.
    if (basic && r.project) bad(r, '基本支出 with a project');
    if (r.kind === '项目支出' && !r.project) bad(r, '项目支出 without a project');
    if (r.project && r.projectCategory === undefined) bad(r, `project ${r.project} not declared for unit ${r.unit}`);
    // Carry-over is project money only (预算08–13表 exclude it).
    if (r.fund.startsWith('上年结转结余/') && r.kind !== '项目支出') bad(r, `carry-over in ${r.kind}`);
    // 三公 stays in this year's 一般公共预算 money.
    if (THREE_PUBLIC.has(r.deptEconCode) && !r.fund.startsWith('本年/一般公共预算拨款/')) bad(r, `三公 ${r.deptEconCode} from ${r.fund}`);
    // 因公出国 has no column in 预算12/13表: project money only.
    if (r.deptEconCode === '30212' && r.kind !== '项目支出') bad(r, '30212 outside 项目支出');
    // Sources and kinds that only 事业单位 have.
    if (SHIYE_ONLY_FUNDS.has(r.fund) && r.unitType !== '事业单位') bad(r, `${r.fund} in a ${r.unitType}`);
    if (r.kind === '事业单位经营支出' && r.unitType !== '事业单位') bad(r, `经营支出 in a ${r.unitType}`);
    if ((r.fund === '本年/事业单位经营收入') !== (r.kind === '事业单位经营支出')) bad(r, '经营收入 must fund exactly the 经营支出');
    // 省级专项资金 projects are funded from this year's 财政拨款 (the columns of 预算20表).
    if (r.projectCategory === '省级专项资金' && !FISCAL_CURRENT(r.fund)) bad(r, `省级专项资金 from ${r.fund}`);
  }
  return out;
}

/** Non-line-item records: references and coverage. */
function recordViolations(b: {
  department: { code: string };
  units: { code: string; type: string }[];
  projects: { unit: string; name: string; category: string; direction?: string }[];
  specialFunds: { unit: string; name: string }[];
  projectPerformance: { unit: string; project: string; indicators: object }[];
  unitPerformance: { unit: string }[];
  usedProjects: Set<string>;
}): string[] {
  const out: string[] = [];
  const units = new Set(b.units.map((u) => u.code));
  for (const u of b.units) {
    if (!new RegExp(`^${b.department.code}\\d{3}$`).test(u.code)) out.push(`unit ${u.code} not under department ${b.department.code}`);
    if (!['行政单位', '参公事业单位', '事业单位'].includes(u.type)) out.push(`unit ${u.code} type ${u.type}`);
  }
  if (units.size !== b.units.length) out.push('duplicate unit codes');
  const projects = new Map(b.projects.map((p) => [`${p.unit}:${p.name}`, p]));
  if (projects.size !== b.projects.length) out.push('duplicate projects');
  for (const p of b.projects) {
    if (!units.has(p.unit)) out.push(`project ${p.name}: unknown unit ${p.unit}`);
    if (!['省级专项资金', '其他资金'].includes(p.category)) out.push(`project ${p.name}: category ${p.category}`);
    if (p.category === '省级专项资金' && !p.direction) out.push(`省级专项资金 ${p.name} without 支出方向`);
    if (!b.usedProjects.has(`${p.unit}:${p.name}`)) out.push(`project ${p.name} has no line items`);
  }
  for (const s of b.specialFunds) {
    if (projects.get(`${s.unit}:${s.name}`)?.category !== '省级专项资金') out.push(`specialFund ${s.name} is not a 省级专项资金 project`);
  }
  for (const p of b.projects.filter((p) => p.category === '省级专项资金')) {
    if (!b.specialFunds.some((s) => s.unit === p.unit && s.name === p.name)) out.push(`省级专项资金 ${p.name} without specialFunds record`);
  }
  for (const pp of b.projectPerformance) {
    if (!projects.has(`${pp.unit}:${pp.project}`)) out.push(`projectPerformance ${pp.project}: unknown project`);
  }
  for (const u of b.units) if (!b.unitPerformance.some((p) => p.unit === u.code)) out.push(`unit ${u.code} without unitPerformance`);
  return out;
}

// -----------------------------------------------------------------------------------------------

describe('examples/multi-unit-department', () => {
  const dir = '../examples/multi-unit-department/';
  const budget = JSON.parse(readFileSync(here(dir + 'budget.json'), 'utf8'));
  const csv = readCsv(dir + 'line-items.csv');
  const unitType = new Map<string, string>(budget.units.map((u: { code: string; type: string }) => [u.code, u.type]));
  const category = new Map<string, string>(
    budget.projects.map((p: { unit: string; name: string; category: string }) => [`${p.unit}:${p.name}`, p.category]),
  );
  const rows: Row[] = csv.map((r, i) => ({
    where: `line-items.csv row ${i + 2}`,
    unit: r.unit_code,
    unitType: unitType.get(r.unit_code) ?? '(unknown unit)',
    functionCode: r.function_code,
    deptEconCode: r.dept_econ_code,
    govEconCode: r.gov_econ_code,
    kind: r.kind,
    project: r.project,
    projectCategory: r.project ? category.get(`${r.unit_code}:${r.project}`) : undefined,
    fund: r.fund_source,
    positive: /^\d+\.\d{2}$/.test(r.amount_wan) && Number(r.amount_wan) > 0,
  }));

  it('has the input columns, in 万元 with 2 decimals', () => {
    expect(Object.keys(csv[0])).toEqual([
      'unit_code', 'function_code', 'dept_econ_code', 'gov_econ_code', 'kind', 'project', 'fund_source', 'amount_wan',
    ]);
    expect(budget.amountUnit).toBe('万元');
    expect(budget.year).toBe(2024);
    for (const r of csv) expect(r.amount_wan).toMatch(/^\d+\.\d{2}$/);
  });

  it('has a 行政单位 and two 事业单位 of one department', () => {
    expect(budget.department.code).toMatch(/^1\d{2}$/);
    expect(budget.units.map((u: { type: string }) => u.type).sort()).toEqual(['事业单位', '事业单位', '行政单位']);
    for (const r of rows) expect(unitType.has(r.unit), r.where).toBe(true);
    for (const u of unitType.keys()) expect(rows.some((r) => r.unit === u), u).toBe(true);
  });

  it('obeys the line-item rules (codes, mapping, kinds, funds)', () => {
    expect(violations(rows)).toEqual([]);
  });

  it('has consistent records (projects, special funds, performance)', () => {
    const usedProjects = new Set(rows.filter((r) => r.project).map((r) => `${r.unit}:${r.project}`));
    expect(recordViolations({ ...budget, usedProjects })).toEqual([]);
    expect(budget.specialFunds.length).toBeGreaterThan(0);
    const perf = new Set(budget.projectPerformance.map((p: { unit: string; project: string }) => category.get(`${p.unit}:${p.project}`)));
    expect(perf).toEqual(new Set(['省级专项资金', '其他资金']));
    for (const y of budget.yearEndBalances ?? []) expect(FUNDS.has(y.fund), y.fund).toBe(true);
  });

  it('uses every fund pool the 23 tables need', () => {
    const funds = new Set(rows.map((r) => r.fund));
    for (const f of [
      '本年/一般公共预算拨款/经费拨款',
      '本年/政府性基金预算拨款',
      '本年/国有资本经营预算拨款',
      '本年/财政专户管理资金',
      '本年/事业收入',
      '本年/其他收入',
      '上年结转结余/一般公共预算',
      '上年结转结余/政府性基金预算',
      '上年结转结余/国有资本经营预算',
      '上年结转结余/财政专户管理资金',
      '上年结转结余/单位资金',
    ]) {
      expect(funds.has(f), f).toBe(true);
    }
    expect(rows.some((r) => r.fund.startsWith('本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/'))).toBe(true);
    // 政府性基金 and 国有资本经营 money in both basic/project columns of 15–18 need at least project money.
    expect(rows.some((r) => r.fund.includes('政府性基金') && r.kind === '项目支出')).toBe(true);
    expect(rows.some((r) => r.fund.includes('国有资本经营') && r.kind === '项目支出')).toBe(true);
  });

  it('fills the 三公, 303 and several function 类', () => {
    const econ = new Set(rows.map((r) => r.deptEconCode));
    for (const c of ['30212', '30217', '30231', '31013', '30302', '30305']) expect(econ.has(c), c).toBe(true);
    for (const k of ['基本支出-人员经费', '基本支出-公用经费', '项目支出']) expect(rows.some((r) => r.kind === k), k).toBe(true);
    const classes = new Set(rows.map((r) => r.functionCode.slice(0, 3)));
    for (const c of ['201', '205', '206', '208', '210', '221']) expect(classes.has(c), c).toBe(true);
    // 预算08–13表 draw on this year's 一般公共预算 basic money of each kind.
    const gpbBasic = rows.filter((r) => r.fund.startsWith('本年/一般公共预算拨款/') && r.kind.startsWith('基本支出-'));
    for (const cls of ['301', '302', '303']) expect(gpbBasic.some((r) => r.deptEconCode.startsWith(cls)), cls).toBe(true);
  });
});

// -----------------------------------------------------------------------------------------------

function generatedRows(b: Budget): Row[] {
  const unitType = new Map<string, string>(b.units.map((u) => [u.code, u.type]));
  const category = new Map<string, string>(b.projects.map((p) => [`${p.unit}:${p.name}`, p.category]));
  return b.lineItems.map((li, i) => ({
    where: `${b.department.code} item ${i}`,
    unit: li.unit,
    unitType: unitType.get(li.unit) ?? '(unknown unit)',
    functionCode: li.functionCode,
    deptEconCode: li.deptEconCode,
    govEconCode: li.govEconCode,
    kind: li.kind,
    project: li.project ?? '',
    projectCategory: li.project ? category.get(`${li.unit}:${li.project}`) : undefined,
    fund: li.fund,
    positive: Number.isSafeInteger(li.amount) && li.amount > 0,
  }));
}

describe('bench/generate.ts', () => {
  const opts = { departments: 5, units: 40, lineItems: 3000, seed: 1 };
  const a = generateProvince(opts);

  it('is deterministic in its seed', () => {
    expect(generateProvince(opts)).toEqual(a);
    expect(generateProvince({ ...opts, seed: 2 })).not.toEqual(a);
  });

  it('has the requested size and both unit types', () => {
    expect(a).toHaveLength(5);
    expect(a.reduce((n, b) => n + b.units.length, 0)).toBe(40);
    expect(a.reduce((n, b) => n + b.lineItems.length, 0)).toBe(3000);
    const types = new Set(a.flatMap((b) => b.units.map((u) => u.type)));
    expect(types.has('行政单位')).toBe(true);
    expect(types.has('事业单位')).toBe(true);
    expect(new Set(a.map((b) => b.department.code)).size).toBe(5);
  });

  it('obeys the line-item rules', () => {
    for (const b of a) {
      expect(b.year).toBe(2024);
      expect(b.yearEndBalances).toEqual([]);
      for (const li of b.lineItems) expect(b.units.some((u) => u.code === li.unit)).toBe(true);
      expect(violations(generatedRows(b))).toEqual([]);
      const usedProjects = new Set(b.lineItems.filter((li) => li.project).map((li) => `${li.unit}:${li.project}`));
      expect(recordViolations({ ...b, usedProjects })).toEqual([]);
    }
  });

  it('adds the other expenditure kinds only when asked, and by the same rules', () => {
    const kinds = (bs: Budget[]) => new Set(bs.flatMap((b) => b.lineItems.map((li) => li.kind)));
    expect(kinds(a)).toEqual(new Set(['基本支出-人员经费', '基本支出-公用经费', '项目支出']));
    const withOther = generateProvince({ ...opts, otherKinds: true });
    expect(kinds(withOther).has('事业单位经营支出')).toBe(true);
    for (const b of withOther) expect(violations(generatedRows(b))).toEqual([]);
  });

  it('spreads money over many fund sources and whole 0.01 万元', () => {
    const items = a.flatMap((b) => b.lineItems);
    for (const li of items) expect(li.amount % 10_000).toBe(0);
    const funds = new Set(items.map((li) => li.fund));
    expect(funds.size).toBeGreaterThanOrEqual(20);
    expect([...funds].some((f) => f.startsWith('上年结转结余/'))).toBe(true);
  });
});
