/**
 * The 说明 checks on a 说明 written from yusuan's own tables (both examples) and on the whole
 * document yusuan's 说明 writer prints: no finding, every figure named is compared with the table
 * that prints it, and for every rule a copy with one defect gives exactly that finding more.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pairings } from '../../../src/disclosure/narrative/against-tables.ts';
import { narrativeContext } from '../../../src/disclosure/narrative/context.ts';
import { checkNarrative, linesOfText, NARRATIVE_RULES, renderNarrative, type NarrativeFinding } from '../../../src/disclosure/narrative/index.ts';
import type { NarrativeRuleId } from '../../../src/disclosure/narrative/rules.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';
import { explanation, pagesText } from './explanation.ts';

const previous = { total: 290_000_000, gpb: 240_000_000, threePublic: 7_700_000 };
const brief = (f: NarrativeFinding) => `${f.rule} ${Object.entries(f.params).flatMap(([k, v]) => (k === 'labelEn' ? [] : [v])).join(' ')}`;

for (const dir of [SEED_DIR, MULTI_DIR]) {
  describe(`a 说明 written from ${dir}`, () => {
    const { tables } = loadExample(dir);
    const pages = explanation(tables, 2024, previous);
    const text = pagesText(pages);

    it('has no finding', () => {
      expect(checkNarrative(linesOfText(text), tables).map(brief)).toEqual([]);
    });

    it('names nine figures the tables print, each equal to the table', () => {
      const pairs = pairings(narrativeContext(linesOfText(text)), tables);
      expect(pairs.map((p) => p.concept.id)).toEqual(['incomeTotal', 'spendingTotal', 'grandTotal', 'gpbSpending', 'fiscalTotal', 'threePublic', 'abroad', 'cars', 'reception']);
      expect(pairs.map((p) => [p.table.table.id, p.figure.value])).toEqual(pairs.map((p) => [p.table.table.id, p.table.value]));
      expect(pairs.map((p) => p.table.table.id)).toEqual(['01', '01', '01', '07', '06', '14', '14', '14', '14']);
    });
  });
}

describe('every 说明 rule fires: copies with one defect give exactly that finding more than the original', () => {
  const { tables } = loadExample(SEED_DIR);
  const generated = pagesText(explanation(tables, 2024, previous));
  const sources: Record<string, { text: string; tables: typeof tables }> = {
    generated: { text: generated, tables },
    caizhengju: { text: readFileSync(new URL('fixtures/sh-putuo-2024-caizhengju-final.txt', import.meta.url), 'utf8'), tables: [] },
    sifaju: { text: readFileSync(new URL('fixtures/sh-putuo-2026-sifaju-dept-budget.txt', import.meta.url), 'utf8'), tables: [] },
  };
  const cases: { rule: NarrativeRuleId; source: string; from: string; to: string; nth?: number }[] = [
    { rule: 'N-figure', source: 'generated', from: '收入预算303.74万元', to: '收入预算313.74万元' },
    { rule: 'N-change-direction', source: 'generated', from: '比上年减少0.41万元，下降5.32%', to: '比上年增加0.41万元，增长5.32%' },
    { rule: 'N-change-amount', source: 'generated', from: '比上年减少0.41万元', to: '比上年减少0.51万元' },
    { rule: 'N-change-percent', source: 'generated', from: '增长4.74%', to: '增长4.47%' },
    { rule: 'N-change-base', source: 'generated', from: '比2023年减少11.26万元，下降4.69%', to: '比2023年增加311.26万元' },
    { rule: 'N-change-words', source: 'generated', from: '比上年减少0.41万元，下降5.32%', to: '比上年减少0.41万元，增长5.32%' },
    { rule: 'N-item', source: 'sifaju', from: '行政运行（01项）1672.67万元', to: '行政运行（01项）1627.67万元' },
    { rule: 'N-share', source: 'generated', from: '占62.49%', to: '占64.29%' },
    { rule: 'N-execution', source: 'caizhengju', from: '决算数小于预算数的主要原因：因年度工作计划安排', to: '决算数大于预算数的主要原因：因年度工作计划安排' },
    { rule: 'N-execution-rate', source: 'caizhengju', from: '98.20%', to: '98.02%' },
    { rule: 'N-placeholder', source: 'generated', from: `${tables[0].filer}\n`, to: '湖南省XX局\n' },
    { rule: 'N-year-title', source: 'generated', from: '第一部分 2024年部门预算说明', to: '第一部分 2023年部门预算说明', nth: 1 },
    { rule: 'N-year-compare', source: 'generated', from: '与2023年相比', to: '与2022年相比' },
    { rule: 'N-wording', source: 'generated', from: '本部门无政府性基金预算支出', to: '本单位无政府性基金预算支出' },
    { rule: 'N-contents', source: 'generated', from: '预算23表 部门整体支出绩效目标表\n', to: '预算23表 部门整体支出绩效目标表\n预算24表 项目支出绩效目标表\n' },
  ];

  it('the cases cover the catalogue', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(NARRATIVE_RULES.map((r) => r.id)));
  });

  for (const c of cases) {
    it(`${c.rule}: “${c.from.trim()}” → “${c.to.trim()}”`, () => {
      const { text, tables: ts } = sources[c.source];
      const at = text.split(c.from, (c.nth ?? 0) + 1).join(c.from).length;
      expect(text.indexOf(c.from, at), `“${c.from}” not in the ${c.source} text`).toBe(at);
      const before = checkNarrative(linesOfText(text), ts).map(brief);
      const after = checkNarrative(linesOfText(text.slice(0, at) + c.to + text.slice(at + c.from.length)), ts).map(brief);
      const added = after.filter((f) => !before.includes(f));
      expect(added.map((f) => f.split(' ')[0])).toEqual([c.rule]);
      expect(after.length).toBe(before.length + 1);
    });
  }

  it('持平 between two different figures, and a figure named by the label before its colon (收入预算：…)', () => {
    expect(checkNarrative(linesOfText(generated.replace('比上年减少0.41万元，下降5.32%', '与上年持平')), tables).map(brief)).toEqual([
      'N-change-direction 持平 7.29万元 7.70万元 -0.41万元',
    ]);
    const hunan = '=== page 1 ===\n湖南省对外科技交流中心2024年部门预算\n（一）收入预算：2024年年初预算数313.74万元，其中，一般公共预算拨款216.30万元。';
    expect(checkNarrative(linesOfText(hunan), tables).map(brief)).toEqual(['N-figure 收入总计 313.74万元 收支总表 收入总计·收入/预算数 303.74万元']);
  });

  it('a finding names the sentence and the figures compared', () => {
    const text = generated.replace('收入预算303.74万元', '收入预算313.74万元');
    const [f] = checkNarrative(linesOfText(text), tables);
    expect(f).toMatchObject({ table: '01', expected: 303_740_000, found: 313_740_000, place: { page: 3, line: 7 } });
    expect(f.message).toBe('第3页第7行“1.收入预算：2024年本部门收入预算313.74万元，其中，一般公共预算拨款216.30万元。”：说明称收入总计为313.74万元，而收支总表的收入总计·收入/预算数为303.74万元');
    expect(renderNarrative(f, 'en')).toBe('page 3, line 7 “1.收入预算：2024年本部门收入预算313.74万元，其中，一般公共预算拨款216.30万元。”: the text states Total revenue as 313.74万元, but Summary of revenue and expenditure prints 303.74万元 at Total revenue · Revenue / Budget');
  });
});

describe('the whole document yusuan writes (fixtures/yusuan-hunan-104012-2024.txt, a snapshot of the 说明 writer)', () => {
  const { tables } = loadExample(SEED_DIR);
  const text = readFileSync(new URL('fixtures/yusuan-hunan-104012-2024.txt', import.meta.url), 'utf8');
  const found = (t: string) => checkNarrative(linesOfText(t), tables).map(brief);

  it('has no finding, and its figures are compared with the tables', () => {
    expect(found(text)).toEqual([]);
    expect(pairings(narrativeContext(linesOfText(text)), tables).length).toBeGreaterThanOrEqual(8);
  });

  it('copies with a changed figure, a wrong direction word or an XX局 placeholder give exactly that', () => {
    expect(found(text.replace('收入预算总计303.74万元', '收入预算总计313.74万元'))).toEqual(['N-figure 收入总计 313.74万元 收支总表 收入总计·收入/预算数 303.74万元']);
    expect(found(text.replace('比上年增加7.14万元，增长3.22%', '比上年减少7.14万元，下降3.22%'))).toEqual(['N-change-direction 减少 228.74万元 221.60万元 7.14万元']);
    expect(found(text.replace(/^湖南省对外科技交流中心$/m, '湖南省XX局'))).toEqual(['N-placeholder XX局']);
  });
});
