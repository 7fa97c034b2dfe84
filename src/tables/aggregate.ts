/**
 * The generic builder behind the tables that are "function rows × amount columns": it takes the
 * (unit, 项) cell sums of the budget (aggregate-pass.ts), then lays out 合计 / 部门 / 单位 / 类 / 款 / 项 rows.
 */
import { type Cell, type Row, type RowKind, type Table, makeRow } from '../ir/table.ts';
import type { LineItem } from '../model/budget.ts';
import type { BuildContext } from './context.ts';
import type { DefColumn } from './columns.ts';
import { cellSums, compile, holds, type Compiled } from './aggregate-pass.ts';
import { EMPTY_TABLE_NOTE, mark } from './common.ts';

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
  const { sumOrder, amountCols, index } = c;
  const cs = cellSums(ctx, c);
  const { sums, width: stride } = cs;
  const zeros = def.zeros ?? [];
  const rows: Row[] = [];
  const items = def.rows === 'items';
  const short = def.sectionCode === 'short';
  const d = ctx.budget.department;

  /** Writes the amounts of v[base …] (finished first), or zeros, into a row's cells. */
  const fill = (kind: RowKind, cells: Cell[], v: Vector | null, base: number) => {
    if (v) finish(v, base, sumOrder);
    const printZeros = !v || zeros.includes(kind);
    for (const i of amountCols) {
      const a = v ? v[base + i] : 0;
      cells[i] = a !== 0 || printZeros ? a : null;
    }
  };
  /** Appends a row (amounts filled now, or later when `v` is undefined); returns its cells for the key columns. */
  const emit = (kind: RowKind, v: Vector | null | undefined, base: number, indent: number, code?: string, unit?: string): Cell[] => {
    const cells: Cell[] = c.blank.slice();
    if (v !== undefined) fill(kind, cells, v, base);
    rows.push(makeRow(kind, indent, cells, code, unit));
    return cells;
  };
  /** 合计 (name in the first column), or 部门 / 单位 (code and name in the last two key columns). */
  const head = (kind: RowKind, v: Vector | null, indent: number, code?: string, name = '合计') => {
    const cells = emit(kind, v, 0, indent, code);
    if (kind === 'total') cells[0] = name;
    else {
      cells[items ? 3 : 0] = code!;
      cells[items ? 4 : 1] = name;
    }
  };

  if (!((cs.any >>> index) & 1)) {
    if (def.noTotalRow) head('department', null, 0, d.code, d.name);
    else head('total', null, 0);
    return tableOf(def, c, ctx, rows, true);
  }

  // Unit vectors, and the cells of each unit's function rows.
  const perUnit: (Vector | undefined)[] = [];
  const total = c.zeros.slice();
  for (let ui = 0; ui < ctx.units.length; ui++) {
    let uv: Vector | undefined;
    for (const cell of ctx.unitCells[ui]) {
      if (!holds(cs, cell, index)) continue;
      add((uv ??= c.zeros.slice()), sums, cell * stride + c.offset);
    }
    if (uv) add(total, uv, 0);
    perUnit.push(uv);
  }

  if (!def.noTotalRow) head('total', total, 0);
  head('department', [...total], 0, d.code, d.name);
  const itemIndent = def.rows === 'tree' ? 4 : 2;
  for (let ui = 0; ui < ctx.units.length; ui++) {
    const uv = perUnit[ui];
    if (!uv) continue;
    const u = ctx.units[ui];
    head('unit', uv, 1, u.code, u.name);
    if (def.rows === 'units') continue;
    // 类 and 款 rows come before their items; cells are in code order, so a 类's or 款's amounts are
    // complete, and filled in, when the next one starts or the unit ends.
    let clsCells: Cell[] | undefined;
    let secCells: Cell[] | undefined;
    let cls = total;
    let sec = total;
    let clsCode = '';
    let secCode = '';
    for (const cell of ctx.unitCells[ui]) {
      if (!holds(cs, cell, index)) continue;
      const base = cell * stride + c.offset;
      const code = ctx.cellFunction[cell];
      const parts = ctx.cellParts[cell];
      if (def.rows === 'tree') {
        if (parts.class !== clsCode) {
          if (secCells) fill('section', secCells, sec, 0);
          if (clsCells) fill('class', clsCells, cls, 0);
          clsCode = parts.class;
          clsCells = emit('class', undefined, 0, 2, clsCode, u.code);
          clsCells[0] = clsCode;
          clsCells[1] = parts.className;
          cls = c.zeros.slice();
          secCode = '';
          secCells = undefined;
        }
        if (parts.section !== secCode) {
          if (secCells) fill('section', secCells, sec, 0);
          secCode = parts.section;
          secCells = emit('section', undefined, 0, 3, secCode, u.code);
          secCells[0] = short ? parts.sectionDigits : secCode;
          secCells[1] = parts.sectionName;
          sec = c.zeros.slice();
        }
        add(cls, sums, base);
        add(sec, sums, base);
      }
      const cells = emit('item', sums, base, itemIndent, code, u.code);
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
    if (secCells) fill('section', secCells, sec, 0);
    if (clsCells) fill('class', clsCells, cls, 0);
  }
  return tableOf(def, c, ctx, rows, false);
}

/**
 * Amounts of a row: a cell's slots in the budget's sums, or a plain array for 合计 / 部门 / 单位 / 类 / 款
 * rows (small typed arrays would each take an off-heap buffer, which costs more to make and collect).
 */
type Vector = Float64Array | number[];

function finish(v: Vector, base: number, sumOrder: [number, number[]][]) {
  for (const [i, ops] of sumOrder) {
    let t = 0;
    for (const j of ops) t += v[base + j];
    v[base + i] = t;
  }
}

/** Adds the into.length slots of v from base on. */
function add(into: Vector, v: Vector, base: number) {
  for (let i = 0; i < into.length; i++) into[i] += v[base + i];
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
    notes: [...(def.notes ?? []), ...(empty ? [EMPTY_TABLE_NOTE] : [])],
    empty,
  };
}
