/** A 目录 page lists every table by mark, title and page number; its lines must not open tables. */
import { describe, expect, test } from 'vitest';
import { cachedClassification } from '../../../../src/classification/load.ts';
import { layoutSet } from '../../../../src/disclosure/layouts/index.ts';
import { findSections } from '../../../../src/disclosure/read/text/sections.ts';

const set = layoutSet('hunan-23', cachedClassification(2024));
const table01 = ['预算01表', '收支总表', '单位名称：某单位                                单位：万元', '项目  预算数', '合计  12.00'];

describe('contents entries', () => {
  test.each([
    ['without a leader', ['   预算01表 收支总表                                   7', '   预算03表 支出总表                                   9']],
    ['with a dot leader', ['预算01表 收支总表 ……………… 7', '预算03表 支出总表.........9']],
    [
      'wrapped onto a second line',
      ['   预算10表 一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经    16', '   济分类)'],
    ],
  ])('%s are skipped without a reading note', (_, contents) => {
    const { sections, warnings } = findSections(['目 录', ...contents, '', ...table01], set);
    expect(warnings).toEqual([]);
    expect(sections.map((s) => s.id)).toEqual(['01']);
    expect(sections[0].filer).toBe('某单位');
    expect(sections[0].lines.join('\n')).toContain('合计  12.00');
  });

  test('a table whose title line is not a known title still opens by its mark, with a note', () => {
    const { sections, warnings } = findSections(['预算01表', '收支总览', '单位：万元', '合计 1.00'], set);
    expect(sections.map((s) => s.id)).toEqual(['01']);
    expect(warnings).toEqual(['预算01表：标题“收支总览”与版式不符，按表号识别']);
  });
});
