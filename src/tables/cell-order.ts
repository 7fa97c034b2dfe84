/** The order of a unit's (unit, 项) cells: by function code, as rows list them. */
import type { FunctionParts } from './context.ts';

/**
 * Sorts a unit's cells by function code. Codes of 7 digits (all of the classification's 项) compare
 * as numbers, one subtraction instead of a string comparison per pair; any other code, as text.
 */
export function sortCells(cells: number[], parts: FunctionParts[], code: string[]): void {
  for (const c of cells) {
    if (parts[c].rank < 0) {
      if (!isSorted(cells, code)) sortByCode(cells, code);
      return;
    }
  }
  sortByRank(cells, parts);
}

/** Whether cells are in function code order already (items are often listed so): sorting them then costs a comparator call per pair. */
function isSorted(cells: number[], code: string[]): boolean {
  for (let i = 1; i < cells.length; i++) if (code[cells[i - 1]] > code[cells[i]]) return false;
  return true;
}

/** Sorts cells by function code as text (only codes outside the classification's 7 digits come here). */
function sortByCode(cells: number[], code: string[]): void {
  cells.sort((a, b) => (code[a] < code[b] ? -1 : code[a] > code[b] ? 1 : 0));
}

/**
 * Sorts cells by their 7-digit codes' numbers. A unit's cells are few: sorted in place by insertion
 * (no comparator closure, no work array of Array.prototype.sort), unless there are many.
 */
function sortByRank(cells: number[], parts: FunctionParts[]): void {
  if (cells.length > 64) {
    cells.sort((a, b) => parts[a].rank - parts[b].rank);
    return;
  }
  for (let i = 1; i < cells.length; i++) {
    const c = cells[i];
    const r = parts[c].rank;
    let j = i - 1;
    while (j >= 0 && parts[cells[j]].rank > r) {
      cells[j + 1] = cells[j];
      j--;
    }
    cells[j + 1] = c;
  }
}

