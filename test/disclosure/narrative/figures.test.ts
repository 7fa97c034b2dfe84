/** Figures and subjects of a sentence, and sentences from lines (units, rounding steps, clause marks). */
import { describe, expect, it } from 'vitest';
import { linesOfText } from '../../../src/disclosure/narrative/document.ts';
import { bare, figuresOf } from '../../../src/disclosure/narrative/figures.ts';
import { sentences } from '../../../src/disclosure/narrative/prose.ts';

describe('figures of a sentence', () => {
  it('reads 元, 万元 and 亿元 exactly in 分, with the step they were printed to', () => {
    const f = figuresOf('支出预算96,282,213.44元，其中项目支出1.2亿元，基本支出686万元，其他0万元。');
    expect(f.map((x) => [x.text, x.value, x.step])).toEqual([
      ['96,282,213.44元', 9_628_221_344, 1],
      ['1.2亿元', 12_000_000_000, 1_000_000_000],
      ['686万元', 686_000_000, 1_000_000],
      // "0万元" says there is none: exact, not rounded to whole 万元
      ['0万元', 0, 1],
    ]);
  });

  it('gives each figure the words since the last clause mark or figure, keeping names with brackets whole', () => {
    const f = figuresOf('其中：因公出国（境）费0.00万元，比2023年度增加2.55万元，增长1.40%；“三公”经费预算数为7.29万元');
    expect(f.map((x) => bare(x.subject))).toEqual(['因公出国（境）费', '比2023年度增加', '增长', '“三公”经费预算数']);
    expect(f[2]).toMatchObject({ kind: 'percent', value: 1.4, step: 0.01 });
  });
});

describe('sentences of a document', () => {
  it('joins wrapped lines and pages, leaves table rows out and starts a sentence at an enumerator', () => {
    const text = [
      '=== page 1 ===',
      '  一般公共预算财政拨款支出 2940.05 万元，占本年支出合计',
      '的 100.00%。与 2023 年度相比，减',
      '=== page 2 ===',
      '少 63.14 万元。',
      '一、一般公共预算财政拨款收入      2,940.05   一、一般公共服务支出        2,106.66',
      '（一）“三公”经费',
      '1、行政运行（项）10.00万元',
    ].join('\n');
    expect(sentences(linesOfText(text)).map((s) => [s.page, s.line, s.text, s.heading])).toEqual([
      [1, 1, '一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。', false],
      [1, 2, '与2023年度相比，减少63.14万元。', false],
      [2, 3, '（一）“三公”经费', true],
      [2, 4, '1、行政运行（项）10.00万元', false],
    ]);
  });
});
