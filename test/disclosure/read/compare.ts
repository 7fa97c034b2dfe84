/** Test helper: compares tables read back from a disclosure with the tables yusuan builds. */
import type { ReadResult } from '../../../src/disclosure/read/index.ts';
import { leaves, type Table } from '../../../src/ir/table.ts';

export interface Comparison {
  /** amount cells compared */
  cells: number;
  /** cells that differ, as "table row column" */
  differ: string[];
  /** differing cells the reader did not flag as ambiguous */
  unflagged: string[];
  /** rows whose kind, code or unit differ */
  rowKeys: string[];
}

/** Cell by cell over the amount columns; `skip` maps a built row to the read row (default: same index). */
export function compareTables(built: Table[], read: ReadResult, rowOf = (_id: string, i: number) => i): Comparison {
  const out: Comparison = { cells: 0, differ: [], unflagged: [], rowKeys: [] };
  for (const b of built) {
    const r = read.tables.find((t) => t.id === b.id);
    if (!r) continue;
    const ls = leaves(b.header);
    b.rows.forEach((row, i) => {
      const j = rowOf(b.id, i);
      const other = r.rows[j];
      if (!other || other.kind !== row.kind || (other.code ?? '') !== (row.code ?? '') || (other.unit ?? '') !== (row.unit ?? ''))
        out.rowKeys.push(`${b.id} ${i} ${row.kind} ${row.code ?? ''}`);
      const flagged = new Set(
        read.ambiguities.filter((a) => a.table === b.id && a.row === j).flatMap((a) => a.candidates.filter((c) => c.length > 1).flat()),
      );
      ls.forEach((c, k) => {
        if (c.kind !== 'amount') return;
        out.cells++;
        if (row.cells[k] === other?.cells[k]) return;
        const at = `${b.id} ${i} ${c.key}`;
        out.differ.push(at);
        if (!flagged.has(c.key)) out.unflagged.push(at);
      });
    });
  }
  return out;
}

export const flaggedTables = (read: ReadResult) => [...new Set(read.ambiguities.map((a) => a.table))].sort();
