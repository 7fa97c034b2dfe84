/**
 * The open-data JSON of a package (`tables.json`): an array of the tables, each
 * `{ id, title, columns: [{ path }], rows: [{ cells }], notes }`, amounts in the table's display
 * unit (万元) as numbers, labels and codes as strings, empty cells null. This shape is stable.
 */
import { leaves, type Cell, type Table } from '../ir/table.ts';
import { toDisplayNumber } from '../money/money.ts';

export interface JsonTable {
  id: string;
  mark: string;
  title: string;
  filer: string;
  unit: string;
  columns: { path: string[]; key: string; kind: string }[];
  rows: { kind: string; code?: string; cells: (string | number | null)[] }[];
  notes: string[];
  empty: boolean;
}

export function tableToJson(t: Table): JsonTable {
  return {
    id: t.id,
    mark: t.mark,
    title: t.title,
    filer: t.filer,
    unit: t.unit,
    columns: leaves(t.header).map((c) => ({ path: c.path, key: c.key, kind: c.kind })),
    rows: t.rows.map((r) => ({ kind: r.kind, ...(r.code ? { code: r.code } : {}), cells: r.cells.map((c) => displayCell(c, t)) })),
    notes: t.notes,
    empty: t.empty,
  };
}

export const displayCell = (c: Cell, t: Table) => (typeof c === 'number' ? toDisplayNumber(c, t.unit) : c);

export function tablesToJson(tables: Table[]): string {
  return JSON.stringify(tables.map(tableToJson), null, 1) + '\n';
}
