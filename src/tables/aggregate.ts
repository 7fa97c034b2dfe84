/**
 * The generic builder behind the tables that are "function rows × amount columns": it sums
 * line items into (unit, 项) cells once, then lays out 合计 / 部门 / 单位 / 类 / 款 / 项 rows.
 */
import type { Cell, ColumnNode, Row, RowKind, Table } from '../ir/table.ts';
import type { LineItem } from '../model/budget.ts';
import type { BuildContext } from './context.ts';
import { matches, type DefColumn } from './columns.ts';
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

interface Compiled {
  /** The header without measures, shared by every table built from the definition. */
  header: ColumnNode[];
  leaves: DefColumn[];
  /** leaf indexes of columns that match line items, and their predicates */
  matchCols: number[];
  /** leaf index → leaf indexes it sums, in an order where every operand is computed first */
  sumOrder: [number, number[]][];
  amountCols: number[];
  /** Per global signature id: the columns it lands in, or NONE when outside the table's pool. */
  memo: (Int32Array | undefined)[];
}

const NONE = new Int32Array(0);

const compiled = new WeakMap<AggregateDef, Compiled>();

function compile(def: AggregateDef): Compiled {
  let c = compiled.get(def);
  if (c) return c;
  const leaves: DefColumn[] = [];
  const walk = (ns: DefColumn[]) => ns.forEach((n) => (n.children?.length ? walk(n.children) : leaves.push(n)));
  walk(def.columns);
  const byKey = new Map(leaves.map((l, i) => [l.key!, i]));
  const matchCols: number[] = [];
  const sums = new Map<number, number[]>();
  leaves.forEach((l, i) => {
    if (!l.measure) return;
    if ('match' in l.measure) matchCols.push(i);
    else
      sums.set(
        i,
        l.measure.sum.map((k) => {
          const j = byKey.get(k);
          if (j === undefined) throw new Error(`预算${def.id}表: column ${l.key} sums unknown column ${k}`);
          return j;
        }),
      );
  });
  const sumOrder: [number, number[]][] = [];
  const done = new Set<number>();
  const visit = (i: number) => {
    if (done.has(i) || !sums.has(i)) return;
    sums.get(i)!.forEach(visit);
    done.add(i);
    sumOrder.push([i, sums.get(i)!]);
  };
  [...sums.keys()].forEach(visit);
  const amountCols = leaves.map((l, i) => (l.kind === 'amount' ? i : -1)).filter((i) => i >= 0);
  c = { header: def.columns.map(stripMeasure), leaves, matchCols, sumOrder, amountCols, memo: [] };
  compiled.set(def, c);
  return c;
}

export function aggregate(def: AggregateDef, ctx: BuildContext): Table {
  const { leaves, matchCols, sumOrder, amountCols, memo } = compile(def);
  const width = leaves.length;
  const matchPreds = matchCols.map((i) => (leaves[i].measure as { match: Parameters<typeof matches>[0] }).match);
  // One flat block of sums per table: cell c's vector is sums[c*width … c*width+width).
  const nCells = ctx.cellFunction.length;
  const sums = new Float64Array(nCells * width);
  const present = new Uint8Array(nCells);
  const { items, signature, cell } = ctx;
  let any = false;
  // Pool membership and columns depend only on the item's signature: decided once per signature.
  for (let i = 0; i < items.length; i++) {
    const s = signature[i];
    let cols = memo[s];
    if (!cols) {
      const li = items[i];
      memo[s] = cols = def.pool(li) ? Int32Array.from(matchCols.filter((_, k) => matches(matchPreds[k], li))) : NONE;
    }
    if (cols === NONE) continue;
    any = true;
    const c = cell[i];
    present[c] = 1;
    const base = c * width;
    const amount = items[i].amount;
    for (let k = 0; k < cols.length; k++) sums[base + cols[k]] += amount;
  }
  const cellSums = (c: number) => sums.subarray(c * width, c * width + width);
  const finish = (v: Float64Array) => {
    for (const [i, ops] of sumOrder) {
      let t = 0;
      for (const j of ops) t += v[j];
      v[i] = t;
    }
    return v;
  };

  const rows: Row[] = [];
  const zeros = new Set(def.zeros ?? []);
  const emit = (kind: RowKind, keyCells: Cell[], v: Float64Array | null, indent = 0, code?: string, unit?: string) => {
    const cells: Cell[] = new Array(width).fill(null);
    for (let i = 0; i < keyCells.length; i++) cells[i] = keyCells[i];
    const printZeros = !v || zeros.has(kind);
    for (const i of amountCols) {
      const a = v ? v[i] : 0;
      cells[i] = a !== 0 || printZeros ? a : null;
    }
    const row: Row = { kind, indent, cells };
    if (code !== undefined) row.code = code;
    if (unit !== undefined) row.unit = unit;
    rows.push(row);
  };
  const keyCellsFor = (kind: RowKind, code: string, name: string): Cell[] => {
    if (def.rows === 'items') {
      if (kind === 'item') return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7), extraUnit, name];
      return kind === 'total' ? [name, null, null, null, null] : [null, null, null, code, name];
    }
    if (kind === 'section' && def.sectionCode === 'short') return [code.slice(3), name];
    return kind === 'total' ? [name, null] : [code, name];
  };
  let extraUnit = '';

  if (!any) {
    const kind: RowKind = def.noTotalRow ? 'department' : 'total';
    const d = ctx.budget.department;
    emit(kind, kind === 'total' ? keyCellsFor('total', '', '合计') : keyCellsFor(kind, d.code, d.name), null, 0, kind === 'total' ? undefined : d.code);
    return tableOf(def, ctx, rows, true);
  }

  // Unit vectors and their function rows.
  const perUnit: { v: Float64Array; fnRows: [RowKind, string, Float64Array][] }[] = [];
  ctx.units.forEach((u, ui) => {
    const cs = ctx.unitCells[ui].filter((c) => present[c]);
    if (!cs.length) return;
    const uv = new Float64Array(width);
    const fnRows: [RowKind, string, Float64Array][] = [];
    let cls = new Float64Array(0);
    let sec = cls;
    let clsCode = '';
    let secCode = '';
    for (const c of cs) {
      const code = ctx.cellFunction[c];
      const v = cellSums(c);
      add(uv, v);
      if (def.rows === 'tree') {
        if (ctx.cellClass[c] !== clsCode) {
          clsCode = ctx.cellClass[c];
          fnRows.push(['class', clsCode, (cls = new Float64Array(width))]);
        }
        if (ctx.cellSection[c] !== secCode) {
          secCode = ctx.cellSection[c];
          fnRows.push(['section', secCode, (sec = new Float64Array(width))]);
        }
        add(cls, v);
        add(sec, v);
      }
      if (def.rows !== 'units') fnRows.push(['item', code, v]);
    }
    perUnit[ui] = { v: uv, fnRows };
  });
  const total = new Float64Array(width);
  perUnit.forEach((p) => p && add(total, p.v));

  const d = ctx.budget.department;
  if (!def.noTotalRow) emit('total', keyCellsFor('total', '', '合计'), finish(total));
  emit('department', keyCellsFor('department', d.code, d.name), finish(Float64Array.from(total)), 0, d.code);
  const fnIndent = { class: 2, section: 3, item: def.rows === 'tree' ? 4 : 2 } as Record<RowKind, number>;
  ctx.units.forEach((u, ui) => {
    const p = perUnit[ui];
    if (!p) return;
    emit('unit', keyCellsFor('unit', u.code, u.name), finish(p.v), 1, u.code);
    extraUnit = u.code;
    for (const [kind, code, v] of p.fnRows) {
      const name = ctx.classification.function.nameOf(code) ?? '';
      emit(kind, keyCellsFor(kind, code, name), finish(v), fnIndent[kind], code, u.code);
    }
  });
  return tableOf(def, ctx, rows, false);
}

function add(into: Float64Array, v: Float64Array) {
  for (let i = 0; i < v.length; i++) into[i] += v[i];
}

function tableOf(def: AggregateDef, ctx: BuildContext, rows: Row[], empty: boolean): Table {
  return {
    id: def.id,
    mark: mark(def.id),
    title: def.title,
    filer: ctx.filer,
    unit: '万元',
    header: compile(def).header,
    rows,
    notes: [...(def.notes ?? []), ...(empty ? [EMPTY_TABLE_NOTE] : [])],
    empty,
  };
}

function stripMeasure({ label, key, kind, children }: DefColumn): ColumnNode {
  return children?.length ? { label, children: children.map(stripMeasure) } : { label, key, kind: kind ?? 'amount' };
}
