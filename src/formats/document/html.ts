/**
 * The whole publication as one self-contained HTML page: cover, 目录 (links), 第一部分 as headings
 * and paragraphs, 第二部分 the tables as the tables-only page draws them, and the closing note.
 * Deterministic, no scripts, no network.
 */
import type { Publication } from '../../publication/document.ts';
import { renderParagraph } from '../../publication/statement.ts';
import { escapeHtml, htmlTable } from '../html.ts';
import { HTML_STYLE } from '../html/style.ts';
import { outlineOf } from './outline.ts';

const DOCUMENT_STYLE = `header.cover { text-align: center; margin: 3em 0 4em; }
header.cover .body { font-size: 1.6em; font-weight: bold; margin: 0; }
header.cover h1 { font-size: 2em; margin: 0.3em 0; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents li.level-2 { padding-left: 1.5em; }
nav.contents li.table { padding-left: 3em; }
nav.contents a { color: inherit; text-decoration: none; }
main.publication h2 { font-size: 1.4em; text-align: center; margin: 2em 0 1em; }
main.publication h3 { font-size: 1.15em; margin: 1.5em 0 0.5em; }
main.publication h4 { font-size: 1em; margin: 1em 0 0.3em; }
main.publication p { text-indent: 2em; line-height: 1.8; margin: 0.3em 0; max-width: 48em; }
main.publication p.note { text-indent: 0; font-size: 0.9em; }
@media print { header.cover, nav.contents { break-after: page; } main.publication h2 { break-before: page; } }
`;

export function publicationHtml(p: Publication): string {
  const outline = outlineOf(p);
  const ids = new Map(outline.map((e) => [e.block, e.id]));
  const toc = outline
    .filter((e) => e.inToc)
    .map((e) => `<li class="${e.table ? 'table' : `level-${e.level}`}"><a href="#${e.id}">${escapeHtml(e.text)}</a></li>`);
  const body = p.blocks.map((b, i) => {
    switch (b.type) {
      case 'heading':
        return `<h${b.level + 1} id="${ids.get(i)}">${escapeHtml(b.text)}</h${b.level + 1}>`;
      case 'paragraph':
        return `<p>${escapeHtml(renderParagraph(b.statements))}</p>`;
      case 'note':
        return `<p class="note">${escapeHtml(b.text)}</p>`;
      case 'table':
        // htmlTable anchors the table as #tNN, the id the 目录 links to
        return `<div class="table-wrap">\n${htmlTable(b.table)}\n</div>`;
    }
  });
  const title = escapeHtml(p.title);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>\n${HTML_STYLE}${DOCUMENT_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="cover"><p class="body">${escapeHtml(p.body)}</p><h1>${p.year}年${p.word}预算</h1></header>`,
    '<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">目录</h2>',
    '<ol>',
    ...toc,
    '</ol>',
    '</nav>',
    '<main class="publication">',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
