/** Rule builders shared by the families. */
import { conceptLabel } from './concepts.ts';
import type { FamilyRule } from './family.ts';

export function rowSums(list: [table: string, total: string, parts: string[]][]): FamilyRule[] {
  return list.map(([table, total, parts], i) => ({
    id: `${table}-row${list.slice(0, i).filter(([t]) => t === table).length + 1}`,
    kind: 'rowSum',
    table,
    total,
    parts,
    formula: `${conceptLabel(total)} = ${parts.map(conceptLabel).join(' + ')}（逐行，印出的列）`,
  }));
}

export function trees(tables: string[]): FamilyRule[] {
  return tables.map((table) => ({ id: `${table}-tree`, kind: 'tree', table, formula: '上级科目 = Σ下级科目（各金额列）' }));
}
