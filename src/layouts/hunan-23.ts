/**
 * The layout of the 23 Hunan tables (ids, titles, header trees with column keys, row layout),
 * taken from the builders themselves: building an empty budget yields every table's structure.
 * Readers map disclosures onto these layouts so that the same rules check them.
 */
import type { Classification } from '../classification/classification.ts';
import type { ColumnNode } from '../ir/table.ts';
import { buildTables } from '../tables/index.ts';

export type RowLayout = 'lists' | 'units' | 'tree' | 'items' | 'projects' | 'goals';

export interface TableLayout {
  id: string;
  mark: string;
  title: string;
  header: ColumnNode[];
  rows: RowLayout;
  /** Whether the table prints a 合计 row (预算13表 does not). */
  totalRow: boolean;
}

const ROWS: Record<string, RowLayout> = {
  '01': 'lists', '02': 'units', '03': 'tree', '04': 'items', '05': 'items', '06': 'lists', '07': 'tree',
  '08': 'items', '09': 'items', '10': 'items', '11': 'items', '12': 'items', '13': 'items', '14': 'units',
  '15': 'tree', '16': 'items', '17': 'items', '18': 'tree', '19': 'tree', '20': 'projects', '21': 'goals',
  '22': 'goals', '23': 'units',
};

export function hunan23Layouts(classification: Classification): TableLayout[] {
  const empty = buildTables(
    {
      year: classification.year,
      department: { code: '000', name: '' },
      units: [],
      projects: [],
      lineItems: [],
      yearEndBalances: [],
      specialFunds: [],
      projectPerformance: [],
      unitPerformance: [],
    },
    classification,
  );
  return empty.map((t) => ({ id: t.id, mark: t.mark, title: t.title, header: t.header, rows: ROWS[t.id], totalRow: t.id !== '13' }));
}
