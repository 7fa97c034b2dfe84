/** A fuzz worker: runs the cases the main thread sends, one at a time, and reports each outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedClassification, shippedYears } from '../../src/classification/load.ts';
import { makeCase, runCase, type RunContext } from './cases.ts';
import type { Input } from './corpus.ts';

const { corpus, seed, dir } = workerData as { corpus: Input[]; seed: number; dir: string };
const ctx: RunContext = { dir, classification: cachedClassification(shippedYears().at(-1)!) };

// Load every reader once before the clock matters: the first PDF pays for pdf.js itself.
for (const kind of ['txt', 'pdf', 'xlsx'] as const) {
  const input = corpus.find((i) => i.kind === kind);
  if (input) await runCase({ n: -1, seed: 0, input: input.name, kind, ops: [], bytes: input.bytes }, ctx);
}
parentPort!.on('message', async ({ n }: { n: number }) => {
  const started = Date.now();
  parentPort!.postMessage(await runCase(await makeCase(n, seed, corpus), ctx, started));
});
parentPort!.postMessage({ ready: true });
