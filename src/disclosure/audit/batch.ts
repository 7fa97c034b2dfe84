/**
 * Auditing many documents at once: folders are expanded to the readable files in them, each file
 * is audited in a worker of a pool (one worker per core), and every document gets an outcome —
 * a file that cannot be read, runs past its time or memory, or crashes its worker is reported as
 * unreadable, never stops the batch.
 */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { READABLE } from '../read/index.ts';
import type { LayoutId } from '../layouts/index.ts';
import type { AuditOutcome, AuditRequest, ReportFormat } from './outcome.ts';
import { DEFAULT_LIMITS, JobFailed, sourceModule, WorkerPool, type PoolLimits } from './pool.ts';

export interface DocumentResult {
  path: string;
  outcome: AuditOutcome;
  millis: number;
}

export interface BatchOptions {
  layout: LayoutId | 'auto';
  formats: ReportFormat[];
  lang?: 'zh' | 'en';
  limits?: Partial<PoolLimits>;
  /** called as each document finishes (in finishing order) */
  onDone?: (result: DocumentResult, done: number, total: number) => void;
}

/** The files named, with each folder replaced by the readable files under it (sorted). */
export async function documentsIn(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info?.isDirectory()) files.push(p);
    else files.push(...(await readableUnder(p)));
  }
  return files;
}

async function readableUnder(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await readableUnder(p)));
    else if (e.isFile() && READABLE.includes(extname(e.name).toLowerCase())) files.push(p);
  }
  return files;
}

export async function auditBatch(files: string[], opts: BatchOptions): Promise<DocumentResult[]> {
  const limits: PoolLimits = {
    ...DEFAULT_LIMITS,
    workers: Math.max(1, Math.min(files.length, availableParallelism())),
    queue: files.length,
    jobMillis: 120_000,
    ...opts.limits,
  };
  const pool = new WorkerPool<AuditRequest, AuditOutcome>(sourceModule('disclosure/audit/audit-job.ts'), limits);
  let done = 0;
  try {
    return await Promise.all(
      files.map(async (path) => {
        const started = Date.now();
        const outcome = await pool.run({ path, name: path, layout: opts.layout, formats: opts.formats, lang: opts.lang }).catch(
          (e: Error): AuditOutcome => ({ ok: false, unreadable: `无法读取 ${path}：${e instanceof JobFailed ? e.message : `处理时出错：${e.message}`}` }),
        );
        const result = { path, outcome, millis: Date.now() - started };
        opts.onDone?.(result, ++done, files.length);
        return result;
      }),
    );
  } finally {
    await pool.close();
  }
}

/** The worst of the documents: 2 when one is unreadable, else 1 when one has errors, else 0. */
export function batchExitCode(results: DocumentResult[]): number {
  return Math.max(0, ...results.map(({ outcome: o }) => (!o.ok ? 2 : o.summary.errors ? 1 : 0)));
}
