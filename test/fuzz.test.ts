/**
 * A few hundred seeded fuzz cases (the generator of `npm run fuzz`, on a smaller corpus): every
 * mutant of the seed text, our PDFs and our workbooks must end in a report or a DisclosureError.
 * No crash is allowed. How long a case takes is not asserted here (a loaded machine makes any limit
 * flaky): `npm run fuzz` reports the slow cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCase, runCase, type CaseResult } from '../scripts/fuzz/cases.ts';
import { buildCorpus, type Input } from '../scripts/fuzz/corpus.ts';
import { cachedClassification, shippedYears } from '../src/classification/load.ts';

const CASES = 200;
const SEED = 7;

describe('fuzz: seeded cases', () => {
  let corpus: Input[];
  const results: CaseResult[] = [];
  beforeAll(async () => {
    corpus = await buildCorpus({ examples: ['examples/multi-unit-department'], tables: ['02', '05', '13', '20', '21', '23'], wholePdf: false });
  }, 180_000);

  it(`${CASES} mutants: each a report or a DisclosureError`, async () => {
    const ctx = { dir: mkdtempSync(join(tmpdir(), 'yusuan-fuzz-test-')), classification: cachedClassification(shippedYears().at(-1)!) };
    for (let n = 0; n < CASES; n++) {
      const started = Date.now();
      const c = await makeCase(n, SEED, corpus);
      results.push(await runCase(c, ctx, started));
    }
    rmSync(ctx.dir, { recursive: true, force: true });
    const crashes = results.filter((r) => r.outcome === 'crash');
    expect(crashes.map((r) => `${r.n} ${r.input}: ${r.ops.join('; ')}\n${r.message}`)).toEqual([]);
    // Every kind of input was exercised, and every outcome occurred.
    expect(new Set(results.map((r) => r.kind))).toEqual(new Set(['txt', 'pdf', 'xlsx']));
    for (const o of ['clean', 'errors', 'refused'] as const) expect(results.some((r) => r.outcome === o), o).toBe(true);
    // about 30 s alone; generous for a 2-core machine running other test files at the same time
  }, 600_000);

  it('replays a case exactly from its number', async () => {
    const [a, b] = [await makeCase(42, SEED, corpus), await makeCase(42, SEED, corpus)];
    expect(b.ops).toEqual(a.ops);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
  });
});
