/** The layouts yusuan reads, and which one a disclosure uses, judged by the titles it contains. */
import type { Classification } from '../../classification/classification.ts';
import { hunan23 } from './hunan-23.ts';
import type { LayoutId, LayoutSet } from './layout.ts';
import { standard9 } from './standard-9.ts';

export type { LayoutId, LayoutSet, TableLayout } from './layout.ts';

export const LAYOUT_IDS: LayoutId[] = ['hunan-23', 'standard-9'];

export function layoutSet(id: LayoutId, classification: Classification): LayoutSet {
  return id === 'hunan-23' ? hunan23(classification) : standard9();
}

/**
 * The layout whose titles the normalised text lines match most often; `norm` normalises a line as
 * the readers do. Hunan titles are tried on their own first: building that catalogue costs more.
 */
export function detectLayout(lines: string[], norm: (s: string) => string, classification: Classification): LayoutId {
  const seen = new Set(lines.map(norm).filter(Boolean));
  const joined = new Set<string>();
  for (let i = 0; i + 1 < lines.length; i++) joined.add(norm(lines[i] + lines[i + 1]));
  const score = (set: LayoutSet) =>
    set.tables.filter((t) => [t.title, ...(t.titles ?? [])].some((title) => seen.has(norm(title)) || joined.has(norm(title)))).length;
  const s9 = score(standard9());
  const marks = lines.some((l) => /^预\s*算\s*\d{1,2}\s*表?$/.test(l.trim()));
  if (marks || s9 === 0) return 'hunan-23';
  return score(hunan23(classification)) >= s9 ? 'hunan-23' : 'standard-9';
}
