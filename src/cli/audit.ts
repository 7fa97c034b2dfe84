/**
 * `yusuan audit <file or folder>…`: reads published disclosures (text, PDF, xlsx), runs the checks
 * on the tables read, and reports findings, coverage and the figures the reader could only place
 * by guess. One file: its report on stdout (or --out FILE). Several, or a folder: each in a
 * worker thread, a progress line per document on stderr, one line per document and a summary on
 * stdout, the reports in --out DIR. Exit 0: no error; 1: errors; 2: a file unreadable (the worst
 * document decides).
 */
import { statSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { READABLE } from '../disclosure/read/index.ts';
import { LAYOUT_IDS, type LayoutId } from '../disclosure/layouts/index.ts';
import { auditBatch, batchExitCode, documentsIn } from '../disclosure/audit/batch.ts';
import { DOCUMENT_FORMAT, documentLine, summaryLine, writeBatchReports, type BatchFormat } from '../disclosure/audit/batch-report.ts';
import { auditOutcome } from '../disclosure/audit/outcome.ts';

export interface AuditOptions {
  layout?: string;
  format?: string;
  lang?: string;
  out?: string;
}

const FORMATS: BatchFormat[] = ['text', 'json', 'csv', 'html'];
const USAGE = `用法: yusuan audit <文件或文件夹>… [--layout auto|${LAYOUT_IDS.join('|')}] [--format ${FORMATS.join('|')}] [--out FILE|DIR]（可读取 ${READABLE.join('、')}；多个文件时 --out 为报告文件夹）`;

export async function runAudit(positionals: string[], opts: AuditOptions): Promise<number> {
  const layout = (opts.layout ?? 'auto') as LayoutId | 'auto';
  const format = (opts.format ?? 'text') as BatchFormat;
  if (!positionals.length || (layout !== 'auto' && !LAYOUT_IDS.includes(layout)) || !FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const single = positionals.length === 1 && !isDirectory(positionals[0]);
  return single ? auditOne(positionals[0], layout, format, lang, opts.out) : auditMany(positionals, layout, format, lang, opts.out);
}

/** One file, in this process: its report as before. */
async function auditOne(path: string, layout: LayoutId | 'auto', format: BatchFormat, lang: 'zh' | 'en', out?: string): Promise<number> {
  const own = DOCUMENT_FORMAT[format];
  const o = await auditOutcome({ path, name: path, layout, formats: own ? [own] : [], lang, parallel: true });
  if (!o.ok) {
    console.error(o.unreadable);
    return 2;
  }
  const output = own
    ? o.reports[own]!
    : stringify([['rule', 'severity', 'table', 'row', 'column', 'expected_fen', 'found_fen', 'message'], ...o.findings.map((f) => [f.rule, f.severity, f.table ?? '', f.rowLabel ?? '', f.columnLabel ?? '', f.expected ?? '', f.found ?? '', f.message])], { bom: true });
  if (out) writeFileSync(out, output);
  else process.stdout.write(output);
  return o.summary.errors ? 1 : 0;
}

async function auditMany(paths: string[], layout: LayoutId | 'auto', format: BatchFormat, lang: 'zh' | 'en', out?: string): Promise<number> {
  if (format !== 'text' && !out) {
    console.error(`多个文件的 ${format} 报告写入文件夹：请加 --out DIR\n${USAGE}`);
    return 2;
  }
  const files = await documentsIn(paths);
  if (!files.length) {
    console.error(`${paths.join('、')} 中没有可读取的文件（${READABLE.join('、')}）`);
    return 2;
  }
  const started = Date.now();
  const own = DOCUMENT_FORMAT[format];
  const results = await auditBatch(files, {
    layout,
    lang,
    formats: out && own ? [own] : [],
    onDone: (r, done, total) => console.error(`[${done}/${total} ${((Date.now() - started) / 1000).toFixed(1)} 秒] ${r.path}${r.outcome.ok ? '' : '（无法读取）'}`),
  });
  process.stdout.write([...results.map(documentLine), summaryLine(results)].join('\n') + '\n');
  if (out) console.error(`报告已写入 ${out}（${writeBatchReports(out, results, format).length} 个文件）`);
  return batchExitCode(results);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
