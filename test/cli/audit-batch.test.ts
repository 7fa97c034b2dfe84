/**
 * `yusuan audit <folder>`: the seed text, our PDF of the seed, a broken PDF and a zip bomb, each
 * audited in a worker: a progress line per document on stderr, one line per document and a
 * summary on stdout, exit 2 (the worst document), and the json, csv and html reports.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { auditBatch, documentsIn, type DocumentResult } from '../../src/disclosure/audit/batch.ts';
import { writeBatchReports } from '../../src/disclosure/audit/batch-report.ts';
import { pdfBuffer } from '../../src/formats/pdf.ts';
import { zipBombXlsx } from '../../scripts/hostile/files.ts';
import { loadExample, SEED_DIR, SEED_TEXT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-batch-'));
const docs = join(dir, 'docs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(docs, 'more'), { recursive: true });
  writeFileSync(join(docs, 'seed.txt'), readFileSync(SEED_TEXT));
  writeFileSync(join(docs, 'seed.pdf'), await pdfBuffer(loadExample(SEED_DIR).tables));
  writeFileSync(join(docs, 'more', 'broken.pdf'), '%PDF-1.4 this is not really a PDF');
  writeFileSync(join(docs, 'more', 'bomb.xlsx'), await zipBombXlsx(70));
  writeFileSync(join(docs, 'notes.md'), 'not a disclosure: skipped in a folder');
}, 120_000);

describe('yusuan audit on a folder', () => {
  it('audits every readable file under the folder, prints a line each and a summary, and exits 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void err.push(String(m)));
    const code = await main(['audit', docs]);
    vi.restoreAllMocks();
    expect(code).toBe(2);
    const lines = out.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`[无法读取] ${join(docs, 'more', 'bomb.xlsx')} — 无法读取 Excel 文件 bomb.xlsx：xl/worksheets/sheet1.xml 解压后 70 MB，超过单个部件上限 64 MB`);
    expect(lines[1]).toMatch(new RegExp(`^\\[无法读取\\] ${join(docs, 'more', 'broken.pdf')} — .*broken\\.pdf`));
    expect(lines[2]).toBe(`[无错误] ${join(docs, 'seed.pdf')} — 版式 hunan-23，表 23/23，错误 0，警告 0`);
    expect(lines[3]).toBe(`[无错误] ${join(docs, 'seed.txt')} — 版式 hunan-23，表 23/23，错误 0，警告 7`);
    expect(lines[4]).toBe('共 4 份：无错误 2 份，有错误 0 份，无法读取 2 份；错误合计 0，警告合计 7。');
    // one progress line per document, as each finishes
    expect(err.filter((l) => /^\[\d\/4 [\d.]+ 秒\] /.test(l))).toHaveLength(4);
  }, 300_000);

  describe('reports', () => {
    let results: DocumentResult[];
    beforeAll(async () => {
      results = await auditBatch(await documentsIn([docs]), { layout: 'auto', formats: ['json', 'html'] });
    }, 300_000);

    it('json: one report per readable document and a summary naming each', () => {
      const out = join(dir, 'json');
      writeBatchReports(out, results, 'json');
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.documents.map((d: { status: string }) => d.status)).toEqual(['unreadable', 'unreadable', 'clean', 'clean']);
      expect(summary.documents[0].message).toMatch(/超过单个部件上限/);
      for (const d of summary.documents.slice(2)) {
        const report = JSON.parse(readFileSync(join(out, d.report), 'utf8'));
        expect(report.tables).toHaveLength(23);
        expect(report.findings.filter((f: { severity: string }) => f.severity === 'warning')).toHaveLength(d.warnings);
      }
      expect(summary.documents.slice(2).map((d: { report: string }) => d.report)).toEqual(['seed.pdf.json', 'seed.txt.json']);
    });

    it('csv: a summary row per document and a row per finding', () => {
      const out = join(dir, 'csv');
      writeBatchReports(out, results, 'csv');
      const summary = readFileSync(join(out, 'summary.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
      expect(summary[0]).toBe('document,status,layout,tables_found,tables_expected,tables_missing,rules_run,rules_not_run,errors,warnings,infos,message');
      expect(summary.slice(1).map((l) => l.split(',')[1])).toEqual(['unreadable', 'unreadable', 'clean', 'clean']);
      // the same coverage columns as each document's JSON
      for (const [i, l] of summary.slice(3).entries()) {
        const o = results[i + 2].outcome;
        expect(o.ok && l.split(',').slice(3, 8)).toEqual(o.ok && [23, 23, '', o.summary.rulesRunCount, o.summary.rulesNotRunCount].map(String));
        expect(o.ok && o.summary.rulesRunCount).toBeGreaterThan(100);
      }
      const findings = readFileSync(join(out, 'findings.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
      const total = results.reduce((n, r) => n + (r.outcome.ok ? r.outcome.findings.length : 0), 0);
      expect(findings).toHaveLength(1 + total);
      // the seed text lacks the notes of its seven empty tables; our PDF prints them
      expect(findings.filter((l) => l.includes(',C-empty-note,warning,'))).toHaveLength(7);
    });

    it('html: each readable document’s report and an index page linking them', () => {
      const out = join(dir, 'html');
      writeBatchReports(out, results, 'html');
      const index = readFileSync(join(out, 'index.html'), 'utf8');
      const links = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
      expect(links).toEqual(['seed.pdf.html', 'seed.txt.html']);
      for (const l of links) expect(readFileSync(join(out, l), 'utf8')).toMatch(/^<!DOCTYPE html>/);
      expect(index).toContain('共 4 份：无错误 2 份，有错误 0 份，无法读取 2 份');
      expect(index).toContain('<th>缺少的表</th><th>运行的规则</th>');
      expect(existsSync(join(out, 'bomb.xlsx.html'))).toBe(false);
    });
  });
});
