/**
 * The body of a worksheet table: every sheet row below the header becomes a row of the IR with its
 * cells taken exactly from the sheet columns the header matched, its kind from its key cells.
 */
import type { Classification } from '../../../classification/classification.ts';
import { leaves, type Cell, type LeafColumn, type Row } from '../../../ir/table.ts';
import type { TableLayout } from '../../layouts/layout.ts';
import { FEN_PER, parseMoney, type AmountUnit } from '../../../money/money.ts';
import { compact } from '../text/tokens.ts';
import { textOf, type SheetCell, type SheetGrid } from './grid.ts';
import type { ColumnMap } from './header.ts';
import { rowKinds } from './row-kinds.ts';

export interface SheetBody {
  rows: Row[];
  notes: string[];
  /** decimals the figures are shown with (−1: no figures) */
  decimals: number;
  warnings: string[];
}

export interface BodyContext {
  layout: TableLayout;
  unit: AmountUnit;
  classification: Classification;
  /** names of departments and units read so far, normalised, with their codes (预算23表 has no code column) */
  knownNames: Map<string, string>;
}

const NOTE = /^(注|备注)\s*\d*\s*[:：]/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const DASH = /^[-—－–]+$/;
/** Digits a 类 / 款 / 项 code column prints (a code stored as a number loses its leading zeros). */
const CODE_WIDTH: Record<string, number> = { 类: 3, 款: 2, 项: 2 };

export function readBody(grid: SheetGrid, map: ColumnMap, ctx: BodyContext): SheetBody {
  const { layout, unit } = ctx;
  const ls = leaves(layout.header);
  const zeros = new Set(layout.emptyZeros ?? []);
  const slot = ls.map((c) => c.kind === 'amount' || zeros.has(c.key));
  const warnings: string[] = [];
  const notes: string[] = [];
  const sheetRows: { r: number; cells: Cell[] }[] = [];
  let decimals = -1;
  let unreadable = 0;
  for (let r = map.body; r <= grid.rows; r++) {
    const text = rowText(grid, r);
    if (notes.length || NOTE.test(text)) {
      if (text) notes.push(text);
      continue;
    }
    const cells = ls.map((leaf, i): Cell => {
      const cell = map.columns[i] ? grid.at(r, map.columns[i]) : undefined;
      if (!cell || cell.slave || cell.value === null) return null;
      const money = slot[i] ? amountOf(cell, unit) : undefined;
      if (money === undefined) return textCell(cell, leaf);
      if (money === 'unreadable') {
        if (leaf.kind === 'amount') unreadable++;
        return leaf.kind === 'amount' ? null : textCell(cell, leaf);
      }
      if (money !== null) decimals = Math.max(decimals, money.decimals);
      return money?.fen ?? null;
    });
    if (cells.some((c) => c !== null)) sheetRows.push({ r, cells });
  }
  if (unreadable) warnings.push(`${unreadable} 个金额单元格不是数字，按空白读取`);
  if (layout.rows === 'lists') return { rows: sheetRows.map(({ cells }) => ({ kind: 'line', indent: 0, cells })), notes, decimals, warnings };

  const codes = layout.codes === 'deptEcon' ? ctx.classification.deptEcon : ctx.classification.function;
  const kindOf = rowKinds({ layout, isClass: (code) => codes.get(code)?.level === '类', knownNames: ctx.knownNames });
  const rows: Row[] = [];
  const lost: number[] = [];
  for (const { r, cells } of sheetRows) {
    const key = kindOf(cells);
    if (key) rows.push({ ...key, cells });
    else lost.push(r);
  }
  if (lost.length) warnings.push(`第 ${lost.join('、')} 行没有可识别的编码或名称，未读取`);
  return { rows, notes, decimals, warnings };
}

function rowText(grid: SheetGrid, r: number): string {
  let out = '';
  for (let c = 1; c <= grid.cols; c++) {
    const cell = grid.at(r, c);
    if (cell && !cell.slave) out += (out ? ' ' : '') + textOf(cell);
  }
  return out;
}

/** A figure in 分 with the decimals it shows; null for a dash; 'unreadable' for other text; undefined for none. */
function amountOf(cell: SheetCell, unit: AmountUnit): { fen: number; decimals: number } | null | 'unreadable' | undefined {
  const scale = Math.log10(FEN_PER[unit]);
  if (typeof cell.value === 'number') {
    const fen = Math.round(cell.value * FEN_PER[unit]);
    const shown = cell.decimals ?? Math.min(scale, decimalsIn(String(cell.value)));
    return Number.isSafeInteger(fen) ? { fen, decimals: Math.min(shown, scale) } : 'unreadable';
  }
  const s = compact(String(cell.value).normalize('NFKC')).replace(/,/g, '');
  if (!s) return undefined;
  if (DASH.test(s)) return null;
  if (!NUMBER.test(s)) return 'unreadable';
  const decimals = decimalsIn(s);
  let fen: number;
  try {
    // Exact when the text fits 分; rounded to 分 when it prints more decimals than that.
    fen = decimals <= scale ? parseMoney(s, unit) : Math.round(Number(s) * FEN_PER[unit]);
  } catch {
    return 'unreadable'; // too large to be an amount
  }
  return Number.isSafeInteger(fen) ? { fen, decimals: Math.min(decimals, scale) } : 'unreadable';
}

const decimalsIn = (s: string) => (/e/i.test(s) ? 6 : s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

function textCell(cell: SheetCell, leaf: LeafColumn): string {
  const text = textOf(cell);
  const width = CODE_WIDTH[leaf.path[leaf.path.length - 1]];
  return leaf.kind === 'code' && typeof cell.value === 'number' && width ? text.padStart(width, '0') : text;
}
