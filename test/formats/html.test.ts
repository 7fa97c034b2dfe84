import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlDocument, htmlTable, writeHtml } from '../../src/formats/html.ts';
import { headerDepth, leaves, type Table } from '../../src/ir/table.ts';
import { formatMoney } from '../../src/money/money.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const EXAMPLES = [SEED_DIR, MULTI_DIR].filter((d) => existsSync(join(d, 'budget.json')));
const GOLDEN = 'test/golden/hunan-104012.html';

interface ParsedCell {
  tag: 'th' | 'td';
  attrs: Record<string, string>;
  text: string;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function parseAttrs(s: string): Record<string, string> {
  return Object.fromEntries([...s.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));
}

/** Rows of one section (thead/tbody/tfoot) of a table: the cells of each <tr>. */
function sectionRows(table: string, section: string): ParsedCell[][] {
  const body = new RegExp(`<${section}>([\\s\\S]*?)</${section}>`).exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<(th|td)((?:\s[^>]*)?)>([\s\S]*?)<\/\1>/g)].map((m) => ({
      tag: m[1] as 'th' | 'td',
      attrs: parseAttrs(m[2]),
      text: unescape(m[3]),
    })),
  );
}

const span = (c: ParsedCell, a: 'colspan' | 'rowspan') => Number(c.attrs[a] ?? 1);

function tablesIn(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<table id="([^"]+)"[^>]*>[\s\S]*?<\/table>/g)].map((m) => [m[1], m[0]]));
}

/** Display of the IR's amounts, row by row, as the official tables print them. */
const amountsOf = (t: Table) => t.rows.flatMap((r) => r.cells.filter((c): c is number => typeof c === 'number').map((c) => formatMoney(c, t.unit)));

describe.each(EXAMPLES)('HTML of %s', (dir) => {
  const { tables } = loadExample(dir);
  const html = htmlDocument(tables);
  const byId = tablesIn(html);

  it('is one self-contained zh-CN page: no scripts, no external resources, system CJK font stack', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=|href="(?!#)/i);
    expect(html).toContain('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif');
    expect(html).toMatch(/@page \{ size: A4 landscape;/);
    expect(html).toMatch(/table\.budget \{ break-before: page;/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
  });

  it('has the 23 tables with ids t01…t23 in order, each linked from the contents', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
    expect([...byId.keys()]).toEqual(ids);
    const links = [...html.matchAll(/<nav[\s\S]*?<\/nav>/g)][0][0].match(/href="#(t\d\d)"/g)!.map((h) => h.slice(7, -1));
    expect(links).toEqual(ids);
  });

  it('captions each table with its mark and title, and prints 填报部门 and 单位', () => {
    for (const t of tables) {
      const caption = /<caption>([\s\S]*?)<\/caption>/.exec(byId.get(`t${t.id}`)!)![1];
      const text = unescape(caption.replace(/<[^>]+>/g, '\n'));
      expect(text).toContain(t.mark);
      expect(text).toContain(t.title);
      expect(text).toContain(`填报部门：${t.filer}`);
      expect(text).toContain(`单位：${t.unit}`);
    }
  });

  it('builds the header lines with spans covering every leaf column, scoped col / colgroup', () => {
    for (const t of tables) {
      const n = leaves(t.header).length;
      const depth = headerDepth(t.header);
      const rows = sectionRows(byId.get(`t${t.id}`)!, 'thead');
      expect(rows).toHaveLength(depth);
      // Columns of each header line already taken by cells spanning down from the lines above.
      const carried = Array(depth).fill(0);
      rows.forEach((cells, line) => {
        for (const c of cells) {
          expect(c.tag).toBe('th');
          const leaf = line + span(c, 'rowspan') === depth;
          expect(c.attrs.scope, `${t.mark} ${c.text}`).toBe(leaf ? 'col' : 'colgroup');
          for (let below = line + 1; below < line + span(c, 'rowspan'); below++) carried[below] += span(c, 'colspan');
        }
        const width = cells.reduce((s, c) => s + span(c, 'colspan'), 0) + carried[line];
        expect(width, `${t.mark} header line ${line + 1}`).toBe(n);
      });
      const leafLabels = rows.flatMap((cells, line) => cells.filter((c) => line + span(c, 'rowspan') === depth).map((c) => c.text));
      expect(leafLabels.sort()).toEqual(leaves(t.header).map((l) => l.path[l.path.length - 1]).sort());
    }
  });

  it('prints every row across all columns, labelled by a row header', () => {
    for (const t of tables) {
      const cols = leaves(t.header);
      const rows = sectionRows(byId.get(`t${t.id}`)!, 'tbody');
      expect(rows).toHaveLength(t.rows.length);
      const nameCol = cols.findIndex((c) => c.kind === 'text');
      rows.forEach((cells, r) => {
        expect(cells.reduce((s, c) => s + span(c, 'colspan'), 0)).toBe(cols.length);
        const label = t.rows[r].cells[nameCol] ?? t.rows[r].cells[0];
        if (typeof label === 'string' && label !== '') {
          const heads = cells.filter((c) => c.tag === 'th');
          expect(heads.every((c) => c.attrs.scope === 'row')).toBe(true);
          expect(heads.map((c) => c.text), `${t.mark} row ${r + 1}`).toContain(label);
        }
      });
    }
  });

  it('prints every amount of every table, in row order, right-aligned as 万元 with 2 decimals', () => {
    for (const t of tables) {
      const cells = sectionRows(byId.get(`t${t.id}`)!, 'tbody').flat();
      const shown = cells.filter((c) => c.text !== '' && /\bamount\b/.test(c.attrs.class ?? '')).map((c) => c.text);
      expect(shown, t.mark).toEqual(amountsOf(t));
      expect(shown.every((s) => /^-?\d+\.\d{2}$/.test(s))).toBe(true);
    }
    expect(html).toMatch(/\.amount \{ text-align: right;[^}]*font-variant-numeric: tabular-nums/);
  });

  it('indents row labels by their level and prints the notes', () => {
    for (const t of tables) {
      const table = byId.get(`t${t.id}`)!;
      const rows = sectionRows(table, 'tbody');
      rows.forEach((cells, r) => {
        const level = t.rows[r].indent;
        const head = cells.find((c) => c.attrs.scope === 'row');
        if (head && level > 0) expect(head.attrs.class).toContain(`indent-${level}`);
      });
      // Scoped to the table so that the rule outranks the cells' own padding.
      for (const level of new Set(t.rows.map((r) => r.indent).filter((l) => l > 0))) {
        expect(html).toMatch(new RegExp(`table\\.budget \\.indent-${level} \\{ padding-left: [\\d.]+em; \\}`));
      }
      const notes = sectionRows(table, 'tfoot').flat().map((c) => c.text);
      expect(notes).toEqual(t.notes);
    }
  });
});

describe('HTML escaping and options', () => {
  const { tables } = loadExample(SEED_DIR);

  it('escapes every text taken from the data', () => {
    const evil: Table = {
      ...tables[2],
      title: '<script>alert("x")</script>',
      filer: 'A & B <单位>',
      rows: tables[2].rows.map((r, i) => (i === 1 ? { ...r, cells: r.cells.map((c) => (typeof c === 'string' ? `${c}<img src=x onerror=alert(1)>` : c)) } : r)),
      notes: ['注：a < b & "c"'],
    };
    const html = htmlTable(evil);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('填报部门：A &amp; B &lt;单位&gt;');
    expect(html).toContain('注：a &lt; b &amp; &quot;c&quot;');
  });

  it('writes an English page chrome around the Chinese tables when asked', () => {
    const html = htmlDocument(tables, { lang: 'en' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('Contents');
    expect(html.match(/<div class="table-wrap" lang="zh-CN">/g)).toHaveLength(23);
  });

  it('writes <baseName>.html into the output folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-html-'));
    try {
      const written = await writeHtml(tables, { dir, baseName: '104012-2024' });
      expect(written).toEqual([join(dir, '104012-2024.html')]);
      expect(readFileSync(written[0], 'utf8')).toBe(htmlDocument(tables));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('matches the golden page of the seed (regenerate with UPDATE_GOLDEN=1)', () => {
    const html = htmlDocument(tables);
    expect(htmlDocument(loadExample(SEED_DIR).tables)).toBe(html);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, html);
    }
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
