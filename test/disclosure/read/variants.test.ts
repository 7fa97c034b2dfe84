/**
 * Printing variants other publishers use, applied to copies of real documents (fixtures/corpus/):
 * each copy must be read into the same tables with the same figures as the original. The copies
 * keep the layout: a figure reprinted wider takes the room from the spaces before it, so its right
 * edge (what columns are matched by) stays where it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFamily } from '../../../src/disclosure/audit/family-checks.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { cachedClassification, shippedYears } from '../../../src/classification/load.ts';
import type { Table } from '../../../src/ir/table.ts';

const classification = cachedClassification(shippedYears().at(-1)!);
const DIR = new URL('../fixtures/corpus/', import.meta.url).pathname;
const DOCS = ['sh-putuo-2026-sifaju-dept-budget', 'sh-putuo-2025-zfb-dept-budget', 'sh-putuo-2024-caizhengju-final'];
const original = (name: string) => readFileSync(`${DIR}${name}.txt`, 'utf8');

const tablesOf = (text: string) => readText(text, { classification }).grid!.tables;
const figures = (ts: Table[]) => ts.map((t) => ({ id: t.id, unit: t.unit, rows: t.rows.map((r) => r.cells.map((c) => (typeof c === 'number' ? c : null))) }));

const FIGURE = /( +)(\d{1,3}(?:,\d{3})*\.\d+)(?= |$)/g;
const fullWidth = (s: string) => s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const columns = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);

/**
 * A line with the figure that ends at `end` reprinted: in `pdftotext -layout` text a character's
 * index is its position on the page and a full-width character is two columns wide, so the new
 * figure starts early enough to end where the old one did, and the words after it keep their index.
 */
function reprint(line: string, start: number, end: number, printed: string): string {
  const from = end - columns(printed);
  if (from < 1 || line.slice(from - 1, start).trim()) return line;
  return line.slice(0, from) + printed + ' '.repeat(end - from - [...printed].length) + line.slice(end);
}

/** Every figure in full-width digits and separators. */
function fullWidthFigures(text: string): string {
  return text
    .split('\n')
    .map((line) => [...line.matchAll(FIGURE)].reverse().reduce((l, m) => reprint(l, m.index! + m[1].length, m.index! + m[0].length, fullWidth(m[2])), line))
    .join('\n');
}

/** The figures of a line other than zero with room before them for a bracket pair. */
const roomy = (line: string) => [...line.matchAll(FIGURE)].filter((m) => m[1].length >= 6 && /[1-9]/.test(m[2]));

describe.each(DOCS)('%s', (name) => {
  const text = original(name);
  const base = figures(tablesOf(text));

  it('reads the same figures when they are printed in full-width digits', () => {
    const copy = fullWidthFigures(text);
    expect(copy).not.toEqual(text);
    const got = figures(tablesOf(copy)); expect(got.flatMap((t, i) => t.rows.flatMap((r, j) => r.flatMap((c, k) => (c !== base[i]?.rows[j]?.[k] ? [[t.id, j, k, c, base[i]?.rows[j]?.[k]]] : []))))).toEqual([]); expect(got).toEqual(base);
  });

  it.each([
    ['(x)', (n: string) => `(${n})`],
    ['（x）', (n: string) => `（${n}）`],
    ['−x', (n: string) => `−${n}`],
    ['－x', (n: string) => `－${n}`],
    ['-x', (n: string) => `-${n}`],
  ])('reads a figure printed %s as negative', (_, negate) => {
    // The last figure of the first 合计 line of the last table that prints one.
    const lines = text.split('\n');
    const at = lines.length - 1 - [...lines].reverse().findIndex((l) => roomy(l).length > 0);
    const m = roomy(lines[at]).at(-1)!;
    lines[at] = reprint(lines[at], m.index! + m[1].length, m.index! + m[0].length, negate(m[2]));
    const read = figures(tablesOf(lines.join('\n')));
    const changed = read.flatMap((t, i) => t.rows.flatMap((r, j) => r.flatMap((c, k) => (c !== base[i].rows[j][k] ? [[t.id, j, k, c, base[i].rows[j][k]]] : []))));
    expect(changed, lines[at]).toHaveLength(1);
    const [, , , now, was] = changed[0];
    expect(now).toBe(-(was as number));
  });
});

describe('where the unit of a table is printed (sh-putuo-2024-caizhengju-final: every title has 单位：万元 on the line below)', () => {
  const lines = original('sh-putuo-2024-caizhengju-final').split('\n');
  // The tables' title lines: a title alone on its line with the unit line below (two print a blank line between: dropped).
  const isTitle = (l: string) => /^\s+\S+表\s*$/.test(l);
  const isUnit = (l = '') => /^\s+单位：万元\s*$/.test(l);
  for (let i = lines.length - 3; i >= 0; i--) if (isTitle(lines[i]) && !lines[i + 1].trim() && isUnit(lines[i + 2])) lines.splice(i + 1, 1);
  const titles = lines.flatMap((l, i) => (isTitle(l) && isUnit(lines[i + 1]) ? [i] : []));
  const text = lines.join('\n');
  const base = tablesOf(text);
  const variant = (edit: (ls: string[], title: number) => void) => {
    const ls = [...lines];
    for (const t of [...titles].reverse()) edit(ls, t);
    return ls.join('\n');
  };
  const unitWarnings = (t: string) => checkFamily(readText(t, { classification }).grid!).findings.filter((f) => f.rule === 'C-unit').map((f) => f.table);
  const same = (copy: string) => {
    expect(copy).not.toEqual(text);
    const read = tablesOf(copy);
    expect(read.map((t) => [t.id, t.unit])).toEqual(base.map((t) => [t.id, t.unit]));
    expect(figures(read)).toEqual(figures(base));
    expect(unitWarnings(copy)).toEqual([]);
  };

  it('finds nine titles with their unit below', () => expect(titles).toHaveLength(9));

  it('on the title line', () => same(variant((ls, t) => ls.splice(t, 2, `${ls[t]}          单位：万元`, ''))));

  it('above the title', () => same(variant((ls, t) => ls.splice(t, 2, ls[t + 1], ls[t]))));

  it('at the top of the next page, the title ending a page', () => same(variant((ls, t) => ls.splice(t + 1, 0, '=== page 0 ==='))));

  it('in a header label: 决算数（万元）', () => {
    const t = titles[0];
    const ls = [...lines];
    ls[t + 1] = '';
    ls[t + 4] = ls[t + 4].replace(/ {4}决算数/g, '决算数（万元）');
    expect(ls[t + 4]).toContain('决算数（万元）');
    same(ls.join('\n'));
  });

  it('nowhere: the unit of the other tables, with a C-unit warning naming the table', () => {
    const basic = titles.find((t) => lines[t].includes('基本支出决算表'))!;
    const ls = [...lines];
    ls[basic + 1] = '';
    const copy = ls.join('\n');
    const read = tablesOf(copy);
    expect(read.map((t) => [t.id, t.unit])).toEqual(base.map((t) => [t.id, t.unit]));
    expect(figures(read)).toEqual(figures(base));
    expect(unitWarnings(copy)).toEqual(['basic']);
  });

  it('a contents page listing the titles without a unit is still no table', () => {
    // the document's own contents page (page 2) lists all nine titles: the tables found stay nine
    expect(lines.filter((l) => /^\s+[一二三四五六七八九]、.*决算.*表\s*$/.test(l)).length).toBeGreaterThanOrEqual(9);
    expect(base.map((t) => t.id)).toHaveLength(9);
  });
});

describe('a table whose title is printed again on the next page, without （续表）', () => {
  const text = original('sh-putuo-2024-caizhengju-final');
  const lines = text.split('\n');
  const title = lines.findIndex((l) => /^\s+收入决算表\s*$/.test(l));
  // the title block and the header, down to its 类 款 项 line (not the 合计 figures printed within it)
  const headerEnd = lines.findIndex((l, i) => i > title && /^\s*类\s+款\s+项\s*$/.test(l)) + 1;
  const at = lines.findIndex((l, i) => i > title && /^210\s+卫生健康支出/.test(l));

  it('continues the same table: the same rows and figures', () => {
    expect(headerEnd).toBeGreaterThan(title + 3);
    const copy = [...lines.slice(0, at), '=== page 0 ===', ...lines.slice(title, headerEnd).filter((l) => !/\d\.\d\d/.test(l)), ...lines.slice(at)].join('\n');
    const read = readText(copy, { classification }).grid!;
    expect(read.warnings.filter((w) => w.includes('重复出现'))).toEqual([]);
    expect(figures(read.tables)).toEqual(figures(tablesOf(text)));
  });
});
