/**
 * The audit report for people: a text report grouped by table, and a self-contained HTML page
 * that shows each table read back with the cells findings point at highlighted (errors red,
 * warnings amber, figures placed by guess blue), each with its message as a tooltip.
 */
import type { Finding } from '../../checks/types.ts';
import { escapeHtml } from '../../formats/html.ts';
import { HTML_STYLE } from '../../formats/html/style.ts';
import { printRow, rowHeaderColumns } from '../../formats/render-rows.ts';
import { headerDepth, headerGrid, leaves, type Table } from '../../ir/table.ts';
import type { Audit } from './audit.ts';

const SEVERITY = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'] } as const;

interface Group {
  id: string;
  mark?: string;
  table?: Table;
  title: string;
  findings: Finding[];
  ambiguities: string[];
  warnings: string[];
}

/** Findings, guesses and reading warnings per table, in layout order; the rest under "其他". */
function groups({ read, report, set }: Audit, lang: 'zh' | 'en'): Group[] {
  const out: Group[] = set.tables.map((l) => {
    const table = read.tables.find((t) => t.id === l.id);
    return { id: l.id, mark: l.mark, table, title: `${l.mark} ${(table?.title ?? l.title).trim()}`, findings: [], ambiguities: [], warnings: [] };
  });
  const other: Group = { id: '', title: lang === 'zh' ? '其他' : 'Other', findings: [], ambiguities: [], warnings: [] };
  const of = (id?: string) => out.find((g) => g.id === id) ?? other;
  for (const f of report.findings) of(f.table).findings.push(f);
  for (const a of read.ambiguities) {
    const t = read.tables.find((x) => x.id === a.table)!;
    const label = new Map(leaves(t.header).map((c) => [c.key, c.path.join('/')]));
    const where = a.values
      .map((v, i) => {
        const c = a.candidates[i];
        if (c.length < 2) return '';
        const names = c.map((k) => label.get(k));
        return `${v} → ${c.length <= 3 ? names.join(' | ') : lang === 'zh' ? `${names[0]} 等 ${c.length} 列之一` : `one of ${c.length} columns from ${names[0]}`}`;
      })
      .filter(Boolean);
    of(a.table).ambiguities.push(`「${a.rowLabel}」${where.join('；')}（${lang === 'zh' ? '取最左' : 'leftmost taken'}）`);
  }
  // Readers prefix a table's warnings with its mark.
  for (const w of read.warnings) {
    const g = out.find((x) => x.mark && w.startsWith(`${x.mark}：`));
    if (g) g.warnings.push(w.slice(g.mark!.length + 1));
    else other.warnings.push(w);
  }
  return [...out, other].filter((g) => g.findings.length || g.ambiguities.length || g.warnings.length);
}

function summary({ read, report, set }: Audit, lang: 'zh' | 'en'): string[] {
  const n = (s: Finding['severity']) => report.findings.filter((f) => f.severity === s).length;
  const rows = read.ambiguities.length;
  const missing = read.missing.map((id) => set.tables.find((t) => t.id === id)?.mark ?? id);
  const family = read.grid ? `（${read.grid.family.name}）` : '';
  return lang === 'zh'
    ? [
        `版式 ${read.layout}${family}：找到 ${read.tables.length}/${set.tables.length} 张表${missing.length ? `，缺少 ${missing.join('、')}` : ''}。`,
        ...(read.grid ? tablesFound(read.tables) : []),
        `运行规则 ${report.rulesRun.length} 条，未运行 ${report.rulesNotRun.length} 条；错误 ${n('error')}，警告 ${n('warning')}，提示 ${n('info')}；无法唯一定位的行 ${rows} 行。`,
      ]
    : [
        `Layout ${read.layout}: ${read.tables.length} of ${set.tables.length} tables found${missing.length ? `, missing ${missing.join(', ')}` : ''}.`,
        `${report.rulesRun.length} rules run, ${report.rulesNotRun.length} not run; ${n('error')} errors, ${n('warning')} warnings, ${n('info')} info; ${rows} rows placed by guess.`,
      ];
}

/** Each table found: as printed, its unit, rows and the columns read from its header. */
function tablesFound(tables: Table[]): string[] {
  return tables.map((t) => {
    const cols = leaves(t.header).filter((c) => c.kind === 'amount').map((c) => c.path.join('/'));
    return `  ${t.mark}：「${t.title}」，单位：${t.unit}，${t.rows.length} 行${t.empty ? '（空表）' : ''}；列：${cols.join('、')}${t.filer ? `；${t.filer}` : ''}`;
  });
}

export function auditText(a: Audit, lang: 'zh' | 'en' = 'zh'): string {
  const zh = lang === 'zh';
  const lines = [...summary(a, lang), ''];
  for (const g of groups(a, lang)) {
    lines.push(g.title);
    for (const f of g.findings) lines.push(`  [${SEVERITY[f.severity][zh ? 0 : 1]}] ${f.rule}  ${zh ? f.message : f.messageEn}`);
    for (const s of g.ambiguities) lines.push(`  [${zh ? '歧义' : 'ambiguous'}] ${s}`);
    for (const w of g.warnings) lines.push(`  [${zh ? '读取' : 'reading'}] ${w}`);
    lines.push('');
  }
  if (a.report.rulesNotRun.length) {
    lines.push(zh ? '未运行的规则：' : 'Rules not run:');
    for (const r of a.report.rulesNotRun) lines.push(`  ${r.rule}：${r.reason}`);
  }
  return lines.join('\n').trimEnd();
}

const AUDIT_STYLE = `
.summary p { margin: 0.2em 0; }
section.audit h2 { font-size: 1.2em; margin: 2em 0 0.5em; }
ul.findings { margin: 0.3em 0 0.8em; padding-left: 1.2em; }
ul.findings li.error { color: #a00; }
ul.findings li.warning { color: #8a5a00; }
ul.findings li.ambiguous { color: #0645ad; }
table.budget td.error { background: #fdd; outline: 2px solid #c00; outline-offset: -2px; }
table.budget td.warning { background: #fff0c2; }
table.budget td.ambiguous { background: #e3edff; }
`;

export function auditHtml(a: Audit): string {
  const gs = groups(a, 'zh');
  const filer = a.read.tables[0]?.filer ?? '';
  const sections = a.set.tables.flatMap((l) => {
    const t = a.read.tables.find((x) => x.id === l.id);
    const g = gs.find((x) => x.id === l.id);
    if (!t && !g) return [];
    return [
      `<section class="audit" id="t${l.id}">`,
      `<h2>${escapeHtml(g?.title ?? `${l.mark} ${t!.title.trim()}`)}</h2>`,
      ...(g ? [findingList(g)] : []),
      ...(t ? [`<div class="table-wrap">\n${markedTable(t, a)}\n</div>`] : [`<p>未找到本表。</p>`]),
      '</section>',
    ];
  });
  const other = gs.find((g) => g.id === '');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(filer)}部门预算公开表审计报告</title>`,
    `<style>\n${HTML_STYLE}${AUDIT_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(filer)}部门预算公开表审计报告</h1>`,
    `<div class="summary">${summary(a, 'zh').map((s) => `<p>${escapeHtml(s)}</p>`).join('')}</div>`,
    ...(other ? [`<section class="audit"><h2>${escapeHtml(other.title)}</h2>${findingList(other)}</section>`] : []),
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function findingList(g: Group): string {
  const items = [
    ...g.findings.map((f) => `<li class="${f.severity}">[${SEVERITY[f.severity][0]}] ${escapeHtml(f.rule)} ${escapeHtml(f.message)}</li>`),
    ...g.ambiguities.map((s) => `<li class="ambiguous">[歧义] ${escapeHtml(s)}</li>`),
    ...g.warnings.map((w) => `<li class="warning">[读取] ${escapeHtml(w)}</li>`),
  ];
  return items.length ? `<ul class="findings">${items.join('')}</ul>` : '';
}

/** The table with the cells findings and guesses point at marked. */
function markedTable(t: Table, a: Audit): string {
  const cols = leaves(t.header);
  const index = new Map(cols.map((c, i) => [c.key, i]));
  const marks = new Map<string, { cls: string; notes: string[] }>();
  const mark = (row: number, col: number | undefined, cls: string, note: string) => {
    if (col === undefined) return;
    const m = marks.get(`${row}:${col}`) ?? { cls, notes: [] };
    if (cls === 'error' || (cls === 'warning' && m.cls === 'ambiguous')) m.cls = cls;
    m.notes.push(note);
    marks.set(`${row}:${col}`, m);
  };
  for (const f of a.report.findings) if (f.table === t.id && f.row !== undefined) mark(f.row, f.column ? index.get(f.column) : undefined, f.severity, f.message);
  for (const amb of a.read.ambiguities.filter((x) => x.table === t.id))
    amb.chosen.forEach((k, i) => amb.candidates[i].length > 1 && mark(amb.row, index.get(k), 'ambiguous', `${amb.values[i]} 也可能在：${amb.candidates[i].filter((c) => c !== k).join('、')}`));
  const headers = rowHeaderColumns(t, cols);
  const depth = headerDepth(t.header);
  const head = Array.from({ length: depth }, (_, d) =>
    headerGrid(t.header)
      .filter((h) => h.row === d)
      .map((h) => `<th${h.colSpan > 1 ? ` colspan="${h.colSpan}"` : ''}${h.rowSpan > 1 ? ` rowspan="${h.rowSpan}"` : ''}>${escapeHtml(h.label)}</th>`)
      .join(''),
  );
  const body = t.rows.map((r, ri) => {
    let col = 0;
    const cells = printRow(t, r, cols, headers).map((c) => {
      const m = marks.get(`${ri}:${col}`);
      col += c.span;
      const cls = [c.kind === 'amount' ? 'amount' : c.kind, m?.cls].filter(Boolean).join(' ');
      const title = m ? ` title="${escapeHtml(m.notes.join('\n'))}"` : '';
      return `<td${c.span > 1 ? ` colspan="${c.span}"` : ''} class="${cls}"${title}>${escapeHtml(c.text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    `<table class="budget"><caption><span class="meta"><span>填报部门：${escapeHtml(t.filer)}</span><span>单位：${escapeHtml(t.unit)}</span></span></caption>`,
    `<thead>${head.map((h) => `<tr>${h}</tr>`).join('')}</thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}
