import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { tableCsv, writeCsv } from '../../src/formats/csv.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { leaves, type Table } from '../../src/ir/table.ts';
import { formatMoney } from '../../src/money/money.ts';
import { buildTables } from '../../src/tables/index.ts';

const { budget, classification } = readBudgetFolder('examples/hunan-104012');
const tables = buildTables(budget, classification);
const byId = (id: string) => tables.find((t) => t.id === id)!;
const lines = (t: Table): string[][] => parse(tableCsv(t), { bom: true });

describe('CSV of a table', () => {
  it('is UTF-8 with a BOM', () => {
    const bytes = Buffer.from(tableCsv(byId('01')), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith('收入/项目,')).toBe(true);
  });

  it('has one header line of leaf column paths, letter-spacing removed', () => {
    expect(lines(byId('05'))[0]).toEqual(expect.arrayContaining(['功能科目/类', '总计', '基本支出/合计', '项目支出/按项目管理的商品和服务支出']));
    expect(lines(byId('01'))[0]).toEqual(['收入/项目', '收入/预算数', '支出/项目（按功能分类）', '支出/预算数', '支出/项目（按部门预算经济分类）', '支出/预算数', '支出/项目（按政府预算经济分类）', '支出/预算数']);
    for (const t of tables) expect(lines(t)[0]).toHaveLength(leaves(t.header).length);
  });

  it('holds every row of every table: amounts as fixed 2-decimal strings, blanks empty, texts intact', () => {
    for (const t of tables) {
      const [, ...rows] = lines(t);
      expect(rows).toHaveLength(t.rows.length);
      t.rows.forEach((row, i) =>
        row.cells.forEach((c, j) =>
          expect(rows[i][j], `${t.mark} ${i}/${j}`).toBe(typeof c === 'number' ? formatMoney(c, t.unit) : (c ?? '')),
        ),
      );
    }
  });

  it('shows the disclosed figures of the seed', () => {
    const total = lines(byId('03'))[1];
    expect(total.slice(0, 5)).toEqual(['合计', '', '303.74', '189.80', '113.94']);
    const income = lines(byId('01')).find((l) => l[0].replace(/\s/g, '') === '收入总计')!;
    expect(income[1]).toBe('303.74');
    // 预算22表's goal text contains an ASCII comma: it must survive quoting.
    const goals = lines(byId('22'))[1];
    expect(goals.find((c) => c.includes('港洽周相关活动,为两地'))).toBeDefined();
  });
});

describe('writeCsv', () => {
  it('writes one <baseName>-预算NN表.csv per table, pinned by the golden files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-csv-'));
    const golden = 'test/golden/hunan-104012/csv';
    try {
      const paths = await writeCsv(tables, { dir, baseName: '104012-2024' });
      expect(paths).toEqual(tables.map((t) => join(dir, `104012-2024-${t.mark}.csv`)));
      if (process.env.UPDATE_GOLDEN) mkdirSync(golden, { recursive: true });
      for (const [i, t] of tables.entries()) {
        const file = join(golden, `${t.mark}.csv`);
        const text = readFileSync(paths[i], 'utf8');
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
        expect(existsSync(file), `${file} (run with UPDATE_GOLDEN=1 to create)`).toBe(true);
        expect(text, file).toBe(readFileSync(file, 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
