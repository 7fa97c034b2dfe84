import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClassification, LIST_FILES, type Classification, type ClassificationTexts } from './classification.ts';

// Through src/ so that the compiled copy (dist/classification/load.js, same depth) finds the same lists.
export const SHIPPED_LISTS = fileURLToPath(new URL('../../src/classification/lists/', import.meta.url));

/** Years for which lists ship with yusuan. */
export function shippedYears(): number[] {
  return readdirSync(SHIPPED_LISTS).filter((d) => /^\d{4}$/.test(d)).map(Number).sort();
}

/**
 * Loads the lists for a budget year: from `dir` when the user supplies their own lists
 * (any file missing there falls back to the shipped one), else the shipped lists of that
 * year or the latest earlier year.
 */
export function loadClassification(year: number, dir?: string): Classification {
  const years = shippedYears();
  const shippedYear = [...years].reverse().find((y) => y <= year) ?? years[0];
  const shipped = join(SHIPPED_LISTS, String(shippedYear));
  const texts = {} as ClassificationTexts;
  for (const [key, file] of Object.entries(LIST_FILES) as [keyof ClassificationTexts, string][]) {
    const own = dir ? join(dir, file) : undefined;
    texts[key] = readFileSync(own && existsSync(own) ? own : join(shipped, file), 'utf8');
  }
  return buildClassification(year, dir ?? shipped, texts);
}

const cache = new Map<string, Classification>();
export function cachedClassification(year: number, dir?: string): Classification {
  const key = `${year}:${dir ?? ''}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = loadClassification(year, dir)));
  return c;
}
