/**
 * A worksheet as a plain grid of values: formulas give their cached result, rich text is flattened,
 * merged areas keep their value in the top-left (master) cell and mark the others, and a number
 * remembers how many decimals its format displays. Sheets past the size caps are cut, not read
 * without end.
 */
import type { Cell as XCell, Worksheet } from 'exceljs';

export interface SheetCell {
  value: number | string | null;
  /** decimals the number format displays (undefined: General or not a number format) */
  decimals?: number;
  /** part of a merged area other than its top-left cell */
  slave: boolean;
  /** top-left cell of the merged area (itself when not merged), "r:c" */
  master: string;
}

export interface SheetGrid {
  name: string;
  rows: number;
  cols: number;
  /** 1-based, as in the sheet */
  at(r: number, c: number): SheetCell | undefined;
}

export const SHEET_LIMITS = { rows: 10_000, cols: 300 };

export function sheetGrid(ws: Worksheet, warnings: string[]): SheetGrid {
  const cells = new Map<string, SheetCell>();
  let rows = 0;
  let cols = 0;
  if (ws.rowCount > SHEET_LIMITS.rows || ws.columnCount > SHEET_LIMITS.cols)
    warnings.push(`工作表“${ws.name}”过大，只读取前 ${SHEET_LIMITS.rows} 行、${SHEET_LIMITS.cols} 列`);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > SHEET_LIMITS.rows) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > SHEET_LIMITS.cols) return;
      const master = cell.isMerged ? cell.master : cell;
      const slave = master !== cell;
      const value = slave ? valueOf(master) : valueOf(cell);
      if (value === null || value === '') return;
      cells.set(`${r}:${c}`, { value, decimals: typeof value === 'number' ? decimalsOf(cell.numFmt) : undefined, slave, master: `${master.row}:${master.col}` });
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  return { name: ws.name, rows, cols, at: (r, c) => cells.get(`${r}:${c}`) };
}

function valueOf(cell: XCell): number | string | null {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: { text?: unknown }[]; text?: unknown; error?: unknown };
    if ('result' in o) v = o.result;
    else if (Array.isArray(o.richText)) v = o.richText.map((run) => String(run?.text ?? '')).join('');
    else if ('text' in o) v = o.text;
    else v = null;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v.trim() ? v : null;
  if (typeof v === 'boolean') return String(v);
  return null;
}

/** Decimals shown by a number format such as "0.00", "#,##0.00_ " or "0.00;[Red]-0.00". */
function decimalsOf(numFmt: string | undefined): number | undefined {
  if (!numFmt || /general/i.test(numFmt)) return undefined;
  const m = /\.(0+)/.exec(numFmt.split(';')[0]);
  return m ? m[1].length : /0/.test(numFmt) ? 0 : undefined;
}

/** Text of a cell for labels and names. */
export function textOf(cell: SheetCell | undefined): string {
  if (!cell || cell.value === null) return '';
  // Leading (ideographic) spaces indent sub-items in the official tables: keep them.
  return typeof cell.value === 'number' ? String(cell.value) : cell.value.trimEnd();
}
