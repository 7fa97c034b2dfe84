/**
 * Finding a figure in the tables a document prints by the words people read there, not by the
 * ids and column keys of one layout: "the 总计 of the table titled …收支…总表", "the 合计 row of
 * the 三公 table, column 因公出国（境）费". So the same question is answered on the 23 Hunan
 * tables, the nine of the Ministry of Finance / Shanghai template and the 决算 tables alike.
 */
import type { Money } from '../../money/money.ts';
import { leaves, normLabel, type Table } from '../../ir/table.ts';

export interface TableFigure {
  value: Money;
  /** half of it is how far the printed figure may be from the exact one */
  precision: number;
  table: Table;
  row: number;
  col: number;
  /** the row's label, the column's key and header path, for a finding */
  rowLabel: string;
  columnKey: string;
  columnLabel: string;
}

/** Where a figure is: a table by its title, then a labelled row (side-by-side lists) or a column of the 合计 row. */
export type Source =
  | { title: RegExp; notTitle?: RegExp; row: RegExp; last?: boolean }
  | { title: RegExp; notTitle?: RegExp; column: string[]; leaf?: RegExp; prefer?: string };

/** Labels compared without spaces, bracket widths and the enumerator before them (一、 （二） 1.). */
const labelKey = (s: string) =>
  normLabel(s)
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.](?!\d))/, '')
    .replace(/[:：]$/, '');

const TOTAL_ROW = /^(合计|总计)$/;

export class Lookup {
  constructor(readonly tablesRead: Table[]) {}

  titled(title: RegExp, not?: RegExp): Table[] {
    return this.tablesRead.filter((t) => title.test(normLabel(t.title)) && !(not && not.test(normLabel(t.title))));
  }

  find(source: Source, prefer?: string): TableFigure | undefined {
    for (const t of this.titled(source.title, source.notTitle)) {
      const hit = 'row' in source ? this.labelled(t, source.row, source.last) : this.total(t, source.column, prefer ?? source.prefer, source.leaf);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The amount printed right of a label cell (side-by-side lists); a blank amount is zero. */
  labelled(t: Table, label: RegExp, last = false): TableFigure | undefined {
    const cols = leaves(t.header);
    const hits: TableFigure[] = [];
    t.rows.forEach((r, i) =>
      r.cells.forEach((c, j) => {
        if (typeof c !== 'string' || !label.test(labelKey(c))) return;
        const k = cols.findIndex((col, x) => x > j && col.kind === 'amount');
        if (k < 0) return;
        const v = r.cells[k];
        if (typeof v === 'string') return;
        hits.push(this.figure(t, i, k, v ?? 0, c));
      }),
    );
    return last ? hits.at(-1) : hits[0];
  }

  /**
   * The 合计 row's cell in the first column whose header path has every word and whose own label
   * fits `leaf` (preferring one whose path has `prefer`).
   */
  total(t: Table, words: string[], prefer?: string, leaf?: RegExp): TableFigure | undefined {
    const row = totalRow(t);
    if (row < 0) return undefined;
    const cols = leaves(t.header);
    const fits = cols.flatMap((c, i) =>
      c.kind === 'amount' && words.every((w) => normLabel(c.path.join('/')).includes(w)) && (!leaf || leaf.test(normLabel(c.path.at(-1)!))) ? [i] : [],
    );
    const k = fits.find((i) => prefer && normLabel(cols[i].path.join('/')).includes(prefer)) ?? fits[0];
    if (k === undefined) return undefined;
    const v = t.rows[row].cells[k];
    if (typeof v === 'string') return undefined;
    return this.figure(t, row, k, v ?? 0, '合计');
  }

  /**
   * A 项 row of a function-classified table, by its code (in the row, or printed as 类/款/项 cells)
   * or else by its name under the names of its 款 and 类: the cell of the first column with `words`.
   */
  item(t: Table, item: { code?: string; names: [string, string, string] }, words: string[]): TableFigure | undefined {
    const codeOf = (r: Table['rows'][number]) => r.code ?? r.cells.filter((c): c is string => typeof c === 'string' && /^\d{2,3}$/.test(c)).join('');
    const nameOf = (r: Table['rows'][number]) => r.cells.filter((c): c is string => typeof c === 'string' && !/^\d+$/.test(c)).map(labelKey).join('');
    const byCode = new Map(t.rows.map((r, i) => [codeOf(r), i]));
    let row = item.code ? byCode.get(item.code) : undefined;
    if (row === undefined) {
      const [cls, sec, name] = item.names.map(labelKey);
      const nameAt = (code: string) => {
        const i = byCode.get(code);
        return i === undefined ? '' : nameOf(t.rows[i]);
      };
      row = t.rows.findIndex((r) => {
        const c = codeOf(r);
        return c.length === 7 && nameOf(r) === name && nameAt(c.slice(0, 5)) === sec && nameAt(c.slice(0, 3)) === cls;
      });
      if (row < 0) return undefined;
    }
    const cols = leaves(t.header);
    const k = cols.findIndex((c) => c.kind === 'amount' && words.every((w) => normLabel(c.path.join('/')).includes(w)));
    const v = k < 0 ? undefined : t.rows[row].cells[k];
    if (k < 0 || typeof v === 'string') return undefined;
    return this.figure(t, row, k, v ?? 0, nameOf(t.rows[row]) || item.names[2]);
  }

  private figure(t: Table, row: number, col: number, value: Money, rowLabel: string): TableFigure {
    const column = leaves(t.header)[col];
    return { value, precision: t.precision ?? 0, table: t, row, col, rowLabel: rowLabel.replace(/\s+/g, ''), columnKey: column.key, columnLabel: column.path.join('/').replace(/\s+/g, '') };
  }
}

function totalRow(t: Table): number {
  const byKind = t.rows.findIndex((r) => r.kind === 'total');
  if (byKind >= 0) return byKind;
  return t.rows.findIndex((r) => r.cells.some((c) => typeof c === 'string' && TOTAL_ROW.test(labelKey(c))));
}
