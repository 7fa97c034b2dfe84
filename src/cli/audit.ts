/**
 * `yusuan audit <file>`: reads a published disclosure (text now; PDF and xlsx when their readers
 * are registered), runs the checks on the tables read, and reports findings, coverage and the
 * figures the reader could only place by guess. Exit 0: no error; 1: errors; 2: unreadable file.
 */
import { writeFileSync } from 'node:fs';
import { audit, auditJson, type Audit } from '../disclosure/audit/audit.ts';
import { cachedClassification, shippedYears } from '../classification/load.ts';
import { DisclosureError, READABLE } from '../disclosure/read/index.ts';
import { LAYOUT_IDS, type LayoutId } from '../disclosure/layouts/index.ts';
import { auditHtml, auditText } from '../disclosure/audit/report.ts';


export interface AuditOptions {
  layout?: string;
  format?: string;
  lang?: string;
  out?: string;
}

const FORMATS = ['text', 'json', 'html'];
const USAGE = `用法: yusuan audit <file> [--layout auto|${LAYOUT_IDS.join('|')}] [--format ${FORMATS.join('|')}] [--out FILE]（可读取 ${READABLE.join('、')}）`;

export async function runAudit(positionals: string[], opts: AuditOptions): Promise<number> {
  const [path] = positionals;
  const layout = (opts.layout ?? 'auto') as LayoutId | 'auto';
  const format = opts.format ?? 'text';
  if (!path || (layout !== 'auto' && !LAYOUT_IDS.includes(layout)) || !FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const classification = cachedClassification(shippedYears().at(-1)!);
  let result: Audit;
  try {
    result = await audit(path, layout, classification);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof DisclosureError || code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      console.error(e instanceof DisclosureError ? e.message : `无法读取 ${path}：${code === 'ENOENT' ? '文件不存在' : code}`);
      return 2;
    }
    throw e;
  }
  const output =
    format === 'json' ? JSON.stringify(auditJson(result), null, 1) + '\n' : format === 'html' ? auditHtml(result) : auditText(result, opts.lang === 'en' ? 'en' : 'zh') + '\n';
  if (opts.out) writeFileSync(opts.out, output);
  else process.stdout.write(output);
  return result.report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

