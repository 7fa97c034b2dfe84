/**
 * Reads one data sheet of the input workbook into records of field texts. Columns are found by
 * the field keys in the hidden row 2, else by their Chinese header (then data starts in row 2),
 * so reordered or relabelled columns still read correctly.
 */
import type { Worksheet } from 'exceljs';
import type { InputProblem } from '../errors.ts';
import { CellProblem, cellText, splitCode } from './cells.ts';
import { type ColumnSpec, FIRST_DATA_ROW, HEADER_ROW, KEY_ROW, type SheetSpec } from './layout.ts';

export interface SheetRecord {
  row: number;
  /** field key → trimmed text ('' when blank); a column missing from the sheet is absent */
  values: Map<string, string>;
  /** field key → the name written after a code (`2060301 科学技术管理事务`) */
  names: Map<string, string>;
}

/** Header text compared loosely: no spaces, no trailing （…） such as a unit. */
const normalize = (s: string) => s.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');

function headerText(ws: Worksheet, row: number, col: number): string {
  try {
    return cellText(ws.getRow(row).getCell(col).value);
  } catch {
    return '';
  }
}

/** Finds the sheet's columns; reports the missing required ones. */
function locateColumns(ws: Worksheet, spec: SheetSpec, file: string, problems: InputProblem[]) {
  const byKey = new Map<string, number>();
  const byLabel = new Map<string, number>();
  for (let c = ws.columnCount; c >= 1; c--) {
    byKey.set(headerText(ws, KEY_ROW, c), c);
    byLabel.set(normalize(headerText(ws, HEADER_ROW, c)), c);
  }
  const hasKeyRow = spec.columns.some((col) => byKey.has(col.key));
  const columns = new Map<ColumnSpec, number>();
  let complete = true;
  for (const col of spec.columns) {
    const c = (hasKeyRow ? byKey.get(col.key) : undefined) ?? byLabel.get(normalize(col.label));
    if (c) columns.set(col, c);
    else if (!col.optional) {
      problems.push({ file, sheet: spec.name, row: HEADER_ROW, column: col.label, message: `缺少列“${col.label}”` });
      complete = false;
    }
  }
  return { columns, firstRow: hasKeyRow ? FIRST_DATA_ROW : KEY_ROW, complete };
}

/**
 * The non-blank rows of a sheet. A cell that cannot be read is reported and read as blank.
 * `amountScale`: decimals the amount unit holds exactly, for number cells.
 */
export function readSheet(ws: Worksheet, spec: SheetSpec, file: string, amountScale: number, problems: InputProblem[]): SheetRecord[] {
  const { columns, firstRow, complete } = locateColumns(ws, spec, file, problems);
  if (!complete) return [];
  const records: SheetRecord[] = [];
  for (let r = firstRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const rec: SheetRecord = { row: r, values: new Map(), names: new Map() };
    let blank = true;
    for (const [col, c] of columns) {
      let text = '';
      try {
        text = cellText(row.getCell(c).value, col.kind === 'amount' ? amountScale : undefined);
      } catch (e) {
        if (!(e instanceof CellProblem)) throw e;
        problems.push({ file, sheet: spec.name, row: r, column: col.label, message: e.message });
        blank = false;
      }
      if (text && col.kind === 'code') {
        const { code, name } = splitCode(text);
        text = code;
        if (name) rec.names.set(col.key, name);
      }
      if (text) blank = false;
      rec.values.set(col.key, text);
    }
    if (!blank) records.push(rec);
  }
  return records;
}
