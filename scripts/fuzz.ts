/**
 * `npm run fuzz [-- --cases N --seed S --timeout MS --jobs J]`: mutates the seed disclosure text and
 * the PDFs and workbooks yusuan writes for both examples, audits every mutant as `yusuan audit`
 * does, and prints the figures: cases, crashes (any exception but DisclosureError), hangs (no
 * answer within the timeout, then none on a fresh worker within 6× the timeout: longer than the
 * PDF reader's own time cap for our largest input), outcomes and time per case. Cases run in worker threads so
 * a hang can be stopped. `--replay N` runs case N in this process and prints it in full (the
 * mutant is kept on disk). Exit 1 when anything crashed or hung.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { cachedClassification, shippedYears } from '../src/classification/load.ts';
import { makeCase, runCase, type CaseResult } from './fuzz/cases.ts';
import { buildCorpus, type Input } from './fuzz/corpus.ts';
import { summary } from './fuzz/summary.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '5000' },
    jobs: { type: 'string', default: String(Math.min(4, availableParallelism())) },
    replay: { type: 'string' },
  },
});
const seed = Number(values.seed);
const timeout = Number(values.timeout);
const dir = mkdtempSync(join(tmpdir(), 'yusuan-fuzz-'));

const t0 = Date.now();
const corpus = await buildCorpus();
console.error(`corpus: ${corpus.length} inputs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

if (values.replay !== undefined) {
  const c = await makeCase(Number(values.replay), seed, corpus);
  const kept = join(tmpdir(), `yusuan-fuzz-${seed}-${c.n}.${c.kind}`);
  writeFileSync(kept, c.bytes);
  const r = await runCase(c, { dir, classification: cachedClassification(shippedYears().at(-1)!) });
  console.log(`case ${c.n} (seed ${seed}): ${c.input}\n  ${c.ops.join('\n  ')}\nmutant: ${kept}\noutcome: ${r.outcome} in ${r.ms} ms${r.message ? `\n${r.message}` : ''}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(r.outcome === 'crash' ? 1 : 0);
}

const total = Number(values.cases);
const results: CaseResult[] = [];
const hangs: number[] = [];
/** cases that ran past the timeout once (retried on a fresh worker with RETRY× the time) */
const RETRY = 6;
const slow = new Set<number>();
let next = 0;
const started = Date.now();

await Promise.all(Array.from({ length: Math.max(1, Number(values.jobs)) }, () => lane(corpus)));
rmSync(dir, { recursive: true, force: true });
const elapsed = (Date.now() - started) / 1000;
console.log(summary(results, { hangs, slow: [...slow].filter((n) => !hangs.includes(n)), seed, jobs: Number(values.jobs), timeout, elapsed }));
process.exit(hangs.length || results.some((r) => r.outcome === 'crash') ? 1 : 0);

/** One worker's share of the cases. */
async function lane(inputs: Input[]): Promise<void> {
  let worker = await spawn(inputs);
  const retry: number[] = [];
  for (;;) {
    const n = retry.shift() ?? (next < total ? next++ : -1);
    if (n < 0) break;
    const answer = await ask(worker, n, slow.has(n) ? RETRY * timeout : timeout);
    if (answer === 'timeout' || answer instanceof Error) {
      await worker.terminate();
      worker = await spawn(inputs);
      if (answer instanceof Error) {
        // The worker died of it (an error thrown outside the case's promise chain): a crash too.
        const c = await makeCase(n, seed, inputs);
        results.push({ n, input: c.input, kind: c.kind, ops: c.ops, outcome: 'crash', ms: 0, message: answer.stack ?? answer.message });
      } else if (slow.has(n)) {
        hangs.push(n);
        console.error(`  hang: case ${n} (no answer in ${timeout} ms, then ${RETRY * timeout} ms)`);
      } else slow.add(n), retry.push(n);
      continue;
    }
    results.push(answer);
    if (results.length % 1000 === 0) console.error(`  ${results.length}/${total} cases, ${results.filter((r) => r.outcome === 'crash').length} crashes, ${hangs.length} hangs`);
  }
  await worker.terminate();
}

function spawn(inputs: Input[]): Promise<Worker> {
  const worker = new Worker(new URL('./fuzz/worker.mjs', import.meta.url), { workerData: { corpus: inputs, seed, dir } });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

function ask(worker: Worker, n: number, ms: number): Promise<CaseResult | 'timeout' | Error> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle('timeout'), ms);
    const onMessage = (r: CaseResult) => settle(r);
    const onError = (e: Error) => settle(e);
    function settle(v: CaseResult | 'timeout' | Error) {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(v);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ n });
  });
}
