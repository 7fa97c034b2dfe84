/**
 * The column reader on damaged documents: real corpus texts with lines dropped, duplicated or
 * shifted, figures altered and characters inserted never crash the audit — each is read, or
 * refused with a DisclosureError naming what is wrong.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cachedClassification, shippedYears } from '../../../src/classification/load.ts';
import { checkFamily } from '../../../src/disclosure/audit/family-checks.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { DisclosureError } from '../../../src/disclosure/read/types.ts';

const DIR = new URL('../fixtures/corpus/', import.meta.url);
const texts = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, DIR), 'utf8'));
const classification = cachedClassification(shippedYears().at(-1)!);

/** mulberry32: a small deterministic generator, so a failing case can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++) {
    const i = Math.floor(rnd() * lines.length);
    const op = Math.floor(rnd() * 6);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[i] ?? '');
    else if (op === 2) lines[i] = ' '.repeat(Math.floor(rnd() * 20)) + (lines[i] ?? '');
    else if (op === 3) lines[i] = (lines[i] ?? '').replace(/\d/g, (d) => (rnd() < 0.2 ? String((Number(d) + 7) % 10) : d));
    else if (op === 4) lines[i] = (lines[i] ?? '').replace(/ {2,}/, (s) => s + '合计 123,45.6 ');
    else lines[i] = (lines[i] ?? '').slice(0, Math.floor(rnd() * (lines[i]?.length ?? 0)));
  }
  return lines.join('\n');
}

describe('the column reader on damaged corpus texts', () => {
  it('never crashes: 120 mutants read and checked, or refused with a DisclosureError', () => {
    const rnd = random(8);
    let read = 0;
    for (let n = 0; n < 120; n++) {
      const text = mutate(texts[n % texts.length], rnd);
      try {
        const r = readText(text, { classification });
        if (r.grid) checkFamily(r.grid);
        read++;
      } catch (e) {
        if (!(e instanceof DisclosureError)) throw new Error(`mutant ${n}: ${(e as Error).stack}`);
      }
    }
    expect(read).toBeGreaterThan(100);
  }, 300_000);
});
