/**
 * The 说明 checks on real Shanghai disclosures (fixtures/, with their sources). What the text
 * states is read without any table; the defects these documents really print are found, by their
 * printed figures, and the documents without one give no finding. The 决算 of 区财政局 is also
 * checked against its tables: as transcribed from its pages, and as the disclosure reader reads
 * them (the whole audit).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/disclosure/audit/audit.ts';
import { pairings } from '../../../src/disclosure/narrative/against-tables.ts';
import { narrativeContext } from '../../../src/disclosure/narrative/context.ts';
import { checkNarrative, linesOfText, type NarrativeFinding } from '../../../src/disclosure/narrative/index.ts';
import { loadClassification } from '../../../src/classification/load.ts';
import { caizhengjuTables, sifajuTables } from './printed-tables.ts';

const fixture = (name: string) => new URL(`fixtures/${name}.txt`, import.meta.url);
const lines = (name: string) => linesOfText(readFileSync(fixture(name), 'utf8'));
const classification = loadClassification(2024);

/** A finding as the figures it compares: rule and parameters (no page, which the PDF counts alike but lines not). */
const brief = (f: NarrativeFinding) => `${f.rule} ${Object.entries(f.params).flatMap(([k, v]) => (k === 'labelEn' ? [] : [v])).join(' ')}`;

describe('statements read from the 说明 alone', () => {
  it('finds the totals, differences and percentages of the 决算 text, with their units and subjects', () => {
    const ctx = narrativeContext(lines('sh-putuo-2024-caizhengju-final'));
    expect(ctx.year).toBe(2024);
    const s = ctx.sentences.find((x) => x.text.includes('财政拨款收入支出总计0.3万元'))!;
    expect({ page: s.page, figures: s.figures.map((f) => [f.kind, f.text, f.value, f.subject]) }).toEqual({
      page: 21,
      figures: [['amount', '0.3万元', 300_000, '上海市普陀区财政局2024年度财政拨款收入支出总计']],
    });
    const change = ctx.sentences.find((x) => x.text.startsWith('与2023年度相比，收入支出总计'))!;
    expect(change.figures.map((f) => [f.kind, f.value, f.step, f.subject])).toEqual([
      ['amount', 56_950_000, 10_000, '收入支出总计减少'],
      ['percent', 1.87, 0.01, '下降'],
    ]);
    // A sentence broken by a page and by pdftotext's reordered lines is still one sentence.
    expect(ctx.sentences.some((x) => x.text === '七、财政拨款“三公”经费支出决算情况说明')).toBe(true);
  });

  it('reads justified, letter-spaced text as the words it prints', () => {
    const ctx = narrativeContext(lines('sh-putuo-2024-caizhengju-final-injected'));
    const s = ctx.sentences.find((x) => x.text.startsWith('本年收入合计2946.25万元'))!;
    expect(s.figures.map((f) => f.text)).toEqual(['2946.25万元', '2940.05万元', '99.79%', '6.2万元', '0.21%']);
  });

  it('reads amounts with thousands separators exactly', () => {
    const ctx = narrativeContext(lines('sh-putuo-2025-zfb-dept-budget'));
    const s = ctx.sentences.find((x) => x.text.includes('收入预算9,101.68万元'))!;
    expect(s.figures[0]).toMatchObject({ value: 9_101_680_000, step: 10_000 });
  });
});

describe('real defects found in the text alone, and none where there is none', () => {
  const cases: Record<string, string[]> = {
    // 一般公共服务支出 2106.66万元 of 2940.05万元 is 71.65%, not the 71.73% printed (the four shares
    // printed add up to 100.07%).
    'sh-putuo-2024-caizhengju-final': ['N-share 71.73% 2106.66万元 2940.05万元 71.65%'],
    'sh-putuo-2024-fuliyuan-unit-budget': [],
    'sh-putuo-2025-zfb-dept-budget': [],
    'sh-putuo-2025-zfb-unit-budget': [],
    // 政府性基金 0万元 "比2022年预算增加1421.25万元" (copied from the line above); two 项 whose
    // percentage does not follow from the figures printed with it; 职业年金 headed 220.63万元 with
    // "2023年预算安排441.25万元" copied from the item above.
    'sh-putuo-2023-wanli-dept-budget': [
      'N-change-base 增加 0万元 1421.25万元 -1421.25万元',
      'N-change-percent 增加 314.82% 45.41万元 11.67万元 289.12%',
      'N-change-percent 增加 60.54% 441.25万元 132.59万元 232.79%',
      'N-item 220.63万元 441.25万元',
    ],
    // 其他司法支出 "2025年当年预算执行数为43269.3万元" (3269.3); 17.66% copied from the item above;
    // 住房公积金 "预算安排201.50万元" under a heading of 208.8万元; and "比2026年预算" in a 2026 budget.
    'sh-putuo-2026-sifaju-dept-budget': [
      'N-change-direction 增加 3845.49万元 43269.3万元 -39423.81万元',
      'N-change-percent 增加 17.66% 91.97万元 77.99万元 17.93%',
      'N-change-percent 增加 5.27% 201.50万元 198.34万元 1.59%',
      'N-item 208.8万元 201.50万元',
      'N-year-compare 2026 2026 2025',
      'N-year-compare 2026 2026 2025',
      'N-year-compare 2026 2026 2025',
    ],
    // Figures copied between the 单位 and 部门 texts: rates, directions and 预算安排 that do not fit.
    'sh-putuo-2026-sifaju-unit-budget': [
      'N-change-percent 减少 1.10% 1434.89万元 1690.69万元 15.13%',
      'N-change-direction 减少 57.8万元 57.43万元 0.37万元',
      'N-change-direction 增加 170.03万元 241.76万元 -71.73万元',
      'N-item 56.12万元 57.8万元',
      'N-item 207万元 170.03万元',
    ],
    // The checker author's planted defects: 收入支出总计 "0 万元" (so 下降1.87% no longer follows),
    // 决算数大于/等于预算数 against the figures, the XX局 placeholder, a 2023 heading, 支出决算表 removed;
    // and the original's own 71.73%.
    'sh-putuo-2024-caizhengju-final-injected': [
      'N-change-percent 减少 1.87% 0万元 56.95万元 100.00%',
      'N-execution 大于 1560.05万元 1511.89万元',
      'N-execution 大于 80.81万元 80.38万元',
      'N-execution 等于 62.29万元 60.99万元',
      'N-share 71.73% 2106.66万元 2940.05万元 71.65%',
      'N-placeholder XX局',
      'N-year-title 2023 2024',
      'N-contents 支出决算表',
    ],
  };
  for (const [name, expected] of Object.entries(cases)) {
    it(name, () => {
      expect(checkNarrative(lines(name), []).map(brief)).toEqual(expected);
    });
  }
});

describe('the 决算 of 区财政局 against its tables', () => {
  it('as printed: 财政拨款收入支出总计0.3万元 against the 总计 2,961.68 of 财政拨款收入支出决算总表, besides its 71.73%', () => {
    const found = checkNarrative(lines('sh-putuo-2024-caizhengju-final'), caizhengjuTables());
    expect(found.map(brief)).toEqual([
      'N-figure 财政拨款收支总计 0.3万元 财政拨款收入支出决算总表 总计·收入/决算数 2961.68万元',
      'N-share 71.73% 2106.66万元 2940.05万元 71.65%',
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', expected: 2_961_680_000, found: 300_000, place: { page: 21 } });
    expect(found[0].message).toContain('财政拨款收入支出总计0.3万元');
  });

  it('the text figures it compares are the ones the tables print', () => {
    const ctx = narrativeContext(lines('sh-putuo-2024-caizhengju-final'));
    const pairs = pairings(ctx, caizhengjuTables()).map((p) => `${p.concept.id} ${p.figure.text} ${p.table.value}`);
    expect(pairs).toEqual([
      'grandTotal 2995.39万元 2995390000',
      'yearIncome 2946.25万元 2946250000',
      'fiscalIncome 2940.05万元 2940050000',
      'yearSpending 2940.05万元 2940050000',
      'fiscalTotal 0.3万元 2961680000',
      'gpbSpending 2940.05万元 2940050000',
      'gpbSpending 2940.05万元 2940050000',
      'threePublic 0.95万元 950000',
      'reception 0.00万元 0',
    ]);
  });

  it('the injected copy: its 0 万元 total against 2,995.39, with the defects of its text', () => {
    const found = checkNarrative(lines('sh-putuo-2024-caizhengju-final-injected'), caizhengjuTables().filter((t) => t.title !== '支出决算表'));
    expect(found.filter((f) => f.rule === 'N-figure').map(brief)).toEqual(['N-figure 收支总计 0万元 收入支出决算总表 总计·收入/决算数 2995.39万元']);
    expect(found.map((f) => f.rule)).toContain('N-placeholder');
  });

  it('read by the disclosure reader: the audit reports 0.3万元 against 2,961.68', async () => {
    const { report } = await audit(fileURLToPath(fixture('sh-putuo-2024-caizhengju-final')), 'auto', classification);
    const figures = report.findings.filter((f) => f.rule === 'N-figure' && f.severity === 'error');
    expect(figures.map((f) => [f.expected, f.found])).toEqual([[2_961_680_000, 300_000]]);
  });
  it('read by the disclosure reader: the injected copy heads its tables 上海市普陀区XX局', async () => {
    const { report } = await audit(fileURLToPath(fixture('sh-putuo-2024-caizhengju-final-injected')), 'auto', classification);
    expect(report.findings.filter((f) => f.rule === 'N-placeholder').map((f) => (f as NarrativeFinding).params.placeholder)).toEqual(['XX局']);
  });
});

describe('the 部门预算 of 司法局 against its tables (元 and 万元 tables, Shanghai headers)', () => {
  it('every figure its 说明 names for 收支, 一般公共预算, “三公” and 机关运行经费 is the printed one', () => {
    const ctx = narrativeContext(lines('sh-putuo-2026-sifaju-dept-budget'));
    const pairs = pairings(ctx, sifajuTables()).map((p) => `${p.concept.id} ${p.figure.text} ${p.table.table.id}`);
    expect(pairs).toEqual([
      'incomeTotal 9628.22万元 1',
      'fiscalIncome 9628.22万元 1',
      'spendingTotal 9628.22万元 1',
      'gpbSpending 9628.22万元 5',
      'threePublic 10.81万元 9',
      'abroad 0万元 9',
      'cars 9.98万元 9',
      'carPurchase 0万元 9',
      'carRunning 9.98万元 9',
      'reception 0.83万元 9',
      'operation 217.83万元 9',
    ]);
    expect(checkNarrative(ctx.lines, sifajuTables()).filter((f) => f.rule === 'N-figure')).toEqual([]);
  });

  it('a 机关运行经费 the table prints otherwise is found', () => {
    const tables = sifajuTables();
    const t9 = tables.find((t) => t.id === '9')!;
    t9.rows[0].cells[7] = 207_830_000;
    expect(checkNarrative(lines('sh-putuo-2026-sifaju-dept-budget'), tables).filter((f) => f.rule === 'N-figure').map(brief)).toEqual([
      'N-figure 机关运行经费 217.83万元 2026年部门“三公”经费和机关运行经费预算表 合计·机关运行经费预算数 207.83万元',
    ]);
  });
});

describe('items of spending by 项 against the 一般公共预算 table', () => {
  it('by code in a budget (公共安全支出（204类）司法（06款）行政运行（01项）): none of the 13 of 司法局 differs; a changed one does', () => {
    const text = readFileSync(fixture('sh-putuo-2026-sifaju-dept-budget'), 'utf8');
    const figures = (t: string) => checkNarrative(linesOfText(t), sifajuTables()).filter((f) => f.rule === 'N-figure').map(brief);
    expect(figures(text)).toEqual([]);
    expect(figures(text.replace('司法（06款）行政运行（01项）1672.67万元', '司法（06款）行政运行（01项）1627.67万元'))).toEqual([
      'N-figure 行政运行（项） 1627.67万元 2026年部门一般公共预算支出功能分类预算表 行政运行·合计 16726725.44元',
    ]);
  });

  it('by name under its 款 and 类 in a 决算 (支出决算为…): none of the 11 of 区财政局 differs; a changed one does', () => {
    const text = readFileSync(fixture('sh-putuo-2024-caizhengju-final'), 'utf8');
    const figures = (t: string) => checkNarrative(linesOfText(t), caizhengjuTables()).filter((f) => f.rule === 'N-figure').map(brief);
    expect(figures(text)).toEqual(['N-figure 财政拨款收支总计 0.3万元 财政拨款收入支出决算总表 总计·收入/决算数 2961.68万元']);
    const changed = text.replace('支出决算为187.19万元', '支出决算为178.19万元');
    expect(figures(changed).slice(1)).toEqual(['N-figure 住房公积金（项） 178.19万元 一般公共预算财政拨款支出决算表 住房公积金·合计 187.19万元']);
  });
});
