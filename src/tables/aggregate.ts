/**
 * The generic builder behind the tables that are "function rows × amount columns": it takes the
 * (unit, 项) cell sums of the budget (aggregate-pass.ts), then lays out 合计 / 部门 / 单位 / 类 / 款 / 项 rows.
 */
import { type Cell, type Row, type RowKind, type Table, makeRow } from '../ir/table.ts';
import type { LineItem } from '../model/budget.ts';
import type { BuildContext } from './context.ts';
import type { DefColumn } from './columns.ts';
import { cellSums, compile, holds, type Compiled } from './aggregate-pass.ts';
import { blankCells, EMPTY_TABLE_NOTE, mark } from './common.ts';

export type RowLayout =
  /** 合计, 部门, 单位, then 类 › 款 › 项 rows under each unit (03, 07, 15, 18, 19) */
  | 'tree'
  /** 合计, 部门, 单位, then 项 rows split into 类 / 款 / 项 code columns (04, 05, 08–13, 16, 17) */
  | 'items'
  /** 合计, 部门, 单位 only (02, 14) */
  | 'units';

export interface AggregateDef {
  id: string;
  title: string;
  notes?: string[];
  columns: DefColumn[];
  /** The line items the table covers. Must depend only on the signature: fund, kind, economic codes, 三公 mark (memoised). */
  pool: (li: LineItem) => boolean;
  rows: RowLayout;
  /** 款 code printed with 5 digits (03) or its last 2 (07). */
  sectionCode?: 'full' | 'short';
  /** 预算13表 has no 合计 row. */
  noTotalRow?: boolean;
  /** Row kinds whose zero amounts print as 0.00 (elsewhere zeros are blank). */
  zeros?: RowKind[];
}

export function aggregate(def: AggregateDef, ctx: BuildContext): Table {
  const c = compile(def);
  const { index } = c;
  const cs = cellSums(ctx, c);
  const { sums, width: stride } = cs;
  const zeros = def.zeros ?? NO_ZEROS;
  const rows: Row[] = [];
  const items = def.rows === 'items';
  const short = def.sectionCode === 'short';
  const d = ctx.budget.department;

  if (!((cs.any >>> index) & 1)) {
    if (def.noTotalRow) head(rows, c, zeros, items, 'department', null, 0, d.code, d.name);
    else head(rows, c, zeros, items, 'total', null, 0);
    return tableOf(def, c, ctx, rows, true);
  }

  // Running sums in the shared scratch: 合计, 类, 款, then one vector per unit that has rows.
  const w = c.leaves.length;
  const nUnits = ctx.units.length;
  const v = scratchFor((UNIT + nUnits) * w);
  const unitHas = unitFlags(nUnits);
  for (let ui = 0; ui < nUnits; ui++) {
    const ub = (UNIT + ui) * w;
    for (const cell of ctx.unitCells[ui]) {
      if (!holds(cs, cell, index)) continue;
      unitHas[ui] = 1;
      add(v, ub, w, sums, cell * stride + c.offset);
    }
    if (unitHas[ui]) add(v, TOTAL, w, v, ub);
  }

  // 合计 and 部门 print the same sums (finishing them twice gives the same columns).
  if (!def.noTotalRow) head(rows, c, zeros, items, 'total', v, TOTAL);
  head(rows, c, zeros, items, 'department', v, TOTAL, d.code, d.name);
  const itemIndent = def.rows === 'tree' ? 4 : 2;
  for (let ui = 0; ui < nUnits; ui++) {
    if (!unitHas[ui]) continue;
    const u = ctx.units[ui];
    head(rows, c, zeros, items, 'unit', v, (UNIT + ui) * w, u.code, u.name);
    if (def.rows === 'units') continue;
    // 类 and 款 rows come before their items; cells are in code order, so a 类's or 款's amounts are
    // complete, and filled in, when the next one starts or the unit ends.
    let clsCells: Cell[] | undefined;
    let secCells: Cell[] | undefined;
    let clsCode = '';
    let secCode = '';
    for (const cell of ctx.unitCells[ui]) {
      if (!holds(cs, cell, index)) continue;
      const base = cell * stride + c.offset;
      const code = ctx.cellFunction[cell];
      const parts = ctx.cellParts[cell];
      if (def.rows === 'tree') {
        if (parts.class !== clsCode) {
          if (secCells) closeSection(c, zeros, secCells, v, w);
          if (clsCells) fill(c, zeros, 'class', clsCells, v, CLASS * w);
          clsCode = parts.class;
          clsCells = emit(rows, c, 'class', 2, clsCode, u.code);
          clsCells[0] = clsCode;
          clsCells[1] = parts.className;
          v.fill(0, CLASS * w, (CLASS + 1) * w);
          secCode = '';
          secCells = undefined;
        }
        if (parts.section !== secCode) {
          if (secCells) closeSection(c, zeros, secCells, v, w);
          secCode = parts.section;
          secCells = emit(rows, c, 'section', 3, secCode, u.code);
          secCells[0] = short ? parts.sectionDigits : secCode;
          secCells[1] = parts.sectionName;
          v.fill(0, SECTION * w, (SECTION + 1) * w);
        }
        add(v, SECTION * w, w, sums, base);
      }
      const cells = emit(rows, c, 'item', itemIndent, code, u.code);
      fill(c, zeros, 'item', cells, sums, base);
      if (items) {
        cells[0] = parts.class;
        cells[1] = parts.sectionDigits;
        cells[2] = parts.itemDigits;
        cells[3] = u.code;
        cells[4] = parts.name;
      } else {
        cells[0] = code;
        cells[1] = parts.name;
      }
    }
    if (secCells) closeSection(c, zeros, secCells, v, w);
    if (clsCells) fill(c, zeros, 'class', clsCells, v, CLASS * w);
  }
  return tableOf(def, c, ctx, rows, false);
}

const NO_ZEROS: RowKind[] = [];

/** Slots of the scratch vectors (times the table's width). */
const TOTAL = 0;
const CLASS = 1;
const SECTION = 2;
const UNIT = 3;

/**
 * Process-wide scratch for the running sums of 合计 / 单位 / 类 / 款 rows: tables are built one after
 * another, and their finished amounts are copied into cells, so one buffer serves every table
 * (a vector per unit, 类 and 款 of every table was most of what the builder allocated).
 */
let scratch = new Float64Array(256);
let flags = new Uint8Array(16);

function scratchFor(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(2 * n);
  else scratch.fill(0, 0, n);
  return scratch;
}

function unitFlags(n: number): Uint8Array {
  if (flags.length < n) flags = new Uint8Array(2 * n);
  else flags.fill(0, 0, n);
  return flags;
}

/** Appends a row with blank cells (amounts filled by `fill`); returns its cells for the key columns. */
function emit(rows: Row[], c: Compiled, kind: RowKind, indent: number, code?: string, unit?: string): Cell[] {
  const cells = blankCells(c.leaves.length);
  rows.push(makeRow(kind, indent, cells, code, unit));
  return cells;
}

/** 合计 (name in the first column), or 部门 / 单位 (code and name in the last two key columns), with amounts v[base …] or zeros. */
function head(rows: Row[], c: Compiled, zeros: RowKind[], items: boolean, kind: RowKind, v: Float64Array | null, base: number, code?: string, name = '合计') {
  const cells = emit(rows, c, kind, kind === 'unit' ? 1 : 0, code);
  fill(c, zeros, kind, cells, v, base);
  if (kind === 'total') cells[0] = name;
  else {
    cells[items ? 3 : 0] = code!;
    cells[items ? 4 : 1] = name;
  }
}

/**
 * Fills a 款 row and adds its sums into its 类's: a 类 sums its 款 (amounts are whole fen, so the
 * order of adding does not change them), one vector per 款 instead of one per 项.
 */
function closeSection(c: Compiled, zeros: RowKind[], cells: Cell[], v: Float64Array, w: number) {
  fill(c, zeros, 'section', cells, v, SECTION * w);
  add(v, CLASS * w, w, v, SECTION * w);
}

/** Writes the amounts of v[base …] (finished first), or zeros, into a row's cells. */
function fill(c: Compiled, zeros: RowKind[], kind: RowKind, cells: Cell[], v: Float64Array | null, base: number) {
  if (v) finish(v, base, c.sumOrder);
  const printZeros = !v || zeros.includes(kind);
  for (const i of c.amountCols) {
    const a = v ? v[base + i] : 0;
    cells[i] = a !== 0 || printZeros ? a : null;
  }
}

function finish(v: Float64Array, base: number, sumOrder: [number, number[]][]) {
  for (const [i, ops] of sumOrder) {
    let t = 0;
    for (const j of ops) t += v[base + j];
    v[base + i] = t;
  }
}

/** Adds n slots of v from `from` on into `into` from `at` on. */
function add(into: Float64Array, at: number, n: number, v: Float64Array, from: number) {
  for (let i = 0; i < n; i++) into[at + i] += v[from + i];
}

function tableOf(def: AggregateDef, c: Compiled, ctx: BuildContext, rows: Row[], empty: boolean): Table {
  return {
    id: def.id,
    mark: mark(def.id),
    title: def.title,
    filer: ctx.filer,
    unit: '万元',
    header: c.header,
    rows,
    notes: notesOf(def, empty),
    empty,
  };
}

/** The table's own notes list (buildTables may add to it). */
function notesOf(def: AggregateDef, empty: boolean): string[] {
  const notes = def.notes ? def.notes.slice() : [];
  if (empty) notes.push(EMPTY_TABLE_NOTE);
  return notes;
}
