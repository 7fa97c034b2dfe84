// Worker entry of pool.ts: a worker thread does not inherit tsx from its parent, so it registers
// it itself, then loads the job module named by the pool.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
