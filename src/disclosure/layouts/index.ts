/** The layouts yusuan reads, and which one a disclosure uses, judged by the titles it contains. */
import type { Classification } from '../../classification/classification.ts';
import { hunan23 } from './hunan-23.ts';
import type { LayoutId, LayoutSet, TableLayout } from './layout.ts';
import { standard9 } from './standard-9.ts';
import type { Family } from './family.ts';
import { mofBudget } from './mof-budget.ts';
import { mofFinal } from './mof-final.ts';

export type { LayoutId, LayoutSet, TableLayout } from './layout.ts';

/**
 * Families read by their printed columns: a new set of tables is one file with its kinds and
 * identities, added here.
 */
export const FAMILIES: Family[] = [mofBudget, mofFinal];

const SETS: Record<string, (c: Classification) => LayoutSet> = {
  'hunan-23': hunan23,
  'standard-9': standard9,
  ...Object.fromEntries(FAMILIES.map((f) => [f.id, () => familySet(f)])),
};

export const LAYOUT_IDS = Object.keys(SETS) as LayoutId[];

export function layoutSet(id: LayoutId, classification: Classification): LayoutSet {
  return SETS[id](classification);
}

export const familyOf = (id: string) => FAMILIES.find((f) => f.id === id);

/** A family's tables as a layout set, for reports that list tables by mark. */
function familySet(f: Family): LayoutSet {
  // Families are checked by their own identities (audit/family-checks.ts), not the rule engine.
  const tables = f.kinds.map((k): TableLayout => ({ id: k.id, mark: k.name, title: k.name, header: [], rows: k.shape === 'lists' ? 'lists' : 'tree', totalRow: true }));
  return { id: f.id as LayoutId, tables, marks: false, rules: [], hints: [] };
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
