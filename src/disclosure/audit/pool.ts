/**
 * A small pool of worker threads for work on files nobody vouches for (audits of uploaded or
 * batch-read disclosures, workbook imports). Each worker runs with V8 heap limits and each job with
 * a time limit: a file that runs away costs one worker — terminated, replaced — and its job answers
 * a JobFailed; the process and the other jobs carry on. Jobs wait in a short queue; past it
 * `run` refuses at once with PoolBusy (the server answers 503).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface PoolLimits {
  workers: number;
  /** jobs that may wait for a worker */
  queue: number;
  /** wall time of one job, from its start on a worker */
  jobMillis: number;
  /** V8 old-generation heap of one worker */
  heapMb: number;
  /** an idle worker ends after this long (its memory goes back), all but the last */
  idleMillis?: number;
  /**
   * Linux thread niceness of the workers (default 0): a server sets it above 0 so that its own
   * thread keeps answering while they read; a batch leaves it, since the PDF reader's time cap is
   * wall clock and a starved worker would miss it on a busy machine.
   */
  niceness?: number;
}

export const DEFAULT_LIMITS: PoolLimits = { workers: Math.max(1, Math.min(4, availableParallelism())), queue: 8, jobMillis: 60_000, heapMb: 512 };

/** The queue is full: try again later. */
export class PoolBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`正在处理的文件过多，请 ${retryAfterSeconds} 秒后再试`);
    this.name = 'PoolBusy';
  }
}

/** A job that did not finish: over its time, out of memory, its worker died, or it was cancelled. */
export class JobFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crash' | 'aborted',
    message: string,
  ) {
    super(message);
    this.name = 'JobFailed';
  }
}

interface Job {
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  /** its job module is loaded: a job's time starts only then */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
}

/**
 * A module of the package's src/ folder. Workers always run the TypeScript sources through tsx:
 * neither the compiled dist/ nor the CLI bundle carries the job modules as files of their own.
 */
export function sourceModule(path: string): URL {
  let dir = new URL('.', import.meta.url);
  for (;;) {
    if (existsSync(new URL('package.json', dir))) return new URL(`src/${path}`, dir);
    const up = new URL('..', dir);
    if (up.href === dir.href) throw new Error(`yusuan: package root not found above ${import.meta.url}`);
    dir = up;
  }
}

const ENTRY = sourceModule('disclosure/audit/worker-entry.mjs');
const STARTUP_MILLIS = 120_000;

export class WorkerPool<In, Out> {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private closed = false;

  /** `module`: a module that calls `serveJobs` (see job.ts). */
  constructor(
    private readonly module: URL,
    readonly limits: PoolLimits = DEFAULT_LIMITS,
  ) {}

  get load() {
    return { running: [...this.slots].filter((s) => s.job).length, queued: this.waiting.length };
  }

  /** `run` would refuse now (a server can say so before it reads an upload). */
  get full(): boolean {
    return !this.closed && ![...this.slots].some((s) => s.ready && !s.job) && this.waiting.length >= this.limits.queue + this.limits.workers - this.load.running;
  }

  /** Seconds after which a refused job may try again: a quarter of a job's time limit. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.limits.jobMillis / 1000 / 4));
  }

  run(input: In, signal?: AbortSignal): Promise<Out> {
    if (this.closed) return Promise.reject(new JobFailed('aborted', '服务正在关闭'));
    if (signal?.aborted) return Promise.reject(new JobFailed('aborted', '已取消'));
    return new Promise<Out>((resolve, reject) => {
      const job: Job = { input, resolve: resolve as (v: unknown) => void, reject, signal };
      const slots = [...this.slots];
      const free = slots.find((s) => s.ready && !s.job);
      if (free) return this.start(free, job);
      // waiting may hold one job per worker not yet busy (starting, or still to start) and `queue` more
      const running = slots.filter((s) => s.job).length;
      if (this.waiting.length >= this.limits.queue + this.limits.workers - running) return reject(new PoolBusy(this.retryAfterSeconds));
      job.onAbort = () => {
        const i = this.waiting.indexOf(job);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new JobFailed('aborted', '已取消'));
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.waiting.push(job);
      const starting = slots.filter((s) => !s.ready).length;
      if (this.slots.size < this.limits.workers && starting < this.waiting.length) this.spawn();
    });
  }

  async close() {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new JobFailed('aborted', '服务正在关闭'));
    await Promise.all([...this.slots].map((s) => this.retire(s, new JobFailed('aborted', '服务正在关闭'))));
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY, {
      workerData: { module: this.module.href, niceness: this.limits.niceness ?? 0 },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false };
    // loading the job module (compiling TypeScript, opening pdf.js) takes seconds on a busy machine
    slot.timer = setTimeout(() => void this.retire(slot, new JobFailed('crash', '处理进程未能启动')), STARTUP_MILLIS);
    worker.on('message', (m: { ready?: true; ok?: boolean; value?: unknown; message?: string }) => {
      if (!m.ready) return this.settle(slot, m);
      clearTimeout(slot.timer);
      slot.ready = true;
      this.next(slot);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.retire(slot, new JobFailed(memory ? 'memory' : 'crash', memory ? `超过内存上限 ${this.limits.heapMb} MB，已停止` : `处理时出错：${e.message}`));
    });
    worker.on('exit', () => void this.retire(slot, new JobFailed('crash', '处理进程意外退出')));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job) {
    clearTimeout(slot.idle);
    slot.worker.ref();
    slot.job = job;
    slot.timer = setTimeout(() => void this.retire(slot, new JobFailed('timeout', `超过 ${Math.round(this.limits.jobMillis / 1000)} 秒仍未完成，已停止`)), this.limits.jobMillis);
    job.onAbort = () => void this.retire(slot, new JobFailed('aborted', '已取消'));
    job.signal?.addEventListener('abort', job.onAbort, { once: true });
    slot.worker.postMessage(job.input);
  }

  private settle(slot: Slot, m: { ok?: boolean; value?: unknown; message?: string }) {
    const job = this.finish(slot);
    if (!job) return;
    if (m.ok) job.resolve(m.value);
    else job.reject(new JobFailed('crash', `处理时出错：${m.message}`));
    this.next(slot);
  }

  /**
   * Ends the slot's worker; its job (if any) fails with `why`, and a waiting job gets a fresh
   * worker. A worker that dies before it is ready takes the first waiting job with it, so that a
   * module that cannot load fails its jobs instead of restarting forever.
   */
  private async retire(slot: Slot, why: JobFailed) {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idle);
    this.finish(slot)?.reject(why);
    if (!slot.ready && !this.closed) this.takeWaiting()?.reject(why);
    const ended = slot.worker.terminate();
    const starting = [...this.slots].filter((s) => !s.ready).length;
    if (this.waiting.length > starting && !this.closed) this.spawn();
    await ended;
  }

  private takeWaiting(): Job | undefined {
    const job = this.waiting.shift();
    if (job?.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    return job;
  }

  private finish(slot: Slot): Job | undefined {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (job?.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    return job;
  }

  private next(slot: Slot) {
    const job = this.takeWaiting();
    if (job) return this.start(slot, job);
    // the last worker stays: the next job then skips a start-up of several seconds
    if (this.limits.idleMillis !== undefined && this.slots.size > 1)
      slot.idle = setTimeout(() => void this.retire(slot, new JobFailed('aborted', '空闲')), this.limits.idleMillis).unref();
    slot.worker.unref();
  }
}
