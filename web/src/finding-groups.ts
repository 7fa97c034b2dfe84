/**
 * Findings folded under their causes: the line-item findings of one row are one group (the cause);
 * the table identities that fail because of them (I…, X… rules) are listed under it, collapsed.
 * With causes on several rows the identities cannot be told apart, so they form one group after
 * them; with no line-item error they stand on their own.
 */
import type { Finding } from '../../src/checks/types.ts';

export interface FindingGroup {
  /** The line item (1-based row) the causes are about; undefined for a finding that stands alone. */
  row?: number;
  causes: Finding[];
  /** Identities broken by the causes above (collapsed in the panel). */
  consequences: Finding[];
  /** True for the one group of identities that follows causes on several rows. */
  ofSeveral?: boolean;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const LINE_ITEM_FILE = '明细';
const isIdentity = (f: Finding) => /^[IX]\d/.test(f.rule);
const rowOf = (f: Finding) => (f.source?.file === LINE_ITEM_FILE ? f.source.row : undefined);

export function groupFindings(findings: Finding[]): FindingGroup[] {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const byRow = new Map<number, FindingGroup>();
  const identities: Finding[] = [];
  const alone: FindingGroup[] = [];
  for (const f of sorted) {
    const row = rowOf(f);
    if (row !== undefined) {
      const g = byRow.get(row) ?? { row, causes: [], consequences: [] };
      g.causes.push(f);
      byRow.set(row, g);
    } else if (isIdentity(f)) identities.push(f);
    else alone.push({ causes: [f], consequences: [] });
  }
  const rows = [...byRow.values()].sort((a, b) => ORDER[a.causes[0].severity] - ORDER[b.causes[0].severity] || a.row! - b.row!);
  const withErrors = rows.filter((g) => g.causes.some((f) => f.severity === 'error'));
  const out: FindingGroup[] = [...rows];
  if (withErrors.length === 1) withErrors[0].consequences = identities;
  else if (withErrors.length > 1 && identities.length) out.push({ causes: [], consequences: identities, ofSeveral: true });
  else out.push(...identities.map((f) => ({ causes: [f], consequences: [] })));
  // what stands alone keeps its severity order among the rest
  return [...out, ...alone].sort((a, b) => ORDER[severityOf(a)] - ORDER[severityOf(b)]);
}

/** The worst severity in a group. */
export const severityOf = (g: FindingGroup) => [...g.causes, ...g.consequences].reduce<Finding['severity']>((s, f) => (ORDER[f.severity] < ORDER[s] ? f.severity : s), 'info');
