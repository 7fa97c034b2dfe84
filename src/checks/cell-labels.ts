/**
 * Rows by label for the cells rules, shared across packages: the label columns they read (预算01表,
 * 06表) print the same texts in the same rows in nearly every package, so a package whose column
 * holds the same values as the last one reuses its lookup (a comparison per row instead of a
 * normalisation and a map entry per row). The lookup depends on the column's values only.
 */
import type { Cell, LeafColumn, Table } from '../ir/table.ts';
import type { Indexed, Labels, TableSet } from './table-set.ts';

interface Last {
  /** The table last found to hold `values`, and in which run: its other references need no comparison. */
  table: Table;
  run: number;
  values: Cell[];
  labels: Labels;
}

const last = new WeakMap<LeafColumn[], Map<number, Last>>();

/** `run`: a number no other check run has (a table may be edited between runs, not during one). */
export function labelsOf(set: TableSet, t: Indexed, col: number, run: number): Labels {
  let byCol = last.get(t.leaves);
  if (!byCol) last.set(t.leaves, (byCol = new Map()));
  const rows = t.table.rows;
  const l = byCol.get(col);
  if (l && l.table === t.table && l.run === run) return l.labels;
  if (l && l.values.length === rows.length) {
    let same = true;
    for (let i = 0; i < rows.length && same; i++) same = rows[i].cells[col] === l.values[i];
    if (same) {
      l.table = t.table;
      l.run = run;
      return l.labels;
    }
  }
  return remember(byCol, set, t, col, run);
}

/** Labels found anew (apart from labelsOf: a closure there would cost every call a context). */
function remember(byCol: Map<number, Last>, set: TableSet, t: Indexed, col: number, run: number): Labels {
  const labels = set.labelled(t, col);
  byCol.set(col, { table: t.table, run, values: t.table.rows.map((r) => r.cells[col]), labels });
  return labels;
}
