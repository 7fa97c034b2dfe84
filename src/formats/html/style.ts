/**
 * The stylesheet of the HTML output, inlined so the file is self-contained: system CJK fonts only
 * (no web fonts, no network), official-table look on screen, and A4 landscape print with one
 * table per page and the header repeated on every printed page.
 */
const INDENT_LEVELS = 8;

const indents = Array.from({ length: INDENT_LEVELS }, (_, i) => `table.budget .indent-${i + 1} { padding-left: ${0.3 + (i + 1)}em; }`).join('\n');

export const HTML_STYLE = `:root { color-scheme: light; }
body { margin: 1.5em; color: #000; background: #fff; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif; font-size: 14px; line-height: 1.4; }
h1 { font-size: 1.5em; text-align: center; margin: 0.5em 0 1em; }
nav.toc h2 { font-size: 1.1em; }
nav.toc ol { columns: 2; column-gap: 3em; padding-left: 0; list-style: none; }
nav.toc li { margin: 0.2em 0; break-inside: avoid; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
nav.toc .mark { display: inline-block; min-width: 5.5em; color: #444; }
.table-wrap { overflow-x: auto; margin: 2.5em 0; }
table.budget { border-collapse: collapse; width: 100%; font-size: 12px; }
table.budget caption { caption-side: top; text-align: left; padding-bottom: 0.4em; }
table.budget caption .mark { display: block; font-size: 12px; }
table.budget caption .title { display: block; text-align: center; font-size: 20px; font-weight: bold; margin: 0.2em 0 0.6em; white-space: pre-wrap; }
table.budget caption .meta { display: flex; justify-content: space-between; font-size: 12px; }
/* A table wider than the screen scrolls; its title and 单位 line stay within the screen (phones). */
table.budget caption .title, table.budget caption .meta { position: sticky; left: 0; max-width: calc(100vw - 3em); box-sizing: border-box; }
table.budget th, table.budget td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; white-space: pre-wrap; }
table.budget thead th { font-weight: normal; text-align: center; }
table.budget tbody th { font-weight: normal; text-align: left; min-width: 8em; }
table.budget tbody th.merged { text-align: center; }
table.budget td.code { white-space: nowrap; }
table.budget .amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.budget tfoot td { border: none; padding: 0.4em 0 0; text-align: left; }
${indents}
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; font-size: 10px; }
  .table-wrap { overflow: visible; margin: 0; }
  table.budget { break-before: page; font-size: 9px; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
}
`;

/** Class of a row label's indentation (levels beyond the last print at the last). */
export const indentClass = (level: number) => (level > 0 ? `indent-${Math.min(level, INDENT_LEVELS)}` : '');
