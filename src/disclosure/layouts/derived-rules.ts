/** Rules a layout implies without a catalogue of its own: each table's row sums and its row hierarchy. */
import type { Rule } from '../../checks/rule.ts';
import { leaves } from '../../ir/table.ts';
import type { TableLayout } from './layout.ts';

/** Row sums and row hierarchies of a layout without a rule catalogue of its own. */
export function derivedRules(tables: TableLayout[]): Rule[] {
  return tables.flatMap((t): Rule[] => {
    const label = new Map(leaves(t.header).map((c) => [c.key, c.path.join('·')]));
    return [
    ...(t.sums ?? []).map((s, i): Rule => ({
      id: `I${t.id}-row${i + 1}`,
      kind: 'rowSum',
      severity: 'error',
      tables: [t.id],
      table: t.id,
      total: s.key,
      parts: s.parts,
      formula: `${label.get(s.key)} = ${s.parts.map((p) => label.get(p)).join(' + ')}`,
    })),
    ...(t.rows === 'lists' || t.rows === 'goals'
      ? []
      : [{ id: `I${t.id}-tree`, kind: 'tree' as const, severity: 'error' as const, tables: [t.id], table: t.id, formula: '上级行 = Σ下级行（各金额列）' }]),
    ];
  });
}
