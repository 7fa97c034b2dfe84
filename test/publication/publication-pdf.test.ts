/**
 * The whole publication PDF (预算全文) read back with pdf.js, for the seed and a generated
 * department whose tables run over many pages: the page numbers its 目录 prints are the pages its
 * parts, sections and tables start on; all of 第一部分 is printed, in order; no table row is split
 * between pages and each continued page says 续表; the bookmarks nest sections and tables under the
 * parts; and our own audit of the file finds every table and no error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/generate.ts';
import { loadClassification } from '../../src/classification/load.ts';
import { audit } from '../../src/disclosure/audit/audit.ts';
import { outlineOf } from '../../src/formats/document/outline.ts';
import { publicationPdf } from '../../src/formats/document/pdf.ts';
import { buildPublication } from '../../src/publication/publication.ts';
import { renderParagraph } from '../../src/publication/statement.ts';
import { buildTables } from '../../src/tables/index.ts';
import { expectRowsWhole, readBack, squash, type ReadBack } from '../formats/pdf/read-back.ts';
import { loadExample, SEED_DIR } from '../helpers.ts';

const FOOTER = /^第\d+页，共\d+页$/;
/** A page's text without its footer. */
const body = (page: string) => squash(page).replace(/第\d+页，共\d+页$/, '');

/** The 目录's entries as printed: the runs of each line left to right, the page number last. */
function contents(read: ReadBack, pages: number[]): { text: string; page: number }[] {
  const entries: { text: string; page: number }[] = [];
  for (const p of pages) {
    const lines = new Map<number, { str: string; x: number }[]>();
    for (const r of read.runs[p]) {
      if (!r.str.trim() || FOOTER.test(squash(r.str))) continue;
      const y = Math.round(r.y * 2) / 2;
      lines.set(y, [...(lines.get(y) ?? []), r]);
    }
    for (const [, runs] of [...lines].sort((a, b) => b[0] - a[0])) {
      const texts = runs.sort((a, b) => a.x - b.x).map((r) => r.str);
      const number = texts.length > 1 && /^\d+$/.test(texts[texts.length - 1]) ? Number(texts.pop()) : undefined;
      if (number !== undefined) entries.push({ text: texts.join(''), page: number });
      // a line without a number: the title, or an entry wrapped onto a second line
      else if (entries.length) entries[entries.length - 1].text += texts.join('');
    }
  }
  return entries;
}


const [department] = generateProvince({ departments: 1, units: 12, lineItems: 1500, seed: 3 });
const cases: [string, () => Pick<ReturnType<typeof loadExample>, 'budget' | 'classification' | 'tables'>][] = [
  ['the seed', () => loadExample(SEED_DIR)],
  [
    'a generated department',
    () => {
      const classification = loadClassification(2024);
      return { budget: department, classification, tables: buildTables(department, classification) };
    },
  ],
];

describe.each(cases)('publication PDF of %s', (_name, load) => {
  const { budget, classification, tables } = load();
  const publication = buildPublication(budget, classification, tables);
  const listed = outlineOf(publication).filter((e) => e.inToc);
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-pub-pdf-'));
  const file = join(dir, 'publication.pdf');
  let read: ReadBack;
  let toc: { text: string; page: number }[];
  /** First page (0-based) of each table. */
  let starts: number[];
  beforeAll(async () => {
    const pdf = await publicationPdf(publication);
    writeFileSync(file, pdf);
    read = await readBack(pdf);
    // The 目录 runs from page 2 to the page before 第一部分.
    const partOne = read.pages.findIndex((p, i) => i > 0 && body(p).startsWith('第一部分'));
    toc = contents(
      read,
      Array.from({ length: partOne - 1 }, (_, i) => i + 1),
    );
    starts = tables.map((t) => toc.find((e) => e.text.startsWith(t.mark))!.page - 1);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with the cover, then lists every part, section and table in its 目录', () => {
    expect(body(read.pages[0])).toBe(squash(publication.title));
    expect(body(read.pages[1]).startsWith('目录')).toBe(true);
    expect(toc.map((e) => squash(e.text))).toEqual(listed.map((e) => squash(e.text)));
  });

  it('prints in its 目录 the page each entry really starts on', () => {
    const partOne = toc[0].page - 1;
    listed.forEach((e, i) => {
      const page = toc[i].page - 1;
      const title = squash(e.text);
      if (e.level === 1 || e.table) expect(body(read.pages[page]).startsWith(title), `${e.text} on page ${page + 1}`).toBe(true);
      else {
        // A section starts mid-page: its heading is a line of that page and of none before it.
        const heads = (p: number) => read.runs[p].some((r) => squash(r.str) === title);
        expect(heads(page), `${e.text} on page ${page + 1}`).toBe(true);
        for (let p = partOne; p < page; p++) expect(heads(p), `${e.text} already on page ${p + 1}`).toBe(false);
      }
    });
  });

  it('bookmarks each part, with its sections and tables under it, at the pages the 目录 gives', () => {
    const top = read.tree.filter((b) => b.depth <= 1);
    expect(top.map((b) => [b.title, b.depth, b.page])).toEqual(listed.map((e, i) => [e.text, e.level - 1, toc[i].page - 1]));
    // （一）-level headings are bookmarked under their section, not listed in the 目录.
    expect(read.tree.filter((b) => b.depth === 2).length).toBe(outlineOf(publication).filter((e) => e.level === 3).length);
  });

  it('prints all of 第一部分 说明, in order', () => {
    const partTwo = publication.blocks.findIndex((b) => b.type === 'heading' && b.part === 2);
    const texts = publication.blocks.slice(0, partTwo).map((b) => (b.type === 'heading' ? b.text : b.type === 'paragraph' ? renderParagraph(b.statements) : ''));
    const printed = read.pages.slice(toc[0].page - 1, toc[listed.findIndex((e) => e.block === partTwo)].page - 1).map(body).join('');
    let at = 0;
    for (const t of texts.map(squash)) {
      const found = printed.indexOf(t, at);
      expect(found, t).toBeGreaterThanOrEqual(at);
      at = found + t.length;
    }
    // and nothing else
    expect(at).toBe(printed.length);
  });

  it('prints each table row whole on one page, and 续表 with the title on every page after a table’s first', () => {
    let checked = 0;
    // The closing note follows the last table, on a page of its own when it does not fit under it.
    const noteOnly = read.pages.findIndex((p) => body(p).startsWith('注：'));
    tables.forEach((t, i) => {
      const pages = read.pages.slice(starts[i], i + 1 < tables.length ? starts[i + 1] : noteOnly >= 0 ? noteOnly : read.pages.length).map(body);
      pages.slice(1).forEach((p, k) => expect(p.startsWith(squash(`${t.mark} ${t.title}（续表）`)), `${t.mark} page ${starts[i] + k + 2}`).toBe(true));
      checked += expectRowsWhole(t, pages);
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('passes our own audit: every table found, no error', async () => {
    const { read: got, report } = await audit(file, 'auto', classification);
    expect(got.tables.map((t) => t.id)).toEqual(tables.map((t) => t.id));
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  }, 180_000);
});
