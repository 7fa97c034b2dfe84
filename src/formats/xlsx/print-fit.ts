/**
 * How a sheet prints on A4 landscape. Printed one page wide, a sheet of many columns shrinks until
 * its 10 pt body is unreadable (预算13表 of the examples printed at about 3.6 pt in LibreOffice 7.4).
 * Such a sheet prints two pages wide instead, with its code and name columns repeated on the second.
 */

/**
 * Column-width units that fit across A4 landscape at 100 % between 0.3 in margins, as LibreOffice
 * 7.4 prints exceljs widths (measured: 预算13表 at 212 units printed at 0.53 scale).
 */
export const A4_LANDSCAPE_UNITS = 111;
/** The smallest print size of the 10 pt body we accept before splitting the sheet. */
export const MIN_PRINTED_PT = 6.5;
const BODY_PT = 10;

export interface PrintFit {
  pagesWide: 1 | 2;
  /** leading columns repeated on every page across (0: none) */
  repeat: number;
  /** the estimated printed size of the body, in pt */
  printedPt: number;
}

/** Scale of a sheet `pages` wide whose first `repeat` columns print on every page (10 % slack for column breaks). */
export function printedPt(widths: number[], pages: number, repeat: number): number {
  const total = widths.reduce((s, w) => s + w, 0);
  const titles = widths.slice(0, repeat).reduce((s, w) => s + w, 0);
  const perPage = pages === 1 ? total : ((total - titles) / pages) * 1.1 + titles;
  return BODY_PT * Math.min(1, A4_LANDSCAPE_UNITS / perPage);
}

export function printFit(widths: number[], leading: number): PrintFit {
  const one = printedPt(widths, 1, 0);
  if (one >= MIN_PRINTED_PT || leading === 0) return { pagesWide: 1, repeat: 0, printedPt: one };
  return { pagesWide: 2, repeat: leading, printedPt: printedPt(widths, 2, leading) };
}
