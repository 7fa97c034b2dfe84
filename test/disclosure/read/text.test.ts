/**
 * The text reader on the real disclosure (the seed, pdftotext output) and on text printed from our
 * own tables: every amount cell must equal the tables yusuan builds from the same budget, except
 * cells of rows the reader flags as ambiguous (the text alone cannot place them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { leaves } from '../../../src/ir/table.ts';
import { parseMoney } from '../../../src/money/money.ts';
import { loadExample, MULTI_DIR, SEED_DIR, SEED_TEXT } from '../../helpers.ts';
import { compareTables, flaggedTables } from './compare.ts';
import { pdftotext } from './pdftotext.ts';

const seedText = readFileSync(SEED_TEXT, 'utf8');
const seed = loadExample(SEED_DIR);
const wan = (s: string) => parseMoney(s, '万元');
const read = (text: string) => readText(text, { classification: seed.classification });

/** The seed text with the lines of one table (from its mark to the next mark) removed. */
function withoutTable(text: string, id: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === `预算${id}表`);
  const next = lines.findIndex((l, i) => i > at && /^预算\d\d/.test(l.trim()));
  return [...lines.slice(0, at), ...lines.slice(next)].join('\n');
}

describe('text reader: the seed', () => {
  const result = read(seedText);
  const cmp = compareTables(seed.tables, result);

  it('finds all 23 tables of the Hunan layout', () => {
    expect(result.layout).toBe('hunan-23');
    expect(result.missing).toEqual([]);
    expect(result.tables.map((t) => t.id)).toEqual(seed.tables.map((t) => t.id));
    expect(result.warnings).toEqual([]);
  });

  it('keeps titles as printed and reads the head of each table', () => {
    for (const t of result.tables) {
      const b = seed.tables.find((x) => x.id === t.id)!;
      expect(t.title).toBe(b.title);
      expect(t.filer).toBe('湖南省对外科技交流中心');
      expect(t.unit).toBe('万元');
      expect(t.precision).toBe(10_000);
    }
    expect(result.tables.find((t) => t.id === '19')!.notes).toEqual(['注：本表指纳入专户管理的教育收入等收入。']);
  });

  it('rebuilds every row: same kinds, codes and units as the built tables', () => {
    expect(cmp.rowKeys).toEqual([]);
    expect(result.tables.map((t) => t.rows.length)).toEqual(seed.tables.map((t) => t.rows.length));
  });

  it('reads every amount cell as built, except cells of rows flagged ambiguous', () => {
    expect(cmp.cells).toBeGreaterThan(1000);
    expect(cmp.unflagged).toEqual([]);
    // 10/11/13 (spec A1, A2), 09 (A3: 2.00 and 5.00, and the wage columns, have no identity to
    // decide them) and 22 (58.50 fits 省级支出 and 对市县专项转移支付 alike).
    expect(flaggedTables(result)).toEqual(['09', '10', '11', '13', '22']);
  });

  it('names the admissible columns of an ambiguous row', () => {
    const t13 = result.ambiguities.filter((a) => a.table === '13');
    expect(t13).toHaveLength(3);
    for (const a of t13) {
      expect(a.values).toEqual(['6.00', '0.50', '0.25', '0.50', '0.25', '1.60', '1.10', '0.80', '1.00']);
      // 20 columns less 公务用车运行维护费, which 预算14表 (no 公务用车运行费) keeps empty.
      expect(new Set(a.candidates.slice(1).flat()).size).toBe(19);
      expect(a.candidates.flat()).not.toContain('e.30231');
      expect(a.chosen.slice(0, 4)).toEqual(['total', 'e.30201', 'e.30202', 'e.30205']);
    }
    const [t10] = result.ambiguities.filter((a) => a.table === '10');
    expect(t10.candidates[1]).toHaveLength(5);
    const [t11] = result.ambiguities.filter((a) => a.table === '11');
    expect(t11.candidates[1]).toHaveLength(12);
  });

  it('places figures the text alone cannot place by the other tables (预算02表 by 预算01/06表)', () => {
    const t02 = result.tables.find((t) => t.id === '02')!;
    const cols = leaves(t02.header).map((c) => c.key);
    const total = t02.rows[0].cells;
    expect(total[cols.indexOf('cur.gpb')]).toBe(wan('216.30'));
    expect(total[cols.indexOf('cur.shiye')]).toBe(wan('75.00'));
    expect(total[cols.indexOf('co.gpb')]).toBe(wan('12.44'));
  });

  it('reads the long texts of 预算23表 into their cells', () => {
    const b = seed.tables.find((t) => t.id === '23')!.rows[1].cells;
    const r = result.tables.find((t) => t.id === '23')!.rows[1].cells;
    expect(r.slice(8)).toEqual(b.slice(8));
  });
});

describe('text reader: tolerance', () => {
  const equalTable = (text: string, id: string) => {
    const res = read(text);
    const t = res.tables.find((x) => x.id === id);
    expect(t, `预算${id}表 found`).toBeDefined();
    const cmp = compareTables(
      seed.tables.filter((x) => x.id === id),
      res,
    );
    expect(cmp.unflagged).toEqual([]);
    return res;
  };

  it('finds a title with half-width brackets, NBSP and U+3000 inside', () => {
    const text = seedText.replace('支出预算分类汇总表（按政府预算经济分类）', '支出预算分类汇总表(按政府预算\u00a0经济\u3000分类)');
    expect(text).not.toBe(seedText);
    expect(read(text).missing).toEqual([]);
    equalTable(text, '04');
  });

  it('finds a title wrapped over two lines', () => {
    const text = seedText.replace('一般公共预算“三公”经费支出表', '一般公共预算“三公”\n经费支出表');
    equalTable(text, '14');
  });

  it('finds a table whose mark is missing, by its title', () => {
    const text = seedText.replace('\n预算07表\n', '\n\n');
    const res = equalTable(text, '07');
    expect(res.warnings).toContain('预算07表：缺少表号，按标题识别');
  });

  it('reads a table whose 合计 row is missing, and says so', () => {
    const text = seedText.replace('合计 303.74 189.80 182.98 6.00 0.82 113.94 113.94\n', '');
    const res = read(text);
    const t05 = res.tables.find((t) => t.id === '05')!;
    const built = seed.tables.find((t) => t.id === '05')!;
    expect(t05.rows.map((r) => r.cells)).toEqual(built.rows.slice(1).map((r) => r.cells));
    expect(res.warnings).toContain('预算05表：缺少合计行');
  });

  it('skips a contents page and joins a table continued on a new page with its head repeated', () => {
    const contents = ['目  录', ...seed.tables.map((t) => `${t.mark} ${t.title} ........ ${Number(t.id) + 1}`)].join('\n');
    const head = '\f预算03表\n\n支 出 总 表\n\n填报部门：湖南省对外科技交流中心 单位：万元\n\n科目编码 科目名称 合计 基本支出 项目支出 事业单位经营支出 上缴上级支出 对附属单位补助支出\n\n';
    const line = '    208     社会保障和就业支出 13.00 13.00';
    const res = read(`${contents}\n\f${seedText.replace(line, head + line)}`);
    expect(res.missing).toEqual([]);
    expect(res.warnings).toEqual([]);
    const cmp = compareTables(seed.tables, res);
    expect(cmp.rowKeys).toEqual([]);
    expect(cmp.unflagged).toEqual([]);
    expect(res.tables.every((t) => t.filer === '湖南省对外科技交流中心' && !t.title.includes('...'))).toBe(true);
  });

  it('reports a missing table and reads the others', () => {
    const res = read(withoutTable(seedText, '16'));
    expect(res.missing).toEqual(['16']);
    expect(res.tables).toHaveLength(22);
    expect(compareTables(seed.tables, res).unflagged).toEqual([]);
  });

  it('still reads a table whose figures do not add up, placing them as best it can', () => {
    const text = seedText.replace('    206     科学技术支出 256.35 142.41 113.94', '    206     科学技术支出 256.35 142.41 113.95');
    const res = read(text);
    const t03 = res.tables.find((t) => t.id === '03')!;
    expect(t03.rows[3].cells.slice(2, 5)).toEqual([wan('256.35'), wan('142.41'), wan('113.95')]);
    expect(res.warnings.some((w) => w.startsWith('预算03表'))).toBe(true);
  });
});

describe('text reader: text printed from our own tables (multi-unit department)', () => {
  const multi = loadExample(MULTI_DIR);
  for (const wrap of [0, 8]) {
    it(`reads back every amount cell${wrap ? `, names and texts wrapped at ${wrap} characters` : ''}`, () => {
      const res = readText(pdftotext(multi.tables, { wrap }), { classification: multi.classification });
      expect(res.missing).toEqual([]);
      expect(res.warnings).toEqual([]);
      const cmp = compareTables(multi.tables, res);
      expect(cmp.rowKeys).toEqual([]);
      expect(cmp.unflagged).toEqual([]);
      // Tables the identities decide completely, whatever the figures.
      for (const id of ['01', '02', '03', '04', '05', '06', '07', '08', '12', '14', '15', '16', '17', '18', '19', '23'])
        expect(flaggedTables(res)).not.toContain(id);
    });
  }
});

describe('text reader: a larger generated department', () => {
  it('reads back every amount cell and raises no false error in the checks', async () => {
    const { generateProvince } = await import('../../../bench/generate.ts');
    const { buildTables } = await import('../../../src/tables/index.ts');
    const { checkTables } = await import('../../../src/checks/index.ts');
    const [budget] = generateProvince({ departments: 1, units: 12, lineItems: 600, seed: 3 });
    const tables = buildTables(budget, seed.classification);
    const res = readText(pdftotext(tables, { wrap: 10 }), { classification: seed.classification });
    expect(res.missing).toEqual([]);
    const cmp = compareTables(tables, res);
    expect(cmp.rowKeys).toEqual([]);
    expect(cmp.unflagged).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(10_000);
    expect(cmp.differ.length / cmp.cells).toBeLessThan(0.05);
    const errors = checkTables(res.tables, { classification: seed.classification }).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  }, 180_000);
});
