/** The worker side of pool.ts: says it is ready, then answers each job posted to this thread with its handler's result. */
import { parentPort } from 'node:worker_threads';

export function serveJobs<In, Out>(handle: (input: In) => Promise<Out>) {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread of WorkerPool');
  port.on('message', async (input: In) => {
    try {
      port.postMessage({ ok: true, value: await handle(input) });
    } catch (e) {
      port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ ready: true });
}
