/** Cell lookups on a set of tables by column key and row selector, for the rule engine. */
import { leaves, normLabel, type LeafColumn, type Row, type Table } from '../ir/table.ts';
import { keyAt, KeyIds, keyedRowsValid, keyRowsOf, someKeyRows, type KeyedRows } from './row-keys.ts';
import type { Ref, RowSel } from './rule.ts';

/** Thrown when a rule refers to something the tables do not have: the rule is reported as not run. */
export class CannotRun extends Error {}

export interface Indexed {
  table: Table;
  cols: Map<string, number>;
  leaves: LeafColumn[];
  /** Indices of the amount columns (shared by the tables of one header). */
  amountCols: number[];
  /** Lazily built lookups: rows by normalised label per column, rows by kind|code, rows by join key. */
  labels?: Map<number, Labels>;
  /** Row index of the 合计 row, -1 for none. */
  total?: number;
  /** rows by kind, then by code (ALL: every row of the kind); a kind is indexed when first asked for */
  byKind?: Map<string, Map<string, number[]>>;
  byKey?: Map<number, number>;
  /** Join key and kind of each row, and the row of each key: array lookups in the engine's joins. */
  keyed?: KeyedRows;
}

export interface Resolved {
  sum: number;
  /** number of cells summed (for rounding tolerance) */
  terms: number;
  /** first row and column, to locate a finding */
  row: number;
  col: number;
  precision: number;
}

const ALL = '\u0000all';

/** Rows by normalised label: the first row of each label, and every row of labels printed more than once. */
export interface Labels {
  first: Map<string, number>;
  repeated: Map<string, number[]>;
}
export function nthRow(m: Labels, label: string, nth = 1): number | undefined {
  return nth === 1 ? m.first.get(label) : m.repeated.get(label)?.[nth - 1];
}
const NO_ROWS: number[] = [];

const colCache = new WeakMap<LeafColumn[], { cols: Map<string, number>; amountCols: number[] }>();
function columnsOf(ls: LeafColumn[]): { cols: Map<string, number>; amountCols: number[] } {
  let m = colCache.get(ls);
  if (!m) colCache.set(ls, (m = { cols: new Map(ls.map((c, i) => [c.key, i])), amountCols: ls.flatMap((c, i) => (c.kind === 'amount' ? [i] : [])) }));
  return m;
}

/**
 * What a reference resolves to on a header, found once per header (every table of a layout shares
 * its header object): a package then only looks its rows up.
 */
interface CompiledRef {
  leaves: LeafColumn[];
  col: number;
  /** Label selectors: the label column and the normalised label. */
  labelCol: number;
  label: string;
}
const compiledRefs = new WeakMap<Ref, CompiledRef>();

export class TableSet {
  private readonly byId = new Map<string, Indexed>();
  /** Join key ids: the same key in every table of the set. */
  private readonly keys = new KeyIds();

  constructor(tables: Table[]) {
    for (const t of tables) {
      const ls = leaves(t.header);
      const { cols, amountCols } = columnsOf(ls);
      // Every field from the start: lookups built later then need no room of their own.
      this.byId.set(t.id, { table: t, leaves: ls, cols, amountCols, labels: undefined, total: undefined, byKind: undefined, byKey: undefined, keyed: undefined });
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Indexed {
    const t = this.byId.get(id);
    if (!t) throw new CannotRun(`缺少预算${id}表`);
    return t;
  }

  col(id: string, key: string): number {
    const i = this.get(id).cols.get(key);
    if (i === undefined) throw new CannotRun(`预算${id}表没有列 ${key}`);
    return i;
  }

  rows(id: string, sel: RowSel): number[] {
    const t = this.get(id);
    if ('total' in sel) return [this.totalRow(t)];
    if ('label' in sel) {
      const i = nthRow(this.labelled(t, this.col(id, sel.in)), normLabel(sel.label), sel.nth);
      if (i === undefined && sel.optional) return [];
      if (i === undefined) throw new CannotRun(`预算${id}表找不到“${sel.label}”行`);
      return [i];
    }
    return this.ofKind(t, sel.kind, sel.code);
  }

  /** The join key of a row (see row-keys.ts); `add`: give the key an id if it has none. */
  keyOf(r: Row, add = false): number | undefined {
    return this.keys.keyOf(r, add);
  }

  /** Row index by join key (see keyOf). */
  keyed(id: string): Map<number, number> {
    const t = this.get(id);
    if (!t.byKey) {
      const byKey = (t.byKey = new Map());
      const keyed = this.keysOf(t);
      for (let i = 0; i < keyed.n; i++) byKey.set(keyAt(keyed, i), i);
    }
    return t.byKey;
  }

  /** The join keys of a table's rows, found once (see row-keys.ts). */
  keysOf(t: Indexed): KeyedRows {
    const k = t.keyed;
    return k && keyedRowsValid(k) ? k : keyRowsOf(t, this.keys);
  }

  /** The join keys of some rows of a table (see row-keys.ts). */
  someKeysOf(t: Indexed, only: readonly number[]): KeyedRows {
    return someKeyRows(t, only, this.keys);
  }

  ofKind(t: Indexed, kind: string, code: string | undefined): number[] {
    t.byKind ??= new Map();
    let m = t.byKind.get(kind);
    if (!m) {
      m = new Map([[ALL, []]]);
      const rows = t.table.rows;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (r.kind !== kind) continue;
        m.get(ALL)!.push(i);
        if (r.code !== undefined) (m.get(r.code) ?? m.set(r.code, []).get(r.code)!).push(i);
      }
      t.byKind.set(kind, m);
    }
    return m.get(code ?? ALL) ?? NO_ROWS;
  }

  totalRow(t: Indexed): number {
    t.total ??= firstOfKind(t.table.rows, 'total');
    if (t.total < 0) throw new CannotRun(`预算${t.table.id}表没有合计行`);
    return t.total;
  }

  labelled(t: Indexed, col: number): Labels {
    t.labels ??= new Map();
    let m = t.labels.get(col);
    if (!m) {
      // Arrays only for repeated labels: most labels are printed once.
      const first = new Map<string, number>();
      const repeated = new Map<string, number[]>();
      const rows = t.table.rows;
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i].cells[col];
        if (typeof v !== 'string') continue;
        const k = normLabel(v);
        const f = first.get(k);
        if (f === undefined) first.set(k, i);
        else (repeated.get(k) ?? repeated.set(k, [f]).get(k)!).push(i);
      }
      t.labels.set(col, (m = { first, repeated }));
    }
    return m;
  }

  resolve(ref: Ref): Resolved {
    return this.resolveInto({ sum: 0, terms: 0, row: -1, col: -1, precision: 0 }, ref);
  }

  /** resolve() into an object the caller reuses (the rule engine resolves a few references per comparison). */
  resolveInto(into: Resolved, ref: Ref): Resolved {
    const t = this.byId.get(ref.table);
    const cr = t && this.compiled(t, ref);
    // Anything not resolved on the header (a missing table or column) is reported as before.
    const c = cr ? cr.col : this.col(ref.table, ref.col);
    const { table } = t!;
    into.col = c;
    into.precision = table.precision ?? 0;
    into.terms = 1;
    // One row (合计 or a label) without a rows array; absent optional labels sum to zero.
    const one = cr ? this.rowOf(t, ref, cr) : -2;
    if (one !== -2) {
      into.sum = one >= 0 ? amountOf(table.rows[one], c) : 0;
      into.row = one;
      return into;
    }
    const rows = this.rows(ref.table, ref.row);
    let sum = 0;
    for (let k = 0; k < rows.length; k++) sum += amountOf(table.rows[rows[k]], c);
    into.sum = sum;
    into.terms = Math.max(rows.length, 1);
    into.row = rows.length ? rows[0] : -1;
    return into;
  }

  private compiled(t: Indexed, ref: Ref): CompiledRef | undefined {
    let cr = compiledRefs.get(ref);
    if (cr?.leaves === t.leaves) return cr;
    const col = t.cols.get(ref.col);
    const sel = ref.row;
    const labelCol = 'label' in sel ? t.cols.get(sel.in) : -1;
    if (col === undefined || labelCol === undefined) return undefined;
    compiledRefs.set(ref, (cr = { leaves: t.leaves, col, labelCol, label: 'label' in sel ? normLabel(sel.label) : '' }));
    return cr;
  }

  /**
   * The row of a 合计 or label reference compiled on this table's header (-1: an absent optional
   * label), or -2 for a selector of several rows (see rows()).
   */
  private rowOf(t: Indexed, ref: Ref, cr: CompiledRef): number {
    const sel = ref.row;
    if ('total' in sel) return this.totalRow(t);
    if (!('label' in sel)) return -2;
    const i = nthRow(this.labelled(t, cr.labelCol), cr.label, sel.nth);
    if (i === undefined && sel.optional) return -1;
    if (i === undefined) throw new CannotRun(`预算${ref.table}表找不到“${sel.label}”行`);
    return i;
  }
}

function firstOfKind(rows: readonly Row[], kind: string): number {
  for (let i = 0; i < rows.length; i++) if (rows[i].kind === kind) return i;
  return -1;
}

export function amountOf(row: Row, col: number): number {
  const v = row.cells[col];
  return typeof v === 'number' ? v : 0;
}

/** A label people recognise for a row: its code and name, or its label. */
export function rowLabel(t: Table, i: number): string {
  const r = t.rows[i];
  if (!r) return '';
  const texts = r.cells.filter((c): c is string => typeof c === 'string').slice(0, 3);
  if (r.kind === 'item' && r.unit && !texts.includes(r.unit)) texts.splice(0, 0, r.unit);
  return texts.join(' ').trim() || `第 ${i + 1} 行`;
}
