import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { writeXlsx, xlsxBuffer } from '../../src/formats/xlsx.ts';
import { headerDepth, headerGrid, leaves, type Table } from '../../src/ir/table.ts';
import { formatMoney } from '../../src/money/money.ts';
import { buildTables } from '../../src/tables/index.ts';

const EXAMPLES = ['examples/hunan-104012', 'examples/multi-unit-department'].filter((d) => existsSync(join(d, 'budget.json')));

/** The page head takes three sheet rows (mark, title, 填报部门/单位); the header starts on row 4. */
const HEADER_ROW = 4;
const bodyStart = (t: Table) => HEADER_ROW + headerDepth(t.header);

/** What a cell shows: amounts as 2-decimal strings of the table's unit, texts as they are. */
const shown = (c: Table['rows'][number]['cells'][number], t: Table) => (typeof c === 'number' ? formatMoney(c, t.unit) : (c ?? ''));

/** exceljs types its input as an ArrayBuffer; hand it exactly the bytes of the Buffer. */
const bytes = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function tablesOf(dir: string): Table[] {
  const { budget, classification } = readBudgetFolder(dir);
  return buildTables(budget, classification);
}

describe.each(EXAMPLES)('xlsx of %s read back with exceljs', (dir) => {
  const tables = tablesOf(dir);
  const wb = new ExcelJS.Workbook();
  beforeAll(async () => {
    await wb.xlsx.load(bytes(await xlsxBuffer(tables)));
  });

  it('has one sheet per table, named by its mark, in order', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(tables.map((t) => t.mark));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(Array.from({ length: 23 }, (_, i) => `预算${String(i + 1).padStart(2, '0')}表`));
  });

  it('prints the mark, the merged centred bold title and the 填报部门 / 单位 line', () => {
    for (const t of tables) {
      const ws = wb.getWorksheet(t.mark)!;
      const n = leaves(t.header).length;
      expect(ws.getCell(1, 1).value).toBe(t.mark);
      const title = ws.getCell(2, 1);
      expect(title.value).toBe(t.title);
      expect(title.font.bold).toBe(true);
      expect(title.alignment.horizontal).toBe('center');
      expect(ws.getCell(2, n).isMerged && ws.getCell(2, n).master.address).toBe('A2');
      expect(ws.getCell(3, 1).value).toBe(`填报部门：${t.filer}`);
      expect(ws.getCell(3, n).text).toBe(`单位：${t.unit}`);
    }
  });

  it('merges the header exactly as headerGrid places it, wrapped and bordered', () => {
    for (const t of tables) {
      const ws = wb.getWorksheet(t.mark)!;
      for (const h of headerGrid(t.header)) {
        const top = HEADER_ROW + h.row;
        const master = ws.getCell(top, 1 + h.col);
        expect(master.value, `${t.mark} ${h.label}`).toBe(h.label);
        expect(master.alignment.wrapText).toBe(true);
        expect(master.border.bottom?.style).toBe('thin');
        const corner = ws.getCell(top + h.rowSpan - 1, h.col + h.colSpan);
        expect(corner.isMerged ? corner.master.address : corner.address, `${t.mark} ${h.label}`).toBe(master.address);
      }
    }
  });

  it('holds every body cell of every table as the IR has it: amounts as 0.00 numbers, codes and texts as text, blanks empty', () => {
    let amounts = 0;
    for (const t of tables) {
      const ws = wb.getWorksheet(t.mark)!;
      t.rows.forEach((row, i) => {
        row.cells.forEach((c, j) => {
          const cell = ws.getCell(bodyStart(t) + i, j + 1);
          const where = `${t.mark} ${cell.address}`;
          if (typeof c === 'number') {
            amounts++;
            expect(typeof cell.value, where).toBe('number');
            expect((cell.value as number).toFixed(2), where).toBe(formatMoney(c, t.unit));
            expect(cell.numFmt, where).toBe('0.00');
          } else if (typeof c === 'string') {
            expect(cell.value, where).toBe(c);
          } else if (!cell.isMerged) {
            expect(cell.value, where).toBeNull();
          }
          expect(cell.border.left?.style, where).toBe('thin');
        });
      });
    }
    expect(amounts).toBeGreaterThan(100);
  });

  it('indents the name of unit and function rows by their level', () => {
    const t = tables.find((x) => x.id === '03')!;
    const ws = wb.getWorksheet(t.mark)!;
    t.rows.forEach((row, i) => expect(ws.getCell(bodyStart(t) + i, 2).alignment.indent ?? 0).toBe(row.indent));
    expect(new Set(t.rows.map((r) => r.indent)).size).toBeGreaterThan(2);
  });

  it('sets up printing: A4 landscape, one or two pages wide (xlsx-print.test.ts), header rows repeated, page-numbered footer, frozen header', () => {
    for (const t of tables) {
      const ws = wb.getWorksheet(t.mark)!;
      const ps = ws.pageSetup;
      expect(ps.paperSize).toBe(9);
      expect(ps.orientation).toBe('landscape');
      expect(ps.fitToPage).toBe(true);
      expect([1, 2]).toContain(ps.fitToWidth);
      expect(ps.fitToHeight).toBe(0);
      expect(ps.printTitlesRow).toBe(`${HEADER_ROW}:${bodyStart(t) - 1}`);
      expect(ws.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: bodyStart(t) - 1 });
    }
  });

  it('puts the notes under the table, merged across', () => {
    for (const t of tables) {
      const ws = wb.getWorksheet(t.mark)!;
      const n = leaves(t.header).length;
      t.notes.forEach((note, i) => {
        const r = bodyStart(t) + t.rows.length + i;
        expect(ws.getCell(r, 1).value).toBe(note);
        if (n > 1) expect(ws.getCell(r, n).master.address).toBe(`A${r}`);
      });
    }
  });
});

describe('xlsx of the seed', () => {
  it('shows the disclosed totals (预算01表 收入总计 303.74 万元)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(await xlsxBuffer(tablesOf('examples/hunan-104012'))));
    const ws = wb.getWorksheet('预算01表')!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => String(r.getCell(1).value).replace(/\s/g, '') === '收入总计')!;
    expect(row.getCell(2).text).toBe('303.74');
  });

  it('writes the workbook and, with perTable, one workbook per table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-xlsx-'));
    try {
      const tables = tablesOf('examples/hunan-104012');
      const paths = await writeXlsx(tables, { dir, baseName: '104012-2024', perTable: true });
      expect(paths[0]).toBe(join(dir, '104012-2024.xlsx'));
      expect(paths).toHaveLength(24);
      const one = new ExcelJS.Workbook();
      await one.xlsx.readFile(join(dir, '104012-2024-预算07表.xlsx'));
      expect(one.worksheets.map((w) => w.name)).toEqual(['预算07表']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** All sheets to UTF-8 CSV, numbers as shown (token 9), one file per sheet (token 12 = -1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

const SOFFICE = hasSoffice();
const LO_TITLE = SOFFICE
  ? 'xlsx opened by LibreOffice (soffice → CSV as shown)'
  : 'xlsx opened by LibreOffice — SKIPPED: soffice is not installed (apt-get install libreoffice-calc fonts-noto-cjk)';

describe.skipIf(!SOFFICE)(LO_TITLE, () => {
  const work = mkdtempSync(join(tmpdir(), 'yusuan-lo-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(EXAMPLES)('%s: every amount and text is found back in place', async (dir) => {
    const tables = tablesOf(dir);
    const base = dir.split('/').pop()!;
    const xlsx = join(work, `${base}.xlsx`);
    writeFileSync(xlsx, await xlsxBuffer(tables));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', work, xlsx],
      { env: { ...process.env, HOME: work }, stdio: 'ignore', timeout: 120_000 },
    );
    let amounts = 0;
    for (const t of tables) {
      const csv = join(work, `${base}-${t.mark}.csv`);
      const lines: string[][] = parse(readFileSync(csv, 'utf8'), { relax_column_count: true });
      t.rows.forEach((row, i) => {
        const line = lines[bodyStart(t) - 1 + i];
        row.cells.forEach((c, j) => {
          if (typeof c === 'number') amounts++;
          expect(line[j] ?? '', `${t.mark} row ${i + 1} col ${j + 1}`).toBe(shown(c, t));
        });
      });
    }
    expect(amounts).toBeGreaterThan(100);
  }, 180_000);
});
