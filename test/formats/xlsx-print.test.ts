/**
 * Every sheet prints legibly on A4 landscape. A sheet fitted to one page wide shrinks with its
 * width (预算09/13/22表 printed at about 4 pt); a sheet too wide for 6.5 pt prints two pages wide with
 * its code and name columns repeated. Checked on the settings written, and on the PDF LibreOffice
 * prints: each table's figures measured against those of a table printed at 100 %.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBuffer } from '../../src/formats/xlsx.ts';
import { MIN_PRINTED_PT, printedPt } from '../../src/formats/xlsx/print-fit.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const SOFFICE = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;

describe.each([SEED_DIR, MULTI_DIR])('printing the workbook of %s', (dir) => {
  it('sets every sheet to print A4 landscape, centred, at 6.5 pt or more, repeating the code columns when two pages wide', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBuffer(loadExample(dir).tables)) as never);
    expect(wb.worksheets).toHaveLength(23);
    let split = 0;
    for (const ws of wb.worksheets) {
      const { fitToWidth, orientation, paperSize, printTitlesColumn, printTitlesRow, horizontalCentered } = ws.pageSetup;
      expect([paperSize, orientation, horizontalCentered]).toEqual([9, 'landscape', true]);
      // The header lines repeat on every printed page.
      expect(printTitlesRow, ws.name).toMatch(/^4:\d+$/);
      const repeat = printTitlesColumn ? printTitlesColumn.split(':')[1].charCodeAt(0) - 64 : 0;
      expect(repeat > 0, ws.name).toBe(fitToWidth === 2);
      if (repeat) split++;
      const widths = ws.columns.map((c) => c.width ?? 9);
      expect(printedPt(widths, fitToWidth!, repeat), ws.name).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    }
    expect(split).toBeGreaterThanOrEqual(4); // 02, 05, 09, 13 at least
  });
});

describe.skipIf(!SOFFICE)('the workbook printed by LibreOffice', () => {
  it('prints the figures of every table at 6.5 pt or more', async () => {
    const work = mkdtempSync(join(tmpdir(), 'yusuan-print-'));
    try {
      const { tables } = loadExample(MULTI_DIR);
      writeFileSync(join(work, 'book.xlsx'), await xlsxBuffer(tables));
      execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'book.xlsx')], {
        env: { ...process.env, HOME: work },
        stdio: 'ignore',
        timeout: 240_000,
      });
      const pdf = join(work, 'book.pdf');
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
      /** Median height of the figure boxes on a table's first page. */
      const figureHeight = (mark: string) => {
        const page = pages.findIndex((p) => p.includes(mark)) + 1;
        const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], { encoding: 'utf8' });
        const h = [...html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">\d+\.\d\d</g)].map((m) => Number(m[2]) - Number(m[1])).sort((a, b) => a - b);
        return h[Math.floor(h.length / 2)];
      };
      // 预算06表 has four columns: it prints at 100 %, its figures 10 pt
      const tenPt = figureHeight('预算06表');
      for (const t of tables) {
        if (t.empty) continue;
        expect((figureHeight(t.mark) / tenPt) * 10, t.mark).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
