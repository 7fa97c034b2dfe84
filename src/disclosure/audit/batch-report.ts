/**
 * What a batch audit prints and writes: one line per document and a summary; with `--out DIR`,
 * each document's report (text, JSON or HTML) beside a summary (summary.txt / summary.json /
 * index.html linking every report), or, as CSV, one summary row per document and one findings
 * row per finding. Amounts in the CSV are integer 分, as everywhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { escapeHtml } from '../../formats/html.ts';
import type { DocumentResult } from './batch.ts';
import type { ReportFormat } from './outcome.ts';

export type BatchFormat = 'text' | 'json' | 'csv' | 'html';

const STATUS = { clean: '无错误', errors: '有错误', unreadable: '无法读取' } as const;

function status({ outcome: o }: DocumentResult): keyof typeof STATUS {
  return !o.ok ? 'unreadable' : o.summary.errors ? 'errors' : 'clean';
}

export function documentLine(r: DocumentResult): string {
  const o = r.outcome;
  if (!o.ok) return `[${STATUS.unreadable}] ${r.path} — ${o.unreadable}`;
  const s = o.summary;
  return `[${STATUS[status(r)]}] ${r.path} — 版式 ${s.layout}，表 ${s.tablesFound}/${s.tablesExpected}，错误 ${s.errors}，警告 ${s.warnings}`;
}

export function summaryLine(results: DocumentResult[]): string {
  const n = (k: keyof typeof STATUS) => results.filter((r) => status(r) === k).length;
  const sum = (k: 'errors' | 'warnings') => results.reduce((t, { outcome: o }) => t + (o.ok ? o.summary[k] : 0), 0);
  return `共 ${results.length} 份：${STATUS.clean} ${n('clean')} 份，${STATUS.errors} ${n('errors')} 份，${STATUS.unreadable} ${n('unreadable')} 份；错误合计 ${sum('errors')}，警告合计 ${sum('warnings')}。`;
}

/** The per-document report each batch format needs from the worker. */
export const DOCUMENT_FORMAT: Record<BatchFormat, ReportFormat | undefined> = { text: 'text', json: 'json', html: 'html', csv: undefined };

/** Writes the reports into `dir`; returns the files written. */
export function writeBatchReports(dir: string, results: DocumentResult[], format: BatchFormat): string[] {
  mkdirSync(dir, { recursive: true });
  const names = reportNames(results, format);
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    written.push(join(dir, name));
  };
  const own = DOCUMENT_FORMAT[format];
  results.forEach((r, i) => {
    const report = r.outcome.ok && own ? r.outcome.reports[own] : undefined;
    if (report !== undefined) write(names[i], report);
  });
  const summary: Record<BatchFormat, () => [string, string][]> = {
    text: () => [['summary.txt', [...results.map(documentLine), summaryLine(results)].join('\n') + '\n']],
    json: () => [['summary.json', JSON.stringify(summaryJson(results, names), null, 1) + '\n']],
    csv: () => [
      ['summary.csv', summaryCsv(results)],
      ['findings.csv', findingsCsv(results)],
    ],
    html: () => [['index.html', indexHtml(results, names)]],
  };
  for (const [name, content] of summary[format]()) write(name, content);
  return written;
}

/** `name.pdf.html`: the document's file name and the report's extension; repeats get -2, -3 … */
function reportNames(results: DocumentResult[], format: BatchFormat): string[] {
  const seen = new Map<string, number>();
  return results.map((r) => {
    const base = basename(r.path).replace(/[^\p{L}\p{N}._-]/gu, '_');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${n > 1 ? `${base}-${n}` : base}.${format === 'text' ? 'txt' : format}`;
  });
}

function summaryJson(results: DocumentResult[], names: string[]) {
  return {
    documents: results.map((r, i) => ({
      path: r.path,
      status: status(r),
      ...(r.outcome.ok ? { ...r.outcome.summary, report: names[i] } : { message: r.outcome.unreadable }),
    })),
    summary: summaryLine(results),
  };
}

function summaryCsv(results: DocumentResult[]): string {
  const rows = results.map((r) => {
    const o = r.outcome;
    const s = o.ok ? o.summary : undefined;
    const cov = s ? [s.tablesFound, s.tablesExpected, s.tablesMissing.join(' '), s.rulesRunCount, s.rulesNotRunCount] : ['', '', '', '', ''];
    return [r.path, status(r), s?.layout ?? '', ...cov, s?.errors ?? '', s?.warnings ?? '', s?.infos ?? '', o.ok ? '' : o.unreadable];
  });
  const head = ['document', 'status', 'layout', 'tables_found', 'tables_expected', 'tables_missing', 'rules_run', 'rules_not_run', 'errors', 'warnings', 'infos', 'message'];
  return stringify([head, ...rows], { bom: true });
}

function findingsCsv(results: DocumentResult[]): string {
  const rows = results.flatMap(({ path, outcome: o }) =>
    o.ok ? o.findings.map((f) => [path, f.rule, f.severity, f.table ?? '', f.rowLabel ?? '', f.columnLabel ?? '', f.expected ?? '', f.found ?? '', f.message]) : [],
  );
  return stringify([['document', 'rule', 'severity', 'table', 'row', 'column', 'expected_fen', 'found_fen', 'message'], ...rows], { bom: true });
}

function indexHtml(results: DocumentResult[], names: string[]): string {
  const rows = results.map((r, i) => {
    const o = r.outcome;
    const link = o.ok ? `<a href="${encodeURI(names[i])}">${escapeHtml(r.path)}</a>` : escapeHtml(r.path);
    const cells = o.ok
      ? [
          o.summary.layout,
          `${o.summary.tablesFound}/${o.summary.tablesExpected}`,
          o.summary.tablesMissing.join('、'),
          `${o.summary.rulesRunCount}/${o.summary.rulesRunCount + o.summary.rulesNotRunCount}`,
          o.summary.errors,
          o.summary.warnings,
        ]
          .map((c) => `<td>${escapeHtml(String(c))}</td>`)
          .join('')
      : `<td colspan="6">${escapeHtml(o.unreadable)}</td>`;
    return `<tr class="${status(r)}"><td>${link}</td><td>${STATUS[status(r)]}</td>${cells}</tr>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>预算公开文件核查汇总</title>',
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}tr.errors td{background:#fdd}tr.unreadable td{background:#eee}</style>',
    '</head><body>',
    '<h1>预算公开文件核查汇总</h1>',
    `<p>${escapeHtml(summaryLine(results))}</p>`,
    '<table><thead><tr><th>文件</th><th>结论</th><th>版式</th><th>找到的表</th><th>缺少的表</th><th>运行的规则</th><th>错误</th><th>警告</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table></body></html>',
    '',
  ].join('\n');
}
