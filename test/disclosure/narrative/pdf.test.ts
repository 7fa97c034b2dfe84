/**
 * The 说明 checks on PDFs: the text comes from the PDF reader's lines (pdf.js words grouped into
 * lines), and gives the same findings as `pdftotext -layout` text of the same document. A whole
 * disclosure — 说明 pages, then yusuan's 23 tables — is audited through `audit()`: the clean one
 * gives no finding at all, the one with three planted defects gives exactly those three.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../../src/disclosure/audit/audit.ts';
import { checkNarrative, linesOfPdf, linesOfText, NARRATIVE_RULES, type NarrativeFinding } from '../../../src/disclosure/narrative/index.ts';
import { loadExample, SEED_DIR } from '../../helpers.ts';
import { documentPdf } from './document-pdf.ts';
import { explanation } from './explanation.ts';

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0;
if (!POPPLER) console.warn('narrative pdf.test.ts: pdftotext comparisons skipped (apt-get install poppler-utils)');
const SLOW = 240_000;

const dir = mkdtempSync(join(tmpdir(), 'yusuan-narrative-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A finding as its rule, page and the figures it compares (line numbers differ: pdftotext keeps blank lines). */
const brief = (f: NarrativeFinding) => `${f.rule} p${f.place.page} ${Object.entries(f.params).flatMap(([k, v]) => (k === 'labelEn' ? [] : [v])).join(' ')}`;
const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url);

const { tables, classification } = loadExample(SEED_DIR);
const pages = explanation(tables, 2024, { total: 290_000_000, gpb: 240_000_000, threePublic: 7_700_000 });
/** Three defects: a changed figure, a wrong direction word, an XX局 placeholder. */
const defective = pages.map((lines) =>
  lines.map((l) =>
    l
      .replace('收入预算303.74万元', '收入预算313.74万元')
      .replace('比上年减少0.41万元，下降5.32%', '比上年增加0.41万元，增长5.32%')
      .replace(new RegExp(`^${tables[0].filer}$`), '湖南省XX局'),
  ),
);
const paths = { clean: join(dir, 'clean.pdf'), defective: join(dir, 'defective.pdf') };

beforeAll(async () => {
  writeFileSync(paths.clean, await documentPdf(pages, tables));
  writeFileSync(paths.defective, await documentPdf(defective, tables));
}, SLOW);

describe('a whole disclosure as PDF, audited', () => {
  it(
    'the clean one: 23 tables read and no finding',
    async () => {
      const { read, report } = await audit(paths.clean, 'auto', classification);
      expect(read.tables).toHaveLength(23);
      expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
      expect(report.rulesRun).toEqual(expect.arrayContaining(NARRATIVE_RULES.map((r) => r.id)));
    },
    SLOW,
  );

  it(
    'the defective one: exactly the changed figure, the wrong direction and the placeholder',
    async () => {
      const { report } = await audit(paths.defective, 'auto', classification);
      expect(report.findings.filter((f) => f.severity !== 'info').map((f) => brief(f as NarrativeFinding))).toEqual([
        'N-figure p3 收入总计 313.74万元 收支总表 收入总计·收入/预算数 303.74万元',
        'N-change-direction p3 增加 7.29万元 7.70万元 -0.41万元',
        'N-placeholder p1 XX局',
      ]);
    },
    SLOW,
  );

  it.runIf(POPPLER)(
    'its PDF lines and its pdftotext text give the same findings',
    async () => {
      const fromPdf = checkNarrative(await linesOfPdf(readFileSync(paths.defective)), tables).map(brief);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', paths.defective, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(checkNarrative(linesOfText(text), tables).map(brief)).toEqual(fromPdf);
      expect(fromPdf).toHaveLength(3);
    },
    SLOW,
  );
});

describe('real PDFs and their pdftotext text give the same findings', () => {
  for (const name of ['sh-putuo-2024-caizhengju-final-injected', 'sh-putuo-2026-sifaju-dept-budget', 'sh-putuo-2023-wanli-dept-budget']) {
    it(
      name,
      async () => {
        const fromPdf = checkNarrative(await linesOfPdf(readFileSync(fixture(`${name}.pdf`))), []).map(brief);
        const fromText = checkNarrative(linesOfText(readFileSync(fixture(`${name}.txt`), 'utf8')), []).map(brief);
        expect(fromPdf).toEqual(fromText);
        expect(fromPdf.length).toBeGreaterThan(3);
      },
      SLOW,
    );
  }
});
