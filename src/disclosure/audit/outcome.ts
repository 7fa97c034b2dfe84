/**
 * One document's audit as plain data: a summary, the findings and the reports asked for, already
 * rendered. This is what crosses from a worker thread to the batch or the server (the Audit
 * itself holds the layout's functions, which cannot be posted), and what an unreadable file
 * turns into instead of an exception.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { cachedClassification, shippedYears } from '../../classification/load.ts';
import type { Finding } from '../../checks/index.ts';
import { DisclosureError } from '../read/index.ts';
import type { LayoutId } from '../layouts/index.ts';
import { audit, auditJson } from './audit.ts';
import { coverageCounts, type CoverageCounts } from './coverage.ts';
import { auditHtml, auditText } from './report.ts';

/** `api`: the server's answer (the JSON of `json` plus finding counts, compact). */
export type ReportFormat = 'text' | 'json' | 'html' | 'api';

export interface AuditRequest {
  path: string;
  /** how messages name the file (an upload's own name, not its temporary path) */
  name: string;
  layout: LayoutId | 'auto';
  formats: ReportFormat[];
  lang?: 'zh' | 'en';
  /** read a PDF's pages on a second thread too: a single audit in the CLI's own process, never in a pool's worker */
  parallel?: boolean;
}

export interface DocumentSummary extends CoverageCounts {
  layout: string;
  tablesMissing: string[];
  errors: number;
  warnings: number;
  infos: number;
}

export type AuditOutcome =
  | { ok: true; summary: DocumentSummary; findings: Finding[]; reports: Partial<Record<ReportFormat, string>> }
  | { ok: false; unreadable: string };

/** Text is read whole into a string: past this it is no disclosure (the largest known is 0.3 MB). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export async function auditOutcome(req: AuditRequest): Promise<AuditOutcome> {
  const classification = cachedClassification(shippedYears().at(-1)!);
  try {
    if (extname(req.path).toLowerCase() === '.txt' && (await stat(req.path)).size > MAX_TEXT_BYTES)
      return { ok: false, unreadable: `${req.name} 超过 ${MAX_TEXT_BYTES / 1024 / 1024} MB，不像预算公开表` };
    const result = await audit(req.path, req.layout, classification, { parallel: req.parallel });
    const findings = result.report.findings;
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const json = auditJson(result);
    const summary: DocumentSummary = {
      layout: result.read.layout,
      ...coverageCounts(json.coverage),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    };
    const render: Record<ReportFormat, () => string> = {
      json: () => JSON.stringify(json, null, 1) + '\n',
      api: () => JSON.stringify({ ...json, counts: { errors: summary.errors, warnings: summary.warnings } }),
      html: () => auditHtml(result),
      text: () => auditText(result, req.lang ?? 'zh') + '\n',
    };
    const reports = Object.fromEntries(req.formats.map((f) => [f, render[f]()]));
    return { ok: true, summary, findings, reports };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof DisclosureError) return { ok: false, unreadable: e.message.replaceAll(req.path, req.name) };
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      return { ok: false, unreadable: `无法读取 ${req.name}：${code === 'ENOENT' ? '文件不存在' : code}` };
    throw e;
  }
}
