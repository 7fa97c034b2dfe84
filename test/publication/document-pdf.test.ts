/**
 * The whole publication as PDF and DOCX, read back as a reader would: `yusuan build --format
 * pdf,docx,html` on the seed, pdftotext per page (cover with the year, 目录 whose page numbers are
 * the pages the tables start on, the seven sections, the 23 tables), the bookmarks (pdf.js), and the
 * DOCX converted by LibreOffice with the same headings.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationPdf } from '../../src/formats/document/pdf.ts';
import { buildPublication } from '../../src/publication/publication.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0;
const SOFFICE = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
const pages = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, -1);
const HEADINGS = ['一、单位基本概况', '二、单位预算单位构成', '三、单位收支总体情况', '四、一般公共预算拨款支出', '五、政府性基金预算支出', '六、其他重要事项的情况说明', '七、名词解释'];

async function outline(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const out: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null, depth: number) =>
    items?.forEach((i) => {
      out.push(`${'  '.repeat(depth)}${i.title}`);
      walk(i.items as never, depth + 1);
    });
  walk((await doc.getOutline()) as never, 0);
  await doc.destroy();
  return out;
}

describe.skipIf(!POPPLER)('the whole publication built by the CLI (seed)', () => {
  const out = mkdtempSync(join(tmpdir(), 'yusuan-pub-'));
  const { tables } = loadExample(SEED_DIR);
  let text: string[] = [];
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['bin/yusuan.mjs', 'build', SEED_DIR, '--format', 'pdf,docx,html,tables-pdf', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    text = pages(join(out, '104012-2024.pdf'));
  }, 300_000);

  it('writes the document in each format, and the tables alone under their own name', () => {
    for (const f of ['104012-2024.pdf', '104012-2024.docx', '104012-2024.html', '104012-2024-tables.pdf']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(pages(join(out, '104012-2024-tables.pdf')).length).toBe(23);
  });

  it('opens with a cover naming the body and the year, and carries the title in its metadata', () => {
    expect(squash(text[0])).toBe('湖南省对外科技交流中心2024年单位预算');
    const info = execFileSync('pdfinfo', [join(out, '104012-2024.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+湖南省对外科技交流中心2024年单位预算/);
  });

  it('lists in its 目录 each section and table with the page it starts on', () => {
    const tocPages = text.slice(1, 3).join('\n');
    expect(squash(text[1])).toContain('目录');
    for (const t of tables) {
      const entry = tocPages.split('\n').find((l) => l.includes(t.mark));
      expect(entry, t.mark).toBeDefined();
      const page = Number(entry!.trim().split(/\s+/).pop());
      expect(squash(text[page - 1]).startsWith(t.mark), `${t.mark} on page ${page}`).toBe(true);
    }
    const partOne = tocPages.split('\n').find((l) => l.includes('第一部分'))!;
    expect(squash(text[Number(partOne.trim().split(/\s+/).pop()) - 1])).toContain('第一部分2024年单位预算说明');
  });

  it('prints 第一部分 with the seven sections filled from data, then 第二部分 with the 23 tables and the note', () => {
    const all = squash(text.join('\n'));
    let at = all.indexOf('第一部分2024年单位预算说明', all.indexOf('第二部分') + 1);
    expect(at).toBeGreaterThan(0);
    for (const h of HEADINGS) {
      const next = all.indexOf(h, at);
      expect(next, h).toBeGreaterThan(at);
      at = next;
    }
    expect(all).toContain('收入预算总计303.74万元');
    expect(all).toContain('“三公”经费预算7.29万元');
    const two = all.indexOf('第二部分2024年单位预算公开表格', at);
    expect(two).toBeGreaterThan(at);
    for (const t of tables) expect(all.indexOf(t.mark, two), t.mark).toBeGreaterThan(two);
    expect(all).toContain('注：以上单位预算报表中，空表表示本单位无相关收支情况。');
  });

  it('has bookmarks for the parts, the sections and every table', async () => {
    const marks = await outline(join(out, '104012-2024.pdf'));
    expect(marks[0]).toBe('第一部分 2024年单位预算说明');
    for (const h of HEADINGS) expect(marks).toContain(`  ${h}`);
    expect(marks.filter((m) => /^ {2}预算\d\d表 /.test(m))).toHaveLength(23);
  });

  it.skipIf(!SOFFICE)(
    'gives a DOCX that LibreOffice converts with the same headings',
    () => {
      const profile = join(out, 'lo-profile');
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(out, 'lo'), join(out, '104012-2024.docx')], {
        env: { ...process.env, HOME: out },
        stdio: 'ignore',
        timeout: 240_000,
      });
      const converted = squash(pages(join(out, 'lo', '104012-2024.pdf')).join('\n'));
      expect(converted.startsWith('湖南省对外科技交流中心2024年单位预算')).toBe(true);
      let at = converted.indexOf('第一部分2024年单位预算说明', converted.indexOf('目录'));
      for (const h of [...HEADINGS, '第二部分2024年单位预算公开表格', ...tables.map((t) => t.mark)]) {
        const next = converted.indexOf(h, at + 1);
        expect(next, h).toBeGreaterThan(at);
        at = next;
      }
      expect(converted).toContain('303.74');
    },
    300_000,
  );
});

describe.skipIf(!POPPLER)('a table that runs over pages (multi-unit example)', () => {
  it('repeats its title with 续表 on every page after its first', async () => {
    const { budget, classification, tables } = loadExample(MULTI_DIR);
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-pub-'));
    const file = join(dir, 'multi.pdf');
    writeFileSync(file, await publicationPdf(buildPublication(budget, classification, tables)));
    const text = pages(file);
    rmSync(dir, { recursive: true, force: true });
    const partTwo = text.findIndex((p) => squash(p).startsWith('第二部分'));
    const starts = tables.map((t) => text.findIndex((p, i) => i > partTwo && squash(p).startsWith(t.mark)));
    let continued = 0;
    tables.forEach((t, i) => {
      const end = i + 1 < tables.length ? starts[i + 1] : text.length;
      for (let p = starts[i] + 1; p < end; p++) {
        expect(squash(text[p]).startsWith(squash(`${t.mark} ${t.title}（续表）`)), `${t.mark} page ${p + 1}`).toBe(true);
        continued++;
      }
    });
    expect(continued).toBeGreaterThan(0);
  }, 120_000);
});
