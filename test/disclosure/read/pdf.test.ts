/**
 * The PDF reader on the PDFs yusuan writes for both examples: audited, they must give back the
 * built tables (every amount cell, row key and text cell) with no error, no warning and no
 * ambiguity, since a ruled PDF prints each figure inside its column. Without rules it degrades to
 * the text reader's reading; broken and encrypted files give a clean error (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, type Audit } from '../../../src/disclosure/audit/audit.ts';
import { pdfBuffer } from '../../../src/formats/pdf.ts';
import { PageCanvas } from '../../../src/formats/pdf/page-canvas.ts';
import { tablePages } from '../../../src/formats/pdf/table-pages.ts';
import { readPdfContent } from '../../../src/disclosure/read/pdf/document.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { leaves, type Table } from '../../../src/ir/table.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';
import { compareTables, flaggedTables } from './compare.ts';
import { plainPdf } from './plain-pdf.ts';
import { auditFileRunner } from './unreadable.ts';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const errors = (a: Audit) => a.report.findings.filter((f) => f.severity === 'error');

/** Text cells (names, codes, goal texts) that differ from the built tables, as "table row column". */
function textDiffs(built: Table[], read: Table[]): string[] {
  return built.flatMap((b) => {
    const r = read.find((t) => t.id === b.id)!;
    return b.rows.flatMap((row, i) =>
      leaves(b.header).flatMap((c, k) => (typeof row.cells[k] === 'string' && row.cells[k] !== r.rows[i]?.cells[k] ? [`${b.id} ${i} ${c.key}`] : [])),
    );
  });
}

describe.each([
  ['the seed (one unit)', SEED_DIR, 1000],
  ['the multi-unit department', MULTI_DIR, 3000],
])('PDF reader: our PDF of %s', (_name, example, minCells) => {
  const ex = loadExample(example);
  let result: Audit;
  beforeAll(async () => {
    const file = join(dir, `${example.replace(/\W/g, '_')}.pdf`);
    writeFileSync(file, await pdfBuffer(ex.tables));
    result = await audit(file, 'auto', ex.classification);
  }, 180_000);

  it('finds all 23 tables, with no warning and no ambiguity', () => {
    expect(result.read.layout).toBe('hunan-23');
    expect(result.read.missing).toEqual([]);
    expect(result.read.tables.map((t) => t.id)).toEqual(ex.tables.map((t) => t.id));
    expect(result.read.warnings).toEqual([]);
    expect(result.read.ambiguities).toEqual([]);
  });

  it('reads every amount cell, row and text cell as built', () => {
    const cmp = compareTables(ex.tables, result.read);
    expect(cmp.cells).toBeGreaterThan(minCells);
    expect(cmp.differ).toEqual([]);
    expect(cmp.rowKeys).toEqual([]);
    expect(textDiffs(ex.tables, result.read.tables)).toEqual([]);
  });

  it('reads the head and notes of every table', () => {
    for (const b of ex.tables) {
      const t = result.read.tables.find((x) => x.id === b.id)!;
      // The PDF prints titles trimmed (预算23表's title starts with a space).
      expect([t.title, t.filer, t.unit, t.notes, t.empty]).toEqual([b.title.trim(), b.filer, b.unit, b.notes, b.empty]);
    }
  });

  it('passes the audit with no error', () => {
    expect(errors(result)).toEqual([]);
  });
});

describe('PDF reader: the nine-table layout', () => {
  it('reads a PDF of the nine tables in 元 back exactly', async () => {
    const seed = loadExample(SEED_DIR);
    const nine = readText(readFileSync(new URL('./fixtures/standard-9.txt', import.meta.url), 'utf8'), { classification: seed.classification }).tables;
    const file = join(dir, 'nine.pdf');
    writeFileSync(file, await pdfBuffer(nine));
    const { read } = await audit(file, 'auto', seed.classification);
    expect([read.layout, read.missing, read.warnings, read.ambiguities]).toEqual(['standard-9', [], [], []]);
    const rows = (t: Table) => t.rows.map((r) => [r.kind, r.code, r.unit, r.cells]);
    expect(read.tables.map(rows)).toEqual(nine.map(rows));
  }, 180_000);
});

describe('PDF reader: without ruled lines', () => {
  it('places figures by the header labels: all tables, every amount as built', async () => {
    const ex = loadExample(MULTI_DIR);
    const file = join(dir, 'unruled.pdf');
    writeFileSync(file, await unruled(ex.tables));
    const { pages } = await readPdfContent(readFileSync(file), 'unruled.pdf');
    expect(pages.flatMap((p) => [...p.rules.h, ...p.rules.v])).toEqual([]);
    const { read } = await audit(file, 'auto', ex.classification);
    expect(read.missing).toEqual([]);
    const cmp = compareTables(ex.tables, read);
    expect(cmp.differ).toEqual([]);
    // The rows the text alone cannot place (预算09–13表, 22表) are settled by the header's columns.
    expect(flaggedTables(read)).toEqual([]);
    // Names wrapped over lines are the text reader's to rebuild: 预算23表 names its units only by name.
    expect(cmp.rowKeys.every((k) => k.startsWith('23 '))).toBe(true);
  }, 180_000);
});

/** The tables PDF's pages with every text in its place and no rule drawn. */
function unruled(tables: Table[]): Promise<Buffer> {
  const canvas = new PageCanvas({ title: '', author: '' });
  const pages = tablePages(tables, canvas.glyphs);
  pages.forEach((p, i) => canvas.page({ ...p, rules: [] }, `第 ${i + 1} 页，共 ${pages.length} 页`));
  return canvas.end();
}

describe('PDF reader: files it cannot read', () => {
  const { run, stderr } = auditFileRunner(dir);

  it('a truncated PDF: exit 2 with a message naming the file', async () => {
    const whole = await pdfBuffer(loadExample(SEED_DIR).tables.slice(0, 2));
    expect(await run('truncated.pdf', whole.subarray(0, 2000))).toBe(2);
    expect(stderr()).toMatch(/truncated\.pdf/);
  }, 180_000);

  it('random bytes: exit 2', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await run('random.pdf', bytes)).toBe(2);
    expect(stderr()).toMatch(/不是有效的 PDF/);
  });

  it('an encrypted PDF: exit 2, saying it needs a password', async () => {
    expect(await run('encrypted.pdf', await plainPdf(['预算01表'], { userPassword: 'secret', ownerPassword: 'owner' }))).toBe(2);
    expect(stderr()).toMatch(/加密/);
  });

  it('a PDF without any table: exit 2', async () => {
    expect(await run('letter.pdf', await plainPdf(['这是一份通知，不是预算公开表。']))).toBe(2);
    expect(stderr()).toMatch(/未找到/);
    expect(readFileSync(join(dir, 'letter.pdf')).length).toBeGreaterThan(0);
  });
});
