/**
 * The tables PDF of a generated department large enough for tables to run over several pages,
 * read back with pdf.js: each table starts on its own page and bookmark, its header is repeated
 * on every page it continues on, no row is split between pages, and every amount is printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../../../bench/generate.ts';
import { loadClassification } from '../../../src/classification/load.ts';
import { audit } from '../../../src/disclosure/audit/audit.ts';
import { pdfBuffer } from '../../../src/formats/pdf.ts';
import { buildTables } from '../../../src/tables/index.ts';
import { AMOUNT, amountsOf, expectRowsWhole, headerText, readBack, squash, tableRanges, type ReadBack } from './read-back.ts';

const [department] = generateProvince({ departments: 1, units: 12, lineItems: 1500, seed: 3 });
const classification = loadClassification(2024);
const tables = buildTables(department, classification);


describe('tables PDF of a large generated department', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-pdf-pages-'));
  const file = join(dir, 'tables.pdf');
  let read: ReadBack;
  let ranges: [number, number][];
  beforeAll(async () => {
    const pdf = await pdfBuffer(tables);
    writeFileSync(file, pdf);
    read = await readBack(pdf);
    ranges = tableRanges(read.pages, tables);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts each table on a new page, in order, and several run over more than one page', () => {
    expect(ranges.map(([s]) => s)[0]).toBe(0);
    ranges.forEach(([s, e], i) => expect(e, tables[i].mark).toBeGreaterThan(s));
    expect(ranges.filter(([s, e]) => e - s >= 3).length).toBeGreaterThanOrEqual(3);
  });

  it('numbers every page 第 N 页，共 M 页', () => {
    read.pages.forEach((p, i) => expect(squash(p)).toContain(`第${i + 1}页，共${read.pages.length}页`));
  });

  it('repeats the whole header on every page of a table', () => {
    tables.forEach((t, i) => {
      for (let p = ranges[i][0]; p < ranges[i][1]; p++) expect(squash(read.pages[p]), `${t.mark} page ${p + 1}`).toContain(headerText(t));
    });
  });

  it('prints each row whole on one page', () => {
    let checked = 0;
    tables.forEach((t, i) => {
      checked += expectRowsWhole(t, read.pages.slice(...ranges[i]).map(squash));
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('prints every amount of every table, in order, and nothing else that reads as one', () => {
    tables.forEach((t, i) => {
      const shown = read.pages.slice(...ranges[i]).flatMap((p) => p.match(AMOUNT) ?? []);
      expect(shown, t.mark).toEqual(amountsOf(t));
    });
  });

  it('bookmarks the first page of each table, and names the department in the metadata', () => {
    expect(read.outline).toEqual(tables.map((t, i) => ({ title: `${t.mark} ${t.title.trim()}`, page: ranges[i][0] })));
    expect(read.info.Title).toBe(`${tables[0].filer}部门预算公开表`);
    expect(read.info.Author).toBe(tables[0].filer);
  });

  it('passes our own audit with every table found and no error', async () => {
    const { read: tablesRead, report } = await audit(file, 'auto', classification);
    expect(tablesRead.tables.map((t) => t.id)).toEqual(tables.map((t) => t.id));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 120_000);
});

describe('tables PDF of no tables', () => {
  it('is a valid PDF of one blank, numbered page', async () => {
    const { pages, outline } = await readBack(await pdfBuffer([]));
    expect(pages.map(squash)).toEqual(['第1页，共1页']);
    expect(outline).toEqual([]);
  });
});
