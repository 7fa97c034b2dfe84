/**
 * The 说明 checks on a 说明 written from yusuan's own tables (both examples): it gives no finding,
 * every figure it names is compared with the table that prints it, and copies with one defect
 * each — a changed figure, a wrong direction word, an XX局 placeholder, a wrong year, 本单位 in a
 * 部门 document, a listed table left out — give exactly that finding.
 */
import { describe, expect, it } from 'vitest';
import { pairings } from '../../../src/disclosure/narrative/against-tables.ts';
import { narrativeContext } from '../../../src/disclosure/narrative/context.ts';
import { checkNarrative, linesOfText, type NarrativeFinding } from '../../../src/disclosure/narrative/index.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';
import { explanation, pagesText } from './explanation.ts';

const previous = { total: 290_000_000, gpb: 240_000_000, threePublic: 7_700_000 };
const brief = (f: NarrativeFinding) => `${f.rule} ${Object.values(f.params).join(' ')}`;

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

describe('copies of the seed 说明 with one defect each', () => {
  const { tables } = loadExample(SEED_DIR);
  const text = pagesText(explanation(tables, 2024, previous));
  const found = (t: string, ts = tables) => checkNarrative(linesOfText(t), ts);
  const once = (from: string, to: string, nth = 0) => {
    const at = text.split(from, nth + 1).join(from).length;
    expect(text.indexOf(from, at), `“${from}” not in the text`).toBe(at);
    return text.slice(0, at) + to + text.slice(at + from.length);
  };

  it('a changed figure: 收入预算313.74万元 against the 收入总计 303.74 of 收支总表', () => {
    const f = found(once('收入预算303.74万元', '收入预算313.74万元'));
    expect(f.map(brief)).toEqual(['N-figure 收入总计 total revenue 313.74万元 收支总表 收入总计·收入/预算数 303.74万元']);
    expect(f[0]).toMatchObject({ table: '01', expected: 303_740_000, found: 313_740_000, place: { page: 3, line: 7 } });
  });

  it('a wrong direction word: 增加 where 7.29 is below last year’s 7.70', () => {
    const f = found(once('比上年减少0.41万元，下降5.32%', '比上年增加0.41万元，增长5.32%'));
    expect(f.map(brief)).toEqual(['N-change-direction 增加 7.29万元 7.70万元 -0.41万元']);
  });

  it('a percentage that does not follow from the figures', () => {
    expect(found(once('增长4.74%', '增长4.47%')).map(brief)).toEqual(['N-change-percent 增加 4.47% 303.74万元 290.00万元 4.74%']);
  });

  it('an XX局 placeholder on the cover', () => {
    const f = found(once(`${tables[0].filer}\n`, '湖南省XX局\n'));
    expect(f.map(brief)).toEqual(['N-placeholder XX局']);
    expect(f[0].place).toMatchObject({ page: 1, line: 1 });
  });

  it('a heading for another year, and a comparison with a year that is not the last', () => {
    expect(found(once('第一部分 2024年部门预算说明', '第一部分 2023年部门预算说明', 1)).map(brief)).toEqual(['N-year-title 2023 2024']);
    expect(found(once('与2023年相比', '与2022年相比')).map(brief)).toEqual(['N-year-compare 2022 2024 2023']);
  });

  it('本单位 in a 部门 document', () => {
    expect(found(once('本部门无政府性基金预算支出', '本单位无政府性基金预算支出')).map(brief)).toEqual(['N-wording 部门预算 department document 本单位 本部门 3']);
  });

  it('a 目录 that lists a table the document does not print', () => {
    const without14 = tables.filter((t) => t.id !== '14');
    const text14 = text.replace(/\n.*“三公”经费预算数为.*$/m, '');
    expect(found(text14, without14).map(brief)).toEqual(['N-contents 一般公共预算“三公”经费支出表']);
  });
});
