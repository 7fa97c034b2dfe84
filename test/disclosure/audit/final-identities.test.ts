/**
 * The 决算 (mof-final) identities of the 财政拨款 funds, each run on a real document (the 普陀区财政局
 * 2024 决算, fixtures/corpus/) where it holds, then on a copy with one printed figure changed, where
 * it must fire at that row and column. The document prints no 政府性基金/国有资本经营 figure, so for
 * those rules its 总表 and fund tables are reprinted with figures that add up (the same layout,
 * labels and units), and then one of them is changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFamily } from '../../../src/disclosure/audit/family-checks.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { cachedClassification, shippedYears } from '../../../src/classification/load.ts';
import { leaves } from '../../../src/ir/table.ts';

const classification = cachedClassification(shippedYears().at(-1)!);
const FINAL = readFileSync(new URL('../fixtures/corpus/sh-putuo-2024-caizhengju-final.txt', import.meta.url), 'utf8');

function check(text: string) {
  const r = checkFamily(readText(text, { classification }).grid!);
  return { run: r.rulesRun, findings: r.findings.map((f) => [f.rule, f.severity, f.rowLabel, f.column]) };
}

/** The text with one printed line replaced (the line must be there, once). */
function change(text: string, from: string, to: string): string {
  expect(text.split(from).length).toBe(2);
  return text.replace(from, to);
}

/** The text with a page's body (below its title and unit lines) replaced; a note ends the table, as in the original. */
function reprint(text: string, page: number, body: string[]): string {
  const lines = text.split('\n');
  const i = lines.indexOf(`=== page ${page} ===`);
  const j = lines.findIndex((l, k) => k > i && l.startsWith('=== page '));
  return [...lines.slice(0, i + 3), ...body, '', '注：本表按支出功能分类科目列示。', '', ...lines.slice(j)].join('\n');
}

const pad = (widths: number[], left: number[]) => (...cells: string[]) =>
  cells.map((c, k) => (left.includes(k) ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();

/** 财政拨款收入支出决算总表 with 政府性基金 (10.00 in, 1.00 brought forward, 9.00 out, 2.00 carried) and 国有资本经营 (5.00 in and out). */
const fiscalLine = pad([24, 12, 24, 12, 14, 14, 14], [0, 2]);
const FISCAL = [
  fiscalLine('收入', '', '支出'),
  fiscalLine('项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'),
  fiscalLine('一、一般公共预算财政拨款', '2,940.05', '一、一般公共服务支出', '2,106.66', '2,106.66'),
  fiscalLine('二、政府性基金预算财政拨款', '10.00', '八、社会保障和就业支出', '326.71', '326.71'),
  fiscalLine('三、国有资本经营预算财政拨款', '5.00', '九、卫生健康支出', '60.99', '60.99'),
  fiscalLine('', '', '十一、城乡社区支出', '9.00', '', '9.00'),
  fiscalLine('', '', '十九、住房保障支出', '445.69', '445.69'),
  fiscalLine('', '', '二十一、国有资本经营预算支出', '5.00', '', '', '5.00'),
  fiscalLine('本年收入合计', '2,955.05', '本年支出合计', '2,954.05', '2,940.05', '9.00', '5.00'),
  fiscalLine('年初财政拨款结转和结余', '22.63', '年末财政拨款结转和结余', '23.63', '21.63', '2.00'),
  fiscalLine('一、一般公共预算财政拨款', '21.63'),
  fiscalLine('二、政府性基金预算财政拨款', '1.00'),
  fiscalLine('三、国有资本经营预算财政拨款'),
  fiscalLine('总计', '2,977.68', '总计', '2,977.68', '2,961.68', '11.00', '5.00'),
];

const fundLine = pad([16, 16, 10, 10, 10, 10, 10, 10], [0, 1]);
const fundTable = (rows: string[][]) => [
  fundLine('项目', '', '', '', '本年支出'),
  fundLine('科目编码', '科目名称', '年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'),
  ...rows.map((r) => fundLine(...r)),
];
const GF = fundTable([
  ['212', '城乡社区支出', '1.00', '10.00', '9.00', '4.00', '5.00', '2.00'],
  ['212 08', '国有土地使用权出让收入安排的支出', '1.00', '10.00', '9.00', '4.00', '5.00', '2.00'],
  ['212 08 04', '农村基础设施建设支出', '1.00', '10.00', '9.00', '4.00', '5.00', '2.00'],
  ['合计', '', '1.00', '10.00', '9.00', '4.00', '5.00', '2.00'],
]);
const SOE = fundTable([
  ['223', '国有资本经营预算支出', '0.00', '5.00', '5.00', '0.00', '5.00', '0.00'],
  ['合计', '', '0.00', '5.00', '5.00', '0.00', '5.00', '0.00'],
]);
const FUNDS = reprint(reprint(reprint(FINAL, 12, FISCAL), 19, GF), 20, SOE).replace(/=== page 13 ===[^]*?(?==== page 14 ===)/, '');

const holds = (text: string, rules: string[]) => {
  const { run, findings } = check(text);
  expect(run).toEqual(expect.arrayContaining(rules));
  expect(findings.filter(([rule]) => rules.includes(rule as string))).toEqual([]);
};

describe('财政拨款收入支出决算总表 (the document as printed)', () => {
  it('runs F-fiscal-in, F-fiscal-out and F-fiscal-fund-gpb, which hold', () => holds(FINAL, ['F-fiscal-in', 'F-fiscal-out', 'F-fiscal-fund-gpb']));

  it('F-fiscal-in fires at 总计 when 年初财政拨款结转和结余 is changed', () => {
    const t = change(FINAL, '年初财政拨款结转和结余     21.63', '年初财政拨款结转和结余     21.73');
    expect(check(t).findings.filter(([r]) => r === 'F-fiscal-in')).toEqual([['F-fiscal-in', 'error', '总计 总计', 'l.amount']]);
  });

  it('F-fiscal-out fires at 总计·合计 when 年末财政拨款结转和结余·合计 is changed', () => {
    const t = change(FINAL, '年末财政拨款结转和结余     21.63', '年末财政拨款结转和结余     21.73');
    expect(check(t).findings.filter(([r]) => r === 'F-fiscal-out')).toEqual([['F-fiscal-out', 'error', '总计 总计', 'r.total']]);
  });

  it('F-fiscal-fund-gpb reads the fund line under 年初结转和结余, not the one under 本年收入', () => {
    const t = change(FINAL, '一、一般公共预算财政拨款    21.63', '一、一般公共预算财政拨款    21.83');
    const { findings } = check(t);
    expect(findings.filter(([r]) => r === 'F-fiscal-fund-gpb')).toEqual([['F-fiscal-fund-gpb', 'error', '一、一般公共预算财政拨款', 'l.amount']]);
    expect(findings.filter(([r]) => r === 'F-fiscal-in')).toEqual([]);
  });
});

describe('政府性基金 and 国有资本经营 funds (the document reprinted with figures)', () => {
  const RULES = ['F-fiscal-fund-gf', 'F-fiscal-fund-soe', 'gf-balance', 'soe-balance', 'F-fiscal-gf', 'F-fiscal-soe', 'F-fiscal-in', 'F-fiscal-out', 'fiscal-row1'];

  it('runs every fund identity, and they hold', () => {
    holds(FUNDS, RULES);
    expect(check(FUNDS).findings.filter(([, s]) => s === 'error')).toEqual([]);
  });

  it('gf-balance fires at the row whose 年末结转和结余 is changed', () => {
    const from = fundLine('212 08 04', '农村基础设施建设支出', '1.00', '10.00', '9.00', '4.00', '5.00', '2.00');
    const t = change(FUNDS, from, from.replace(/2\.00$/, '2.50'));
    const f = check(t).findings.filter(([r]) => r === 'gf-balance');
    expect(f).toEqual([['gf-balance', 'error', '212 08 04 农村基础设施建设支出', 'opening']]);
  });

  it('soe-balance fires on 合计 when its 本年收入 is changed', () => {
    const from = fundLine('合计', '', '0.00', '5.00', '5.00', '0.00', '5.00', '0.00');
    const t = change(FUNDS, from, fundLine('合计', '', '0.00', '6.00', '5.00', '0.00', '5.00', '0.00'));
    expect(check(t).findings.filter(([r]) => r === 'soe-balance')).toEqual([['soe-balance', 'error', '合计', 'opening']]);
  });

  it('F-fiscal-gf fires at the 政府性基金 table’s 合计 when its 本年支出 no longer matches the 总表', () => {
    const from = fundLine('合计', '', '1.00', '10.00', '9.00', '4.00', '5.00', '2.00');
    const t = change(FUNDS, from, fundLine('合计', '', '1.00', '10.00', '9.50', '4.00', '5.00', '2.00'));
    expect(check(t).findings.filter(([r]) => r === 'F-fiscal-gf')).toEqual([['F-fiscal-gf', 'error', '合计', 'spend.total']]);
  });

  it('F-fiscal-soe and F-fiscal-fund-soe fire when the 总表’s 本年支出合计·国有资本经营 is changed', () => {
    const from = fiscalLine('本年收入合计', '2,955.05', '本年支出合计', '2,954.05', '2,940.05', '9.00', '5.00');
    const t = change(FUNDS, from, fiscalLine('本年收入合计', '2,955.05', '本年支出合计', '2,954.05', '2,940.05', '9.00', '6.00'));
    const f = check(t).findings.filter(([r]) => r === 'F-fiscal-soe' || r === 'F-fiscal-fund-soe');
    expect(f).toEqual([
      ['F-fiscal-fund-soe', 'error', '三、国有资本经营预算财政拨款', 'l.amount'],
      ['F-fiscal-soe', 'error', '合计', 'spend.total'],
    ]);
  });

  it('F-fiscal-fund-gf fires when the 政府性基金 line under 年初结转和结余 is changed', () => {
    const t = change(FUNDS, fiscalLine('二、政府性基金预算财政拨款', '1.00'), fiscalLine('二、政府性基金预算财政拨款', '1.50'));
    expect(check(t).findings.filter(([r]) => r === 'F-fiscal-fund-gf')).toEqual([['F-fiscal-fund-gf', 'error', '二、政府性基金预算财政拨款', 'l.amount']]);
  });
});

describe('财政拨款“三公”经费支出决算表', () => {
  // The document prints 预算数 | 决算数 under each item; some publishers print one figure per item
  // and no qualifier line. Reprinted that way, the unqualified row sums (rows 5 and 6) run.
  const lines = FINAL.split('\n');
  const q = lines.findIndex((l) => /^预算数\s+决算数/.test(l));
  const figuresAt = lines.findIndex((l, i) => i > q && /0\.95/.test(l));
  const columns = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
  const LABELS: [string, number][] = [['合计', q - 5], ['因公出国（境）费', q - 5], ['小计', q - 4], ['公务用车购置费', q - 3], ['公务用车运行费', q - 4], ['公务接待费', q - 4]];
  /** One figure centred under each item's label. */
  const unqualified = (values: string[]) => {
    let line = '';
    LABELS.forEach(([label, at], k) => {
      const centre = lines[at].indexOf(label) + columns(label) / 2;
      line = line.padEnd(Math.round(centre - values[k].length / 2)) + values[k];
    });
    return [...lines.slice(0, q), '', ...lines.slice(q + 1, figuresAt), line, ...lines.slice(figuresAt + 1)].join('\n');
  };
  const threeFindings = (t: string) => check(t).findings.filter(([r]) => (r as string).startsWith('three'));

  it('without the 预算数/决算数 line: rows 5 and 6 run and hold', () => {
    const t = unqualified(['1.50', '0.30', '0.70', '0.20', '0.50', '0.50']);
    expect(check(t).run).toEqual(expect.arrayContaining(['three-row5', 'three-row6']));
    expect(threeFindings(t)).toEqual([]);
  });

  it('row 5 fires at 合计 when 公务接待费 is changed', () => {
    expect(threeFindings(unqualified(['1.50', '0.30', '0.70', '0.20', '0.50', '0.60']))).toEqual([['three-row5', 'error', '合计', 'total']]);
  });

  it('row 6 fires at 公务用车购置及运行费 when 公务用车购置费 is changed (and row 5 holds)', () => {
    expect(threeFindings(unqualified(['1.50', '0.30', '0.70', '0.30', '0.50', '0.50']))).toEqual([['three-row6', 'error', '合计', 'car.total']]);
  });

  it.each(['2024年度一般公共预算财政拨款“三公”经费支出决算表', '“三公”经费支出决算表', '财政拨款“三公”经费决算情况表'])('is found under the title %s', (title) => {
    const t = FINAL.replace(/^( {10,})财政拨款“三公”经费支出决算表$/m, `$1${title}`);
    expect(t).toContain(title);
    expect(readText(t, { classification }).grid!.tables.map((x) => x.id)).toContain('three');
    expect(check(t).run).toEqual(expect.arrayContaining(['three-row1', 'three-row2']));
  });
});

describe('the fund tables’ header as the document prints it', () => {
  it('reads 本年收入, printed between the two lines of 年初结转和 | 结余 and beside 小计, as a column of its own', () => {
    // Without it gf-balance and soe-balance could not run on the text (the PDF always read it).
    const tables = readText(FINAL, { classification }).grid!.tables;
    for (const id of ['gf', 'soe'])
      expect(leaves(tables.find((t) => t.id === id)!.header).map((c) => c.key)).toEqual(['code', 'name', 'opening', 'income', 'spend.total', 'basic', 'project', 'closing']);
  });
});
