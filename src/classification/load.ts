import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClassification, LIST_FILES, type Classification, type ClassificationTexts, type ListLayer } from './classification.ts';
import { readProvenance } from './provenance.ts';
import { userListsDir } from './user-lists.ts';

// Through src/ so that the compiled copy (dist/classification/load.js, same depth) finds the same lists.
export const SHIPPED_LISTS = fileURLToPath(new URL('../../src/classification/lists/', import.meta.url));

/** Years for which lists ship with yusuan. */
export function shippedYears(): number[] {
  return readdirSync(SHIPPED_LISTS).filter((d) => /^\d{4}$/.test(d)).map(Number).sort();
}

export function shippedDir(year: number): string {
  const years = shippedYears();
  return join(SHIPPED_LISTS, String([...years].reverse().find((y) => y <= year) ?? years[0]));
}

/**
 * The folders a year's lists are read from, most general first: the shipped lists of that year
 * (or the latest earlier year), the lists the user imported for that year, and `dir` when the
 * budget brings its own. A code list in a later folder overlays the earlier ones code by code
 * (a partial list adds and corrects, the rest keeps its confidence); the mapping is replaced.
 */
export function listFolders(year: number, dir?: string, userDir: string | null = userListsDir()): { dir: string; origin: ListLayer['origin'] }[] {
  const own = dir ? [{ dir, origin: 'budget' as const }] : [];
  const user = userDir === null ? undefined : join(userDir, String(year));
  return [{ dir: shippedDir(year), origin: 'shipped' as const }, ...(user && existsSync(user) ? [{ dir: user, origin: 'user' as const }] : []), ...own];
}

/** `userDir` null: no user folder. `extra`: layers on top of all folders (the server's imported lists, kept in its database). */
export function loadClassification(year: number, dir?: string, userDir?: string | null, extra: Partial<Record<keyof ClassificationTexts, ListLayer[]>> = {}): Classification {
  const layers = {} as Record<keyof ClassificationTexts, ListLayer[]>;
  for (const folder of listFolders(year, dir, userDir)) {
    const provenance = readProvenance(folder.dir);
    for (const [key, file] of Object.entries(LIST_FILES) as [keyof ClassificationTexts, string][]) {
      const path = join(folder.dir, file);
      if (existsSync(path)) (layers[key] ??= []).push({ path, origin: folder.origin, text: readFileSync(path, 'utf8'), provenance: provenance[file] });
    }
  }
  for (const [key, more] of Object.entries(extra) as [keyof ClassificationTexts, ListLayer[]][]) (layers[key] ??= []).push(...more);
  return buildClassification(year, dir ?? shippedDir(year), layers);
}

const cache = new Map<string, Classification>();
export function cachedClassification(year: number, dir?: string): Classification {
  const userDir = userListsDir();
  const key = `${year}:${dir ?? ''}:${userDir}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = loadClassification(year, dir, userDir)));
  return c;
}

/** After an import, lists read earlier in this process are stale. */
export const forgetClassifications = () => cache.clear();
