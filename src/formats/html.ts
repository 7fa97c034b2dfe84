/**
 * HTML output: one self-contained page per package (inline CSS, no scripts, no network) with a
 * table of contents and each table as an accessible <table> — caption, merged header with scopes,
 * row headers — that prints one table per A4 landscape page. Output is deterministic.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headerDepth, headerGrid, leaves, type Table } from '../ir/table.ts';
import { HTML_STYLE, indentClass } from './html/style.ts';
import { printRow, rowHeaderColumns, type PrintCell } from './render-rows.ts';
import type { Writer } from './writers.ts';

export interface HtmlOptions {
  /** Language of the page chrome (title, contents); the tables always keep their official Chinese labels. */
  lang?: 'zh' | 'en';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const attrs = (pairs: [string, string | number | false][]) =>
  pairs
    .filter(([, v]) => v !== false && v !== '')
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');

/** Anchor id of a table in the page (#t01 … #t23). */
export const tableAnchor = (t: Table) => `t${t.id}`;

function headRows(t: Table): string[] {
  const depth = headerDepth(t.header);
  const lines: string[][] = Array.from({ length: depth }, () => []);
  for (const h of headerGrid(t.header)) {
    const leaf = h.row + h.rowSpan === depth;
    lines[h.row].push(`<th${attrs([['scope', leaf ? 'col' : 'colgroup'], ['colspan', h.colSpan > 1 && h.colSpan], ['rowspan', h.rowSpan > 1 && h.rowSpan]])}>${escapeHtml(h.label)}</th>`);
  }
  return lines.map((cells) => `<tr>${cells.join('')}</tr>`);
}

function bodyCell(c: PrintCell): string {
  const cls = [c.kind === 'amount' ? 'amount' : c.kind, c.centred ? 'merged' : '', indentClass(c.indent)].filter(Boolean).join(' ');
  const tag = c.rowHeader ? 'th' : 'td';
  return `<${tag}${attrs([['scope', c.rowHeader && 'row'], ['colspan', c.span > 1 && c.span], ['class', cls]])}>${escapeHtml(c.text)}</${tag}>`;
}

/** One table as a <table> fragment (the web app embeds it with the same stylesheet). */
export function htmlTable(t: Table): string {
  const cols = leaves(t.header);
  const headers = rowHeaderColumns(t, cols);
  const body = t.rows.map((r) => `<tr class="${r.kind}">${printRow(t, r, cols, headers).map(bodyCell).join('')}</tr>`);
  const notes = t.notes.map((n) => `<tr><td colspan="${cols.length}">${escapeHtml(n)}</td></tr>`);
  return [
    `<table id="${tableAnchor(t)}" class="budget">`,
    `<caption><span class="mark">${escapeHtml(t.mark)}</span><span class="title">${escapeHtml(t.title)}</span>` +
      `<span class="meta"><span>填报部门：${escapeHtml(t.filer)}</span><span>单位：${escapeHtml(t.unit)}</span></span></caption>`,
    '<thead>',
    ...headRows(t),
    '</thead>',
    '<tbody>',
    ...body,
    '</tbody>',
    ...(notes.length ? ['<tfoot>', ...notes, '</tfoot>'] : []),
    '</table>',
  ].join('\n');
}

const CHROME = {
  zh: { html: 'zh-CN', heading: (filer: string) => `${filer}部门预算公开表`, contents: '目录' },
  en: { html: 'en', heading: (filer: string) => `Departmental budget disclosure: ${filer}`, contents: 'Contents' },
};

/** The whole page of a package. */
export function htmlDocument(tables: Table[], opts: HtmlOptions = {}): string {
  const chrome = CHROME[opts.lang ?? 'zh'];
  const heading = escapeHtml(chrome.heading(tables[0]?.filer ?? ''));
  // In an English page the tables stay Chinese; say so for screen readers and fonts.
  const tableLang = opts.lang === 'en' ? ' lang="zh-CN"' : '';
  const toc = tables.map(
    (t) =>
      `<li><a href="#${tableAnchor(t)}"${tableLang}><span class="mark">${escapeHtml(t.mark)}</span>${escapeHtml(t.title.replace(/\s+/g, ''))}</a></li>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${chrome.html}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${heading}</title>`,
    `<style>\n${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${heading}</h1>`,
    `<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">${chrome.contents}</h2>`,
    '<ol>',
    ...toc,
    '</ol>',
    '</nav>',
    ...tables.map((t) => `<div class="table-wrap"${tableLang}>\n${htmlTable(t)}\n</div>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const writeHtml: Writer = async (tables, ctx) => {
  const path = join(ctx.dir, `${ctx.baseName}.html`);
  writeFileSync(path, htmlDocument(tables));
  return [path];
};
