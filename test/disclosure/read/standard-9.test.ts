/**
 * The nine-table layout: a disclosure of the seed unit's budget in that layout, in 元 (fixture),
 * read back and compared with the Hunan tables built from the same budget.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/disclosure/audit/audit.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { leaves, type Table } from '../../../src/ir/table.ts';
import { loadExample, SEED_DIR } from '../../helpers.ts';
import { flaggedTables } from './compare.ts';

const FIXTURE = new URL('./fixtures/standard-9.txt', import.meta.url);
const text = readFileSync(FIXTURE, 'utf8');
const seed = loadExample(SEED_DIR);

const cell = (t: Table, row: number, key: string) => t.rows[row].cells[leaves(t.header).findIndex((c) => c.key === key)];
const byId = (tables: Table[], id: string) => tables.find((t) => t.id === id)!;

describe('text reader: the nine-table layout', () => {
  const res = readText(text, { classification: seed.classification });

  it('is recognised from the titles and read whole, in 元', () => {
    expect(res.layout).toBe('standard-9');
    expect(res.missing).toEqual([]);
    expect(res.warnings).toEqual([]);
    expect(res.tables.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const t of res.tables) {
      expect(t.unit).toBe('元');
      expect(t.precision).toBe(1);
      expect(t.filer).toBe('湖南省对外科技交流中心');
    }
    expect(byId(res.tables, '6').empty).toBe(true);
    expect(byId(res.tables, '6').notes).toEqual(['注：本单位无政府性基金预算支出，故本表无数据。']);
  });

  it('agrees with the Hunan tables of the same budget, figure for figure', () => {
    const h = (id: string) => byId(seed.tables, id);
    const s = (id: string) => byId(res.tables, id);
    // 收入: 预算02表 合计 row by source.
    for (const [hunan, nine] of [['cur.gpb', 'gpb'], ['cur.shiye', 'shiye'], ['co.total', 'co'], ['total', 'total']])
      expect(cell(s('2'), 0, nine)).toBe(cell(h('02'), 0, hunan));
    // 支出: 预算03表 rows (合计, then 206 …) against 表3 (no department and unit rows).
    for (const key of ['total', 'basic', 'project']) {
      expect(cell(s('3'), 0, key)).toBe(cell(h('03'), 0, key));
      expect(cell(s('3'), 4, key)).toBe(cell(h('03'), 6, key)); // 2060302 社会公益研究
    }
    // 一般公共预算: 预算07表 合计 / 基本 / 项目.
    expect([cell(s('5'), 0, 'total'), cell(s('5'), 0, 'basic'), cell(s('5'), 0, 'project')]).toEqual(
      ['total', 'basic.total', 'project'].map((k) => cell(h('07'), 0, k)),
    );
    // 基本支出 by economic class: 人员经费 = 预算07表 工资福利 + 对个人和家庭的补助, 公用经费.
    expect(cell(s('8'), 0, 'personnel')).toBe((cell(h('07'), 0, 'basic.301') as number) + (cell(h('07'), 0, 'basic.303') as number));
    expect(cell(s('8'), 0, 'public')).toBe(cell(h('07'), 0, 'basic.302'));
    // 三公: 预算14表.
    expect([cell(s('9'), 0, 'abroad'), cell(s('9'), 0, 'reception')]).toEqual([cell(h('14'), 0, 'abroad'), cell(h('14'), 0, 'reception')]);
  });

  it('places figures by the other tables and the row sums; only 表4 spending by fund stays open', () => {
    // 表2's 合计 row is placed by 表1's revenue lines; its subject rows by the column sums.
    const t2 = byId(res.tables, '2');
    expect(t2.rows.find((r) => r.code === '2060302')!.cells.slice(2)).toEqual([113_940_000, 12_440_000, 58_500_000, null, null, null, 43_000_000, null, null, null, null]);
    expect(flaggedTables(res)).toEqual(['4']);
  });

  it('reads a table under another common title', () => {
    const other = readText(text.replace('\n收入预算总表\n', '\n部门收入预算表\n'), { classification: seed.classification });
    expect(other.missing).toEqual([]);
    expect(byId(other.tables, '2').title).toBe('部门收入预算表');
  });

  it('passes the audit: row sums, subject trees and the identities between the nine tables', async () => {
    const path = new URL('./fixtures/standard-9.txt', import.meta.url).pathname;
    const { report, read } = await audit(path, 'auto', seed.classification);
    expect(read.layout).toBe('standard-9');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.rulesRun).toEqual(expect.arrayContaining(['S1-2-gpb', 'S1-3', 'S5-8', 'S5-3', 'I2-tree', 'I9-row1']));
    expect(report.rulesNotRun).toEqual([]);
  });
});
