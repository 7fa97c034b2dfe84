import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBuffer, writePdf } from '../../src/formats/pdf.ts';
import { PAGE, PAGE_MARGINS, planTable } from '../../src/formats/pdf/table-content.ts';
import { CELL_PAD_X, RULE, textEm } from '../../src/formats/pdf/widths.ts';
import { printRow, rowHeaderColumns } from '../../src/formats/render-rows.ts';
import { headerGrid, leaves, type Table } from '../../src/ir/table.ts';
import { formatMoney } from '../../src/money/money.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const EXAMPLES = [SEED_DIR, MULTI_DIR].filter((d) => existsSync(join(d, 'budget.json')));

// The PDF is read back with poppler (Debian poppler-utils), as a reader of the disclosure would.
const POPPLER = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdffonts', ['-v']).status === 0;
if (!POPPLER) console.warn('pdf.test.ts: skipped, pdftotext/pdffonts not found (apt-get install poppler-utils)');

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
const AMOUNT = /-?\d+\.\d{2}/g;
const amountsOf = (t: Table) => t.rows.flatMap((r) => r.cells.filter((c): c is number => typeof c === 'number').map((c) => formatMoney(c, t.unit)));

/**
 * Text of each page: laid out as printed (reading order across a row), or raw (drawing order, so
 * that a label wrapped inside its cell stays in one piece).
 */
function pages(file: string, mode: 'layout' | 'raw' = 'layout'): string[] {
  const text = execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').slice(0, -1);
}

/** First page (0-based) of each table, found by its 预算NN表 mark, which only its first page carries. */
function startPages(text: string[], tables: Table[]): number[] {
  return tables.map((t) => text.findIndex((p) => p.includes(t.mark)));
}

describe.each(EXAMPLES)('PDF layout of %s', (dir) => {
  const { tables } = loadExample(dir);

  it('fits every table to the width of an A4 landscape page without wrapping any amount or code', () => {
    const pageWidth = PAGE.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
    for (const t of tables) {
      const { widths, fontSize } = planTable(t).fit;
      const cols = leaves(t.header);
      expect(widths, t.mark).toHaveLength(cols.length);
      expect(widths.reduce((a, b) => a + b, 0) + cols.length * (2 * CELL_PAD_X + RULE) + RULE, t.mark).toBeLessThanOrEqual(pageWidth + 0.01);
      // 20+ columns of figures (预算09表, 预算13表) are set small, but not unreadably so.
      expect(fontSize, t.mark).toBeGreaterThanOrEqual(6.5);
      const headers = rowHeaderColumns(t, cols);
      for (const r of t.rows) {
        let col = 0;
        for (const c of printRow(t, r, cols, headers)) {
          if (c.span === 1 && c.kind !== 'text') expect(widths[col], `${t.mark} ${c.text}`).toBeGreaterThanOrEqual(textEm(c.text) * fontSize);
          col += c.span;
        }
      }
    }
  });
});

describe.skipIf(!POPPLER).each(EXAMPLES)('PDF of %s read back with poppler', (dir) => {
  const { tables } = loadExample(dir);
  const work = mkdtempSync(join(tmpdir(), 'yusuan-pdf-'));
  const file = join(work, 'all.pdf');
  let text: string[] = [];
  let raw: string[] = [];
  let starts: number[] = [];

  beforeAll(async () => {
    writeFileSync(file, await pdfBuffer(tables));
    text = pages(file);
    raw = pages(file, 'raw');
    starts = startPages(text, tables);
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is A4 landscape, numbered 第 N 页，共 M 页 on every page', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(text).toHaveLength(count);
    text.forEach((p, i) => expect(squash(p)).toContain(`第${i + 1}页，共${count}页`));
  });

  it('starts each of the 23 tables on a new page, in order, with its title and 填报部门 line', () => {
    expect(starts.every((s) => s >= 0)).toBe(true);
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) expect(starts[i], tables[i].mark).toBeGreaterThan(starts[i - 1]);
    tables.forEach((t, i) => {
      const page = squash(text[starts[i]]);
      expect(page.indexOf(squash(t.mark))).toBeLessThan(page.indexOf(squash(t.title)));
      expect(page).toContain(squash(`填报部门：${t.filer}单位：${t.unit}`));
    });
  });

  it('prints every amount of every table in reading order, and nothing else that looks like one', () => {
    // Precondition of the comparison below: no label or goal text of the data reads as an amount.
    for (const t of tables) for (const r of t.rows) for (const c of r.cells) if (typeof c === 'string') expect(c).not.toMatch(AMOUNT);
    tables.forEach((t, i) => {
      const end = i + 1 < tables.length ? starts[i + 1] : text.length;
      const shown = text.slice(starts[i], end).flatMap((p) => p.match(AMOUNT) ?? []);
      expect(shown, t.mark).toEqual(amountsOf(t));
    });
  });

  it('repeats the header on every page a table continues on, and prints its notes', () => {
    tables.forEach((t, i) => {
      const end = i + 1 < tables.length ? starts[i + 1] : text.length;
      // The whole merged header, line by line, left to right.
      const header = squash(
        headerGrid(t.header)
          .sort((a, b) => a.row - b.row || a.col - b.col)
          .map((h) => h.label)
          .join(''),
      );
      for (let p = starts[i]; p < end; p++) expect(squash(raw[p]), `${t.mark} page ${p + 1}`).toContain(header);
      const tail = squash(text.slice(starts[i], end).join(''));
      for (const n of t.notes) expect(tail).toContain(squash(n));
    });
  });

  it('embeds Noto Sans SC as subset fonts', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type... encoding emb sub uni object ID
      const [name, ...rest] = row.trim().split(/\s+/);
      const [emb, sub, uni] = rest.slice(-5, -2);
      expect(name).toMatch(/^[A-Z]{6}\+NotoSansSC-/);
      expect([emb, sub, uni], name).toEqual(['yes', 'yes', 'yes']);
    }
  });
});

describe.skipIf(!POPPLER)('PDF writer', () => {
  const { tables } = loadExample(SEED_DIR);

  it('writes <baseName>.pdf and, with perTable, one PDF per table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-pdf-'));
    try {
      const some = tables.slice(0, 3);
      const written = await writePdf(some, { dir, baseName: '104012-2024', perTable: true });
      // Named like the other formats' per-table files (104012-2024-预算01表.xlsx / .csv).
      expect(written).toEqual(['104012-2024', '104012-2024-预算01表', '104012-2024-预算02表', '104012-2024-预算03表'].map((b) => join(dir, `${b}.pdf`)));
      expect(pages(written[0]).join('')).toContain(some[2].mark);
      some.forEach((t, i) => {
        const own = pages(written[i + 1]).join('');
        expect(own).toContain(t.mark);
        for (const other of some.filter((o) => o !== t)) expect(own).not.toContain(other.mark);
      });
      expect(readFileSync(written[1]).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
