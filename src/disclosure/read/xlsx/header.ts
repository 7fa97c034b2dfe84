/**
 * Where a worksheet's table is: its head (the 预算NN表 mark, the title, 填报部门 and 单位), its
 * header block and the leaf column of the layout each sheet column holds. Columns are matched by
 * their label paths down the header (merged cells give the tree), normalised as labels are
 * everywhere; a sheet that groups its headers differently still matches by the labels it shares,
 * in order, and a column whose label differs takes the place its neighbours leave for it.
 */
import { leaves, normLabel } from '../../../ir/table.ts';
import type { LayoutSet, TableLayout } from '../../layouts/layout.ts';
import type { AmountUnit } from '../../../money/money.ts';
import { titleIndex } from '../text/sections.ts';
import { compact, norm } from '../text/tokens.ts';
import { textOf, type SheetGrid } from './grid.ts';

export interface SheetHead {
  /** table id from the title, the mark or the sheet name (undefined: not recognised) */
  id?: string;
  /** the sheet lists several titles: a contents page, not a table */
  contents?: boolean;
  title?: string;
  filer: string;
  unit?: AmountUnit;
  /** first row after the head */
  next: number;
}

const MARK = /^预算(\d{1,2})表/;
const FILER = /填报(?:部门|单位)[:：]\s*(.*?)\s*(?:单位[:：].*)?$/;
const UNIT = /单位[:：]\s*(万元|元)/;
const ROW_LABEL = /^(合计|总计)[:：]?$/;
/** Rows searched for the head. */
const HEAD_ROWS = 10;

export function readHead(grid: SheetGrid, set: Pick<LayoutSet, 'tables' | 'marks'>): SheetHead {
  const titles = titleIndex(set);
  const ids = new Set(set.tables.map((t) => t.id));
  const head: SheetHead = { filer: '', next: 1 };
  let markId: string | undefined;
  const seen = new Set<string>();
  for (let r = 1; r <= Math.min(HEAD_ROWS, grid.rows) && !opensBody(grid, r); r++) {
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.at(r, c);
      if (!cell || cell.slave) continue;
      const text = textOf(cell);
      const mark = MARK.exec(compact(text));
      const rest = mark ? compact(text).slice(mark[0].length) : text;
      if (mark && ids.has(mark[1].padStart(2, '0'))) (markId = mark[1].padStart(2, '0')), (head.next = r + 1);
      const id = rest ? titles.get(norm(rest)) : undefined;
      if (id) seen.add(id);
      // The title exactly as the cell holds it (spaces included), unless it shares the cell with the mark.
      if (id && !head.id) Object.assign(head, { id, title: mark ? rest : String(cell.value), next: r + 1 });
      const filer = FILER.exec(text);
      if (filer) Object.assign(head, { filer: filer[1], next: r + 1 });
      const unit = UNIT.exec(text);
      if (unit) Object.assign(head, { unit: unit[1] as AmountUnit, next: r + 1 });
    }
  }
  if (seen.size > 1) return { filer: '', next: 1, contents: true };
  head.id ??= markId ?? titles.get(norm(grid.name)) ?? sheetMark(grid.name, ids);
  return head;
}

function sheetMark(name: string, ids: Set<string>): string | undefined {
  const m = MARK.exec(compact(name));
  const id = m?.[1].padStart(2, '0');
  return id && ids.has(id) ? id : undefined;
}

/** A row that starts the body: a figure, or a code or 合计 in its first cell (not one merged down from the header). */
export function opensBody(grid: SheetGrid, r: number): boolean {
  let first: string | undefined;
  for (let c = 1; c <= grid.cols; c++) {
    const cell = grid.at(r, c);
    if (!cell) continue;
    if (first === undefined) first = cell.slave && Number(cell.master.split(':')[0]) < r ? '' : compact(textOf(cell));
    if (!cell.slave && (typeof cell.value === 'number' || /^-?[\d,]*\d\.\d+$/.test(compact(cell.value ?? '')))) return true;
  }
  return first !== undefined && (/^\d+$/.test(first) || ROW_LABEL.test(first));
}

export interface ColumnMap {
  /** sheet column (1-based) of each leaf; 0 when the sheet has no such column */
  columns: number[];
  /** first body row */
  body: number;
  /** exactly matched label paths, for telling tables apart by their header */
  exact: number;
}

/** The header block from `from` to the first body row, and the leaf each column holds. */
export function mapColumns(grid: SheetGrid, from: number, layout: TableLayout): ColumnMap {
  let body = from;
  while (body <= grid.rows && !opensBody(grid, body)) body++;
  const rows: number[] = [];
  for (let r = from; r < body; r++) if (isHeaderRow(grid, r)) rows.push(r);
  const paths: { col: number; path: string[] }[] = [];
  for (let c = 1; c <= grid.cols; c++) {
    const path: string[] = [];
    let last = '';
    for (const r of rows) {
      const cell = grid.at(r, c);
      const label = normLabel(textOf(cell));
      if (!cell || !label || cell.master === last) continue;
      last = cell.master;
      path.push(label);
    }
    if (path.length) paths.push({ col: c, path });
  }
  const ls = leaves(layout.header).map((l) => l.path.map(normLabel));
  const match = matchPaths(paths.map((p) => p.path), ls);
  const columns = ls.map(() => 0);
  match.leafOf.forEach((leaf, k) => leaf >= 0 && (columns[leaf] = paths[k].col));
  return { columns, body, exact: match.exact };
}

/** Header rows hold labels: not the title spanning the table, not the 填报部门 line. */
function isHeaderRow(grid: SheetGrid, r: number): boolean {
  const masters = new Set<string>();
  let text = '';
  for (let c = 1; c <= grid.cols; c++) {
    const cell = grid.at(r, c);
    if (!cell) continue;
    masters.add(cell.master);
    text += textOf(cell);
  }
  if (!masters.size || FILER.test(text) || UNIT.test(text)) return false;
  return !(masters.size === 1 && grid.cols > 2);
}

/**
 * Sheet label paths → leaf indices (−1: none). Exact paths first (the k-th equal path takes the
 * k-th equal leaf); then, left to right, the unused leaf sharing the longest label suffix, nearest
 * after the previous match; then unmatched columns between matches by position.
 */
function matchPaths(paths: string[][], ls: string[][]): { leafOf: number[]; exact: number } {
  const used = new Set<number>();
  const leafOf = paths.map((p) => {
    const leaf = ls.findIndex((l, i) => !used.has(i) && l.length === p.length && l.every((x, k) => x === p[k]));
    if (leaf >= 0) used.add(leaf);
    return leaf;
  });
  const exact = leafOf.filter((l) => l >= 0).length;
  let prev = -1;
  leafOf.forEach((leaf, k) => {
    if (leaf >= 0) return void (prev = leaf);
    const lens = ls.map((l, i) => (used.has(i) ? 0 : suffix(paths[k], l)));
    const most = Math.max(0, ...lens);
    if (!most) return;
    const best = lens.findIndex((n, i) => n === most && i > prev);
    leafOf[k] = best >= 0 ? best : lens.indexOf(most);
    used.add(leafOf[k]);
    prev = leafOf[k];
  });
  // Columns still unmatched between two matched ones, when the gap is the same on both sides.
  leafOf.forEach((leaf, k) => {
    if (leaf >= 0) return;
    let left = k - 1;
    while (left >= 0 && leafOf[left] < 0) left--;
    const right = leafOf.findIndex((l, j) => j > k && l >= 0);
    const lo = left >= 0 ? leafOf[left] : -1;
    const hi = right >= 0 ? leafOf[right] : ls.length;
    const guess = lo + (k - left);
    if (hi - lo === (right >= 0 ? right : paths.length) - left && guess < ls.length && !used.has(guess)) {
      leafOf[k] = guess;
      used.add(guess);
    }
  });
  return { leafOf, exact };
}

function suffix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
