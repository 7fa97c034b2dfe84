import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { FUND_SOURCES } from '../../../src/model/funds.ts';
import { main } from '../../../src/cli/main.ts';
import { runTemplate } from '../../../src/cli/template.ts';
import { cachedClassification } from '../../../src/classification/load.ts';
import { readBudgetFolder } from '../../../src/formats/input/budget-folder.ts';
import { InputError, type InputProblem } from '../../../src/formats/input/errors.ts';
import { readBudgetInput } from '../../../src/formats/input/index.ts';
import { budgetWorkbook, readBudgetWorkbook } from '../../../src/formats/input/workbook.ts';
import { numberToDecimal, plainDecimal } from '../../../src/formats/input/workbook/cells.ts';
import { buildTables } from '../../../src/tables/index.ts';
import { MULTI_DIR, SEED_DIR } from '../../helpers.ts';

const EXAMPLES = [SEED_DIR, MULTI_DIR].filter((d) => existsSync(join(d, 'budget.json')));
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-workbook-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bytes = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const withoutSources = <T extends { lineItems: { source?: unknown }[] }>(b: T) => ({ ...b, lineItems: b.lineItems.map(({ source: _, ...li }) => li) });

async function exampleWorkbook(dir: string): Promise<ExcelJS.Workbook> {
  const { budget, classification } = readBudgetFolder(dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes(await budgetWorkbook({ budget, classification, amountUnit: '万元' })));
  return wb;
}

async function problemsOf(wb: ExcelJS.Workbook): Promise<InputProblem[]> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  try {
    await readBudgetWorkbook(buf, 'budget.xlsx');
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  return [];
}

/** The column number of a header in row 1. */
const col = (ws: ExcelJS.Worksheet, label: string) => (ws.getRow(1).values as unknown[]).indexOf(label);

describe.each(EXAMPLES)('%s → template --example → workbook reader', (dir) => {
  it('gives the same budget and the same 23 tables as the folder', async () => {
    const out = join(tmp, `${dir.split('/').pop()}.xlsx`);
    expect(await runTemplate([], { example: dir, out })).toBe(0);
    const fromBook = await readBudgetWorkbook(out);
    const fromFolder = readBudgetFolder(dir);
    expect(withoutSources(fromBook.budget)).toEqual(withoutSources(fromFolder.budget));
    expect(buildTables(fromBook.budget, fromBook.classification)).toEqual(buildTables(fromFolder.budget, fromFolder.classification));
    // Line items point at their sheet row, for checks and messages.
    expect(fromBook.budget.lineItems[0].source).toEqual({ file: out.split('/').pop(), sheet: '支出明细', row: 3 });
  });

  it('reads the same when the hidden field-key row is deleted (columns found by their Chinese headers)', async () => {
    const wb = await exampleWorkbook(dir);
    for (const ws of wb.worksheets) if (!['说明', '填写示例', '代码表'].includes(ws.name)) ws.spliceRows(2, 1);
    const book = await readBudgetWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(withoutSources(book.budget)).toEqual(withoutSources(readBudgetFolder(dir).budget));
  });
});

describe('a workbook with mistakes', () => {
  it('reports each with sheet, row and column, all together, and build writes nothing', async () => {
    const wb = await exampleWorkbook(SEED_DIR);
    const ws = wb.getWorksheet('支出明细')!;
    const fnCol = col(ws, '功能科目编码');
    const amountCol = col(ws, '金额');
    ws.getRow(3).getCell(fnCol).value = '206030';
    ws.getRow(5).getCell(amountCol).value = '12万';
    wb.removeWorksheet(wb.getWorksheet('专项资金')!.id);

    const problems = await problemsOf(wb);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual({ file: 'budget.xlsx', sheet: '专项资金', message: expect.stringContaining('缺少工作表') });
    expect(problems).toContainEqual({ file: 'budget.xlsx', sheet: '支出明细', row: 3, column: '功能科目编码', message: expect.stringContaining('7 位') });
    expect(problems).toContainEqual({ file: 'budget.xlsx', sheet: '支出明细', row: 5, column: '金额', message: expect.stringContaining('12万') });

    const path = join(tmp, 'bad.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = join(tmp, 'bad-out');
    expect(await main(['build', path, '--out', out])).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('locates problems in the budget.json-like sheets by their row and header', async () => {
    const wb = await exampleWorkbook(MULTI_DIR);
    const units = wb.getWorksheet('单位')!;
    units.getRow(4).getCell(col(units, '单位类型')).value = '机关';
    const basic = wb.getWorksheet('基本信息')!;
    basic.getRow(3).getCell(col(basic, '预算年度')).value = null;
    const balances = wb.getWorksheet('年终结转结余')!;
    balances.getRow(3).getCell(col(balances, '金额')).value = 'abc';
    const problems = await problemsOf(wb);
    expect(problems).toContainEqual(expect.objectContaining({ sheet: '单位', row: 4, column: '单位类型', message: expect.stringContaining('“机关”不是可选值') }));
    expect(problems).toContainEqual(expect.objectContaining({ sheet: '基本信息', row: 3, column: '预算年度', message: '必填' }));
    // Amounts are checked cell by cell, even while other sheets are invalid.
    expect(problems).toContainEqual(expect.objectContaining({ sheet: '年终结转结余', row: 3, column: '金额', message: expect.stringContaining('abc') }));
    expect(problems.map((p) => p.sheet)).toEqual(['基本信息', '单位', '年终结转结余']);
  });

  it('rejects a code whose written name is another code’s, and accepts a bare code', async () => {
    const wb = await exampleWorkbook(SEED_DIR);
    const ws = wb.getWorksheet('支出明细')!;
    const econ = col(ws, '部门经济分类编码');
    const first = ws.getRow(3).getCell(econ).value as string;
    ws.getRow(3).getCell(econ).value = first.split(' ')[0]; // bare code: fine
    ws.getRow(4).getCell(econ).value = `${first.split(' ')[0]} 办公费`;
    const problems = await problemsOf(wb);
    expect(problems).toEqual([expect.objectContaining({ sheet: '支出明细', row: 4, column: '部门经济分类编码', message: expect.stringContaining('不符') })]);
  });
});

describe('amount cells', () => {
  it('take numbers exactly, round formula noise to 分, and reject sub-分 decimals typed in', async () => {
    const wb = await exampleWorkbook(SEED_DIR);
    const ws = wb.getWorksheet('支出明细')!;
    const amountCol = col(ws, '金额');
    const { budget } = readBudgetFolder(SEED_DIR);
    const rowOf = (i: number) => 3 + i;
    ws.getRow(rowOf(0)).getCell(amountCol).value = { formula: '0.1+0.2', result: 0.1 + 0.2 };
    ws.getRow(rowOf(1)).getCell(amountCol).value = '1,234.56';
    ws.getRow(rowOf(2)).getCell(amountCol).value = 0.000001;
    const read = await readBudgetWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(read.budget.lineItems.slice(0, 3).map((li) => li.amount)).toEqual([300_000, 1_234_560_000, 1]);
    expect(read.budget.lineItems.slice(3).map((li) => li.amount)).toEqual(budget.lineItems.slice(3).map((li) => li.amount));

    ws.getRow(rowOf(0)).getCell(amountCol).value = 12.3456789;
    expect(await problemsOf(wb)).toEqual([expect.objectContaining({ sheet: '支出明细', row: 3, column: '金额', message: expect.stringContaining('6 位') })]);
  });

  it('convert doubles to decimals without float arithmetic', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(numberToDecimal(0.1 + 0.2, 6)).toBe('0.300000');
    expect(numberToDecimal(-(0.1 + 0.2), 2)).toBe('-0.30');
    expect(numberToDecimal(100.1 * 3, 2)).toBe('300.30');
    expect(numberToDecimal(216.3, 6)).toBe('216.3');
    expect(numberToDecimal(12.3456789, 6)).toBe('12.3456789');
  });
});

describe('the empty template', () => {
  it('has the sheets in order, hidden code lists feeding the dropdowns, text-formatted codes, frozen headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(await budgetWorkbook({ amountUnit: '万元', classification: cachedClassification(2024) })));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '填写示例', '基本信息', '单位', '支出明细', '项目', '年终结转结余', '专项资金', '项目绩效目标', '整体绩效目标', '预算说明', '代码表']);
    const lists = wb.getWorksheet('代码表')!;
    expect(lists.state).toBe('veryHidden');
    const ws = wb.getWorksheet('支出明细')!;
    const fundCol = ws.getColumn(col(ws, '资金来源'));
    const dv = ws.getCell(`${fundCol.letter}3`).dataValidation;
    expect(dv.type).toBe('list');
    const [, letter, from, to] = /^'代码表'!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(dv.formulae[0])!;
    const values = Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => lists.getCell(`${letter}${Number(from) + i}`).value);
    expect(values).toEqual([...FUND_SOURCES]);
    expect(ws.getColumn(col(ws, '功能科目编码')).numFmt).toBe('@');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getRow(2).hidden).toBe(true);
  });

  it('read back unfilled, says what is required', async () => {
    const path = join(tmp, 'empty.xlsx');
    expect(await runTemplate([], { out: path })).toBe(0);
    const err = await readBudgetInput(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems).toContainEqual(expect.objectContaining({ sheet: '基本信息', row: 3, column: '预算年度', message: '必填' }));
    expect(problems).toContainEqual(expect.objectContaining({ sheet: '单位', message: '至少填写一行' }));
  });
});
