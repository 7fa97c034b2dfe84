/**
 * The helper thread of page-helper.ts: for each document posted, opens it and reads the pages it
 * takes from the shared counter until none is left, posting each page's outcome as it is read.
 */
import { parentPort } from 'node:worker_threads';
import { DisclosureError } from '../types.ts';
import { loadParser, openPdf, readingClock, readPages } from './document.ts';
import type { HelperJob, HelperMessage } from './page-helper.ts';

const port = parentPort!;
const post = (m: HelperMessage) => port.postMessage(m);

await loadParser();
post({ ready: true });

port.on('message', async (job: HelperJob) => {
  const counter = new Int32Array(job.counter);
  try {
    // The main thread may have read every page while this thread was starting.
    if (Atomics.load(counter, 0) >= job.pages) return;
    const timely = readingClock(job.name, () => job.budget);
    const doc = await openPdf(job.bytes, job.name, timely);
    try {
      await readPages(doc, () => Atomics.add(counter, 0, 1) + 1, timely, (n, outcome) => post({ n, outcome }));
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  } catch (e) {
    // Anything else leaves its pages undelivered: the main thread reads them itself.
    if (e instanceof DisclosureError) post({ fatal: e.message });
  } finally {
    post({ done: true });
  }
});
