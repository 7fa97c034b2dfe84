/**
 * Cell styles of the xlsx tables, built once and shared between cells. exceljs's per-property
 * setters (cell.numFmt = …) mutate the cell's style object, so cells only ever get whole styles.
 */
import type { Alignment, Borders, Font, Style } from 'exceljs';

const FONT_NAME = '宋体';
const font = (size: number, bold = false): Partial<Font> => ({ name: FONT_NAME, size, bold });

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const AMOUNT_FORMAT = '0.00';

const style = (s: Partial<Style>): Partial<Style> => Object.freeze(s) as Partial<Style>;

export const STYLES = {
  mark: style({ font: font(10), alignment: { horizontal: 'left', vertical: 'middle' } }),
  title: style({ font: font(18, true), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }),
  filer: style({ font: font(10), alignment: { horizontal: 'left', vertical: 'middle' } }),
  unit: style({ font: font(10), alignment: { horizontal: 'right', vertical: 'middle' } }),
  header: style({
    font: font(10, true),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BOX,
  }),
  amount: style({ font: font(10), numFmt: AMOUNT_FORMAT, alignment: { horizontal: 'right', vertical: 'middle' }, border: BOX }),
  code: style({ font: font(10), numFmt: '@', alignment: { horizontal: 'left', vertical: 'middle' }, border: BOX }),
  /** 合计 label merged over the leading code/name columns. */
  totalLabel: style({ font: font(10), numFmt: '@', alignment: { horizontal: 'center', vertical: 'middle' }, border: BOX }),
  note: style({ font: font(10), alignment: { horizontal: 'left', vertical: 'top', wrapText: true } }),
};

const textStyles = new Map<number, Partial<Style>>();

/** Name and goal texts: wrapped, indented by the row's level (unit, 类, 款, 项). */
function textStyle(indent: number): Partial<Style> {
  let s = textStyles.get(indent);
  if (!s) {
    const alignment: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true, ...(indent ? { indent } : {}) };
    s = style({ font: font(10), numFmt: '@', alignment, border: BOX });
    textStyles.set(indent, s);
  }
  return s;
}

/** Style of a body cell by what it shows: any number is an amount; texts carry the row's indent. */
export function bodyStyle(kind: 'amount' | 'code' | 'text', indent: number): Partial<Style> {
  return kind === 'amount' ? STYLES.amount : kind === 'code' ? STYLES.code : textStyle(indent);
}
