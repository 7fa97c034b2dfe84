/**
 * How a body row of the table IR is laid out on paper or screen, shared by the PDF and HTML
 * renderers so that both print the same cells: display text, merged label cells, alignment, and
 * which cell labels the row.
 */
import { leaves, type Cell, type LeafColumn, type Row, type Table } from '../ir/table.ts';
import { formatMoney } from '../money/money.ts';

export interface PrintCell {
  text: string;
  /** Leaf columns this cell covers (the 合计 label spans the empty code columns beside it). */
  span: number;
  /** 'amount' for any number (right-aligned), else the column's kind. */
  kind: 'amount' | 'code' | 'text';
  /** The cell names its row (rendered as a row header). */
  rowHeader: boolean;
  /** Centred merged label (合计). */
  centred: boolean;
  /** Indentation level of the row header cell. */
  indent: number;
}

/** Display text of a cell: 0 prints 0.00, null prints nothing. */
export const cellText = (c: Cell, t: Table): string => (c === null ? '' : typeof c === 'number' ? formatMoney(c, t.unit) : c);

/**
 * Columns whose cells name the row. Side-by-side lists (预算01表, 预算06表) label each amount by
 * the text to its left, so every text column is one; elsewhere it is the first text column
 * (科目名称, 单位名称（功能科目）, …).
 */
export function rowHeaderColumns(t: Table, cols: LeafColumn[] = leaves(t.header)): Set<number> {
  const text = cols.flatMap((c, i) => (c.kind === 'text' ? [i] : []));
  const lists = t.rows.length > 0 && t.rows.every((r) => r.kind === 'line');
  return new Set(lists ? text : text.slice(0, 1));
}

/**
 * Lays out one row. A 合计 label followed by empty code/text cells is merged across them and
 * centred, as the official tables print it.
 */
export function printRow(t: Table, row: Row, cols: LeafColumn[], headers: Set<number>): PrintCell[] {
  const out: PrintCell[] = [];
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i];
    let span = 1;
    if (row.kind === 'total' && typeof c === 'string' && c !== '') {
      while (i + span < cols.length && cols[i + span].kind !== 'amount' && row.cells[i + span] === null) span++;
    }
    let coversHeader = false;
    for (let k = i; k < i + span && !coversHeader; k++) coversHeader = headers.has(k);
    out.push({
      text: cellText(c, t),
      span,
      kind: typeof c === 'number' ? 'amount' : cols[i].kind,
      rowHeader: coversHeader && typeof c === 'string' && c !== '',
      centred: span > 1,
      indent: coversHeader ? row.indent : 0,
    });
    i += span - 1;
  }
  return out;
}
