/**
 * The server's pool of workers for uploaded files (audits and workbook imports), and how its
 * failures answer: a full queue is 503 with Retry-After; a job over its time or memory, or one
 * that crashed its worker, is a 422 naming the file and what happened.
 */
import { availableParallelism } from 'node:os';
import { JobFailed, PoolBusy, sourceModule, WorkerPool, type PoolLimits } from '../../disclosure/audit/pool.ts';
import { busy, invalidInput } from '../errors.ts';
import type { ServerJob, ServerJobOutcome } from './worker-jobs.ts';

export type FileJobs = WorkerPool<ServerJob, ServerJobOutcome>;

/**
 * The server with its database takes about 0.8 GB (PGlite); two workers of 192 MB heap keep it
 * under 1.5 GB whatever is uploaded (256 MB peaked at 1.54 GB under scripts/hostile-uploads.ts;
 * the xlsx caps in formats/zip-bounds.ts fit that heap). A sound disclosure reads in a few seconds,
 * so half a minute is ample and a stalled file frees its worker soon.
 */
export const SERVER_LIMITS: PoolLimits = { workers: Math.min(2, availableParallelism()), queue: 4, jobMillis: 30_000, heapMb: 192, idleMillis: 60_000, niceness: 10 };

export function fileJobs(limits: Partial<PoolLimits> = {}): FileJobs {
  return new WorkerPool(sourceModule('server/services/worker-jobs.ts'), { ...SERVER_LIMITS, ...limits });
}

/** Refuses before an upload is read when no worker or queue place is free. */
export function refuseWhenFull(jobs: FileJobs) {
  if (jobs.full) throw busy(jobs.retryAfterSeconds);
}

export async function runFileJob<T extends ServerJobOutcome>(jobs: FileJobs, job: ServerJob, fileName: string, signal?: AbortSignal): Promise<T> {
  try {
    return (await jobs.run(job, signal)) as T;
  } catch (e) {
    if (e instanceof PoolBusy) throw busy(e.retryAfterSeconds);
    if (e instanceof JobFailed) throw invalidInput(`无法处理 ${fileName}：${e.message}`);
    throw e;
  }
}

/** Aborts when the client goes away before its answer is sent, so its queued or running job stops. */
export function abortOnClose(raw: { on(event: 'close', f: () => void): unknown; writableFinished: boolean }): AbortSignal {
  const ac = new AbortController();
  raw.on('close', () => {
    if (!raw.writableFinished) ac.abort();
  });
  return ac.signal;
}
