/**
 * A second thread that reads pages of the PDF the main thread is reading: both take the next
 * unread page from a counter they share, so neither waits for the other and the thread that
 * starts late (the helper loads pdf.js first) simply reads fewer pages. Used by the CLI and
 * in-process audits only: a server or batch already runs its audits in a bounded pool of workers,
 * one file each, and must not nest another thread per file.
 *
 * The helper stays alive between documents (unreferenced, so it never keeps the process up): a
 * second audit in the same process skips its start-up. Whatever it fails to deliver — it crashed,
 * or is still busy with an earlier document — the main thread reads itself.
 */
import { Worker } from 'node:worker_threads';
import type { PdfPage } from './document.ts';

export type PageOutcome = { page: PdfPage } | { warning: string };

export interface HelperJob {
  bytes: Uint8Array;
  name: string;
  pages: number;
  /** the reading budget of the whole document, in the milliseconds of document.ts's clock */
  budget: number;
  /** Int32 counter of pages taken: a thread reads page `Atomics.add(counter, 0, 1) + 1` */
  counter: SharedArrayBuffer;
}

export type HelperMessage = { ready: true } | { n: number; outcome: PageOutcome } | { fatal: string } | { done: true };

export interface HelperRun {
  /**
   * Settles once every page is in `outcomes` (call it after the counter is used up: every page is
   * then taken), or the helper is gone or done (pages it took and never delivered stay missing);
   * rejects with the message of a file the helper found unreadable.
   */
  taken(): Promise<void>;
}

/**
 * The compiled module next to this one (dist/ or the CLI bundle); from the sources (tests, tsx),
 * the TypeScript module through the pool's tsx entry.
 */
function spawn(): Worker {
  const here = import.meta.url;
  const w = here.endsWith('.ts')
    ? new Worker(new URL('../../audit/worker-entry.mjs', here), { workerData: { module: new URL('./pdf-pages.ts', here).href } })
    : new Worker(new URL('./pdf-pages.js', here));
  ready = new Promise((resolve, reject) => {
    const onMessage = (m: HelperMessage) => ('ready' in m ? (w.off('message', onMessage), resolve()) : undefined);
    w.on('message', onMessage);
    w.once('error', reject);
  });
  ready.catch(() => undefined);
  return w;
}

let worker: Worker | undefined;
let ready: Promise<void> = Promise.resolve();
let busy = false;

/**
 * Starts the helper's job, its outcomes going into `outcomes` (where the main thread puts its own),
 * or undefined when the helper is busy with another document.
 */
export function helpRead(job: HelperJob, outcomes: Map<number, PageOutcome>): HelperRun | undefined {
  if (busy) return undefined;
  const w = (worker ??= spawn());
  busy = true;
  w.ref();
  let fatal: string | undefined;
  let over = false;
  let wake = () => {};
  const finish = () => {
    over = true;
    // A helper ended by stopHelper may report its exit after a new one took a job: that one stays busy.
    if (worker === w) busy = false;
    w.off('message', onMessage);
    w.off('error', onEnd);
    w.off('exit', onEnd);
    w.unref();
    wake();
  };
  const onMessage = (m: HelperMessage) => {
    if ('ready' in m) return;
    if ('done' in m) return finish();
    if ('fatal' in m) fatal = m.fatal;
    else outcomes.set(m.n, m.outcome);
    wake();
  };
  const onEnd = () => {
    if (worker === w) [worker, busy] = [undefined, false];
    finish();
  };
  w.on('message', onMessage);
  w.on('error', onEnd);
  w.on('exit', onEnd);
  w.postMessage(job);
  return {
    taken: () =>
      new Promise<void>((resolve, reject) => {
        wake = () => {
          if (fatal !== undefined) reject(new Error(fatal));
          else if (over || outcomes.size >= job.pages) resolve();
        };
        wake();
      }),
  };
}

/** Starts the helper ahead of a document and resolves once it has loaded pdf.js (tests: so that it takes part). */
export async function warmHelper(): Promise<void> {
  if (!worker) (worker = spawn()).unref();
  await ready;
}

/** Ends a stuck helper (the caller's time ran out); the next document gets a new one. */
export function stopHelper() {
  const w = worker;
  worker = undefined;
  busy = false;
  void w?.terminate();
}
