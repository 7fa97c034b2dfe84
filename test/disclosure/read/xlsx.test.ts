/**
 * The xlsx reader on yusuan's own workbooks (both examples: every cell, row and head equal to the
 * built tables, 0 audit errors) and on a workbook laid out like the official tables by another
 * tool: a contents sheet first, generic sheet names, no 预算NN表 marks, one table without a title,
 * headers merged differently or not at all, amounts typed as text and codes stored as numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, type Audit } from '../../../src/disclosure/audit/audit.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { xlsxBuffer } from '../../../src/formats/xlsx.ts';
import { headerDepth, leaves, type Table } from '../../../src/ir/table.ts';
import { formatMoney } from '../../../src/money/money.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';
import { compareTables } from './compare.ts';
import { auditFileRunner } from './unreadable.ts';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const errors = (a: Audit) => a.report.findings.filter((f) => f.severity === 'error');
const rowsOf = (t: Table) => t.rows.map((r) => ({ kind: r.kind, code: r.code, unit: r.unit, cells: r.cells }));

async function auditBytes(name: string, bytes: Uint8Array, classification: Parameters<typeof audit>[2]) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return audit(file, 'auto', classification);
}

describe.each([
  ['the seed (one unit)', SEED_DIR],
  ['the multi-unit department', MULTI_DIR],
])('xlsx reader: our workbook of %s', (_name, example) => {
  const ex = loadExample(example);
  let result: Audit;
  beforeAll(async () => {
    result = await auditBytes(`${example.replace(/\W/g, '_')}.xlsx`, await xlsxBuffer(ex.tables), ex.classification);
  }, 180_000);

  it('finds all 23 tables with nothing to warn about', () => {
    expect(result.read.missing).toEqual([]);
    expect(result.read.tables.map((t) => t.id)).toEqual(ex.tables.map((t) => t.id));
    expect(result.read.warnings).toEqual([]);
    expect(result.read.ambiguities).toEqual([]);
  });

  it('reads every table exactly: heads, rows, cells, notes', () => {
    expect(compareTables(ex.tables, result.read).cells).toBeGreaterThan(1000);
    for (const b of ex.tables) {
      const t = result.read.tables.find((x) => x.id === b.id)!;
      expect([t.mark, t.title, t.filer, t.unit, t.notes, t.empty]).toEqual([b.mark, b.title, b.filer, b.unit, b.notes, b.empty]);
      expect(t.rows.map((r) => r.indent)).toEqual(b.rows.map((r) => r.indent));
      expect(rowsOf(t)).toEqual(rowsOf(b));
      // Figures shown with two decimals of 万元: one step is 100 元.
      expect(t.precision).toBe(10_000);
    }
  });

  it('passes the audit with no error', () => {
    expect(errors(result)).toEqual([]);
  });
});

/** The tables as another tool might lay them out (see the file comment). */
async function otherStyle(tables: Table[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const contents = wb.addWorksheet('目录');
  contents.getCell(1, 1).value = '目  录';
  tables.forEach((t, i) => (contents.getCell(i + 2, 1).value = `${i + 1}. ${t.title.trim()}`));
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(`Sheet${i + 1}`);
    const ls = leaves(t.header);
    const n = ls.length;
    let r = 1;
    if (t.id !== '02') {
      ws.getCell(r, 1).value = t.title.trim();
      ws.mergeCells(r, 1, r, n);
      r++;
    }
    ws.getCell(r, 1).value = `填报单位：${t.filer}`;
    ws.getCell(r, n).value = `单位：${t.unit}`;
    r++;
    // Labels bottom-aligned, no vertical merges; parents merged across their columns on odd
    // tables, repeated over each column on even ones; half-width brackets.
    const depth = headerDepth(t.header);
    ls.forEach((c, k) => c.path.forEach((label, d) => (ws.getCell(r + depth - c.path.length + d, k + 1).value = label.replace('（', '(').replace('）', ')'))));
    if (i % 2) mergeParents(ws, t, r, depth);
    r += depth;
    const items = ls.map((c) => c.kind === 'code' && ['类', '款', '项', '单位代码'].includes(c.path[c.path.length - 1]));
    for (const row of t.rows) {
      row.cells.forEach((cell, k) => {
        if (cell === null) return;
        ws.getCell(r, k + 1).value = typeof cell === 'number' ? formatMoney(cell, t.unit) : items[k] && /^\d+$/.test(cell) ? Number(cell) : cell;
      });
      r++;
    }
    r++; // a blank line before the notes
    for (const note of t.notes) ws.getCell(r++, 1).value = note;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function mergeParents(ws: ExcelJS.Worksheet, t: Table, top: number, depth: number) {
  const ls = leaves(t.header);
  for (let d = 0; d < depth - 1; d++) {
    let k = 0;
    while (k < ls.length) {
      const label = (i: number) => ls[i].path.length === depth && ls[i].path.length > 1 + d ? ls[i].path.slice(0, d + 1).join('/') : undefined;
      let end = k;
      while (label(k) && end + 1 < ls.length && label(end + 1) === label(k)) end++;
      if (end > k) ws.mergeCells(top + d, k + 1, top + d, end + 1);
      k = end + 1;
    }
  }
}

describe('xlsx reader: a workbook laid out by another tool', () => {
  const ex = loadExample(MULTI_DIR);
  let result: Audit;
  beforeAll(async () => {
    result = await auditBytes('other-style.xlsx', await otherStyle(ex.tables), ex.classification);
  }, 180_000);

  it('finds every table: by title, and 预算02表 (no title) by its header; the contents sheet is no table', () => {
    expect(result.read.missing).toEqual([]);
    expect(result.read.warnings).toEqual(['工作表“Sheet2”没有表号和标题，按表头识别为预算02表']);
  });

  it('reads every cell as built: text amounts, numeric codes padded, headers matched by label path', () => {
    for (const b of ex.tables) expect(rowsOf(result.read.tables.find((t) => t.id === b.id)!), b.mark).toEqual(rowsOf(b));
    expect(result.read.tables.map((t) => t.notes)).toEqual(ex.tables.map((t) => t.notes));
  });

  it('passes the audit with no error', () => {
    expect(errors(result)).toEqual([]);
  });
});

describe('xlsx reader: the nine-table layout', () => {
  it('reads a workbook of the nine tables in 元 back exactly', async () => {
    const seed = loadExample(SEED_DIR);
    const nine = readText(readFileSync(new URL('./fixtures/standard-9.txt', import.meta.url), 'utf8'), { classification: seed.classification }).tables;
    const { read } = await auditBytes('nine.xlsx', await xlsxBuffer(nine), seed.classification);
    expect([read.layout, read.missing, read.warnings]).toEqual(['standard-9', [], []]);
    expect(read.tables.map((t) => [t.id, t.unit, t.precision])).toEqual(nine.map((t) => [t.id, '元', 1]));
    expect(read.tables.map(rowsOf)).toEqual(nine.map(rowsOf));
  });
});

describe('xlsx reader: files it cannot read', () => {
  const { run, stderr } = auditFileRunner(dir);

  it('a truncated workbook: exit 2 with a message naming the file', async () => {
    const whole = await xlsxBuffer(loadExample(SEED_DIR).tables);
    expect(await run('truncated.xlsx', whole.subarray(0, whole.length >> 1))).toBe(2);
    expect(stderr()).toMatch(/无法读取 Excel 文件 truncated\.xlsx/);
  });

  it('not a zip at all: exit 2', async () => {
    expect(await run('text.xlsx', new TextEncoder().encode('预算01表 收支总表'))).toBe(2);
    expect(stderr()).toMatch(/无法读取 Excel 文件/);
  });

  it('a workbook without any table: exit 2', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell(1, 1).value = '本工作簿没有预算表';
    expect(await run('blank.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))).toBe(2);
    expect(stderr()).toMatch(/未找到/);
  });
});
