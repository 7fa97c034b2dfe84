/** Wording and row helpers shared by several tables. */
import type { Cell } from '../ir/table.ts';

const MARKS = new Map<string, string>();
/** "预算01表": one string per table id for the process (a template per table built made a new string each time). */
export function mark(id: string): string {
  let m = MARKS.get(id);
  if (m === undefined) MARKS.set(id, (m = `预算${id}表`));
  return m;
}

/** 财预〔2016〕143号: a table without data is still published, empty, with a note saying why. */
export const EMPTY_TABLE_NOTE = '注：本单位本年度无此项预算收支，故本表无数据。';

export const NOTE_NO_CARRY_OVER = '注：不含上年结转结余。';

/** A row's cells, all blank, of a given width: copied from one kept per width (a copy of a packed array is cheaper than pushing into a new one). */
export function blankCells(width: number): Cell[] {
  let b = BLANK_CELLS[width];
  if (!b) {
    b = [];
    for (let i = 0; i < width; i++) b.push(null);
    BLANK_CELLS[width] = b;
  }
  return b.slice();
}
const BLANK_CELLS: Cell[][] = [];
