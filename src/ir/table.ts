/**
 * The table IR: one structure for every published table, whether yusuan built it or a reader
 * recovered it from someone else's disclosure. Renderers and readers are adapters around it;
 * checks run on it.
 */
import type { AmountUnit, Money } from '../money/money.ts';

export type ColumnKind = 'code' | 'text' | 'amount';

/** A node of the multi-level column header. Leaves are the table's columns, left to right. */
export interface ColumnNode {
  label: string;
  /** Stable identifier of a leaf within its layout (e.g. "basic.total"); rules refer to it. */
  key?: string;
  kind?: ColumnKind;
  children?: ColumnNode[];
}

/** 合计, 部门, 单位, 类/款/项 of 支出功能分类, a project, a line of a side-by-side list. */
export type RowKind = 'total' | 'department' | 'unit' | 'class' | 'section' | 'item' | 'project' | 'line';

/**
 * A cell: an amount in 分 (number), a text or code (string), or empty (null). An amount of 0 is
 * printed as 0.00; null is printed blank. Which zeros print is part of each table's layout.
 */
export type Cell = Money | string | null;

export interface Row {
  kind: RowKind;
  /** Function code (类 3, 款 5, 项 7 digits), unit code or department code, when the row has one. */
  code?: string;
  /** Unit the row belongs to (function and project rows). */
  unit?: string;
  indent: number;
  cells: Cell[];
}

/**
 * A row with all its fields, absent ones undefined, always in this order: rows of one object shape
 * keep the checks' loops over rows monomorphic (mixed shapes made every row read a slower lookup).
 */
export function makeRow(kind: RowKind, indent: number, cells: Cell[], code?: string, unit?: string): Row {
  return new BuiltRow(kind, code, unit, indent, cells);
}

/**
 * Built rows are class instances, not object literals: V8 tracks a literal's allocation site and,
 * having once seen a department's rows all alive at a scavenge, allocated every later row straight
 * in old space; dead old rows then kept their young cells arrays alive through each scavenge, which
 * copied a whole round's cells (scavenges of 50–70 ms instead of 5–8; a fifth of the core's time).
 */
class BuiltRow implements Row {
  constructor(
    public kind: RowKind,
    public code: string | undefined,
    public unit: string | undefined,
    public indent: number,
    public cells: Cell[],
  ) {}
}

export interface Table {
  id: string;
  /** "预算01表" */
  mark: string;
  /** Title exactly as printed (letter-spacing and bracket widths included). */
  title: string;
  /** 填报部门 */
  filer: string;
  unit: AmountUnit;
  header: ColumnNode[];
  rows: Row[];
  notes: string[];
  /** True when the table has no data (printed with its 合计 row of zeros and the empty-table note). */
  empty: boolean;
  /**
   * Set when amounts were read from rounded figures (an audited disclosure, or a rendering in a
   * coarser unit): the size in 分 of one displayed step. Checks widen their tolerance by it.
   */
  precision?: number;
}

export interface LeafColumn {
  key: string;
  kind: ColumnKind;
  /** Labels from the top header line down to the leaf. */
  path: string[];
}

const leafCache = new WeakMap<ColumnNode[], LeafColumn[]>();

/** The leaf columns of a header, left to right (cached: headers are shared and not mutated). */
export function leaves(header: ColumnNode[]): LeafColumn[] {
  let out = leafCache.get(header);
  if (!out) leafCache.set(header, (out = leavesOf(header)));
  return out;
}

function leavesOf(header: ColumnNode[]): LeafColumn[] {
  const out: LeafColumn[] = [];
  const walk = (nodes: ColumnNode[], path: string[]) => {
    for (const n of nodes) {
      const p = [...path, n.label];
      if (n.children?.length) walk(n.children, p);
      else out.push({ key: n.key ?? p.join('/'), kind: n.kind ?? 'amount', path: p });
    }
  };
  walk(header, []);
  return out;
}

/** Number of header lines. */
export function headerDepth(nodes: ColumnNode[]): number {
  return nodes.reduce((d, n) => Math.max(d, 1 + (n.children?.length ? headerDepth(n.children) : 0)), 0);
}

/** Number of leaf columns a node spans. */
export function span(n: ColumnNode): number {
  return n.children?.length ? n.children.reduce((s, c) => s + span(c), 0) : 1;
}

/** Header cells placed on a grid: row/col of the top-left corner and spans (for merged headers). */
export interface HeaderCell {
  label: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export function headerGrid(header: ColumnNode[]): HeaderCell[] {
  const depth = headerDepth(header);
  const out: HeaderCell[] = [];
  const walk = (nodes: ColumnNode[], row: number, col: number) => {
    for (const n of nodes) {
      const colSpan = span(n);
      const leaf = !n.children?.length;
      out.push({ label: n.label, row, col, colSpan, rowSpan: leaf ? depth - row : 1 });
      if (!leaf) walk(n.children!, row + 1, col);
      col += colSpan;
    }
  };
  walk(header, 0, 0);
  return out;
}

const normCache = new Map<string, string>();

/** Label normalisation for matching (not for display): no whitespace, ASCII brackets and quotes. */
export function normLabel(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    if (normCache.size > 50_000) normCache.clear();
    normCache.set(s, (n = normalise(s)));
  }
  return n;
}

function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"]/g, '"')
    .replace(/[—－]/g, '-');
}

export function columnIndex(t: Table): Map<string, number> {
  const m = new Map<string, number>();
  leaves(t.header).forEach((c, i) => m.set(c.key, i));
  return m;
}
