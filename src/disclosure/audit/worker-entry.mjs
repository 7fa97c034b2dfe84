// Worker entry of pool.ts: a worker thread does not inherit tsx from its parent, so it registers
// it itself, then loads the job module named by the pool.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// On Linux a priority set with pid 0 applies to the calling thread only: a server's file workers
// yield the CPU to its own thread, which keeps answering while they read.
if (process.platform === 'linux' && workerData.niceness) {
  try {
    setPriority(workerData.niceness);
  } catch {
    // not permitted: run at the same priority
  }
}
register();
await import(workerData.module);
