/**
 * Where the tables PDF breaks pages in tables of tall rows (绩效目标 paragraphs): a row moves to
 * the next page whole, the last row keeps the notes company, only a row taller than a whole page
 * is cut (between its lines, every line printed once), and a number is never broken over lines.
 */
import { describe, expect, it } from 'vitest';
import { pdfBuffer } from '../../../src/formats/pdf.ts';
import { Glyphs } from '../../../src/formats/pdf/glyphs.ts';
import type { Table } from '../../../src/ir/table.ts';
import { headerText, readBack, squash, tableRanges } from './read-back.ts';

const SENTENCE = '提升对外开放合作水平，支持外贸新业态企业≥100家，举办重点招商活动≥12场；';

function goalsTable(goals: string[], notes: string[] = []): Table {
  return {
    id: '21',
    mark: '预算21表',
    title: '项目支出绩效目标表',
    filer: '测试部门',
    unit: '万元',
    header: [
      { label: '项目名称', key: 'name', kind: 'text' },
      { label: '绩效目标', key: 'goal', kind: 'text' },
      { label: '预算数', key: 'amount', kind: 'amount' },
    ],
    rows: goals.map((g, i) => ({ kind: 'project', indent: 0, cells: [`项目${i + 1}`, g, (i + 1) * 1_230_000] })),
    notes,
    empty: false,
  };
}

/** A page's text without the table header and the page number. */
const body = (page: string, t: Table) => squash(page).replace(headerText(t), '').replace(/第\d+页，共\d+页/, '');

describe('page breaks of the tables PDF', () => {
  it('moves a row that does not fit to the next page whole, under the repeated header', async () => {
    // Rows of 2 to 12 sentences: several pages, with rows of many lines at the page ends.
    const goals = Array.from({ length: 40 }, (_, i) => `目标${i + 1}：${SENTENCE.repeat(2 + (i % 11))}`);
    const t = goalsTable(goals, ['备注：绩效目标按项目填列。']);
    const { pages } = await readBack(await pdfBuffer([t]));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(squash(p)).toContain(headerText(t));
    goals.forEach((g, i) => {
      const whole = squash(`项目${i + 1}${g}${((i + 1) * 1.23).toFixed(2)}`);
      expect(pages.filter((p) => squash(p).includes(whole)), `row ${i + 1}`).toHaveLength(1);
    });
    // The notes follow the last row on its page.
    expect(squash(pages[pages.length - 1])).toContain(squash(`${goals[goals.length - 1]}49.20备注：绩效目标按项目填列。`));
  });

  it('cuts only a row taller than a page, between its lines, printing each line once', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${String(i + 1).padStart(3, '0')}句${SENTENCE}`).join('');
    const t = goalsTable(['短目标。', long, '末目标。']);
    const { pages } = await readBack(await pdfBuffer([t]));
    const [[start, end]] = tableRanges(pages, [t]);
    expect(end - start).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(squash(p)).toContain(headerText(t));
    const text = pages.map((p) => body(p, t)).join('');
    // The row's name and amount print with its first lines; its goal runs on over the pages.
    expect(text.replace('2.46', '')).toContain(squash(long));
    for (let i = 1; i <= 400; i++) expect(text.split(`第${String(i).padStart(3, '0')}句`), `sentence ${i}`).toHaveLength(2);
    // The short row before it is not cut off with it: it ends the first page.
    expect(body(pages[0], t)).toContain('项目1短目标。1.23');
  });

  it('never breaks a number or a Latin word over two lines', () => {
    // 1 em for Chinese, half an em for the rest: lines of 10 em.
    const glyphs = new Glyphs((ch) => (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1));
    const lines = glyphs.wrap('支持外贸新业态企业≥100家，培训2000人次，ABCD系统上线', 10, 1);
    expect(lines.join('')).toBe('支持外贸新业态企业≥100家，培训2000人次，ABCD系统上线');
    for (const l of lines) expect(glyphs.em(l)).toBeLessThanOrEqual(10);
    for (let i = 1; i < lines.length; i++) expect(`${lines[i - 1].slice(-1)}${lines[i][0]}`, lines.join('|')).not.toMatch(/^[0-9A-Za-z]{2}$/);
    // A word wider than the line is broken after all rather than run out of its cell.
    expect(glyphs.wrap('12345678901234567890123', 10, 1)).toEqual(['12345678901234567890', '123']);
  });
});
