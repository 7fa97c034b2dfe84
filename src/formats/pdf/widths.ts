/**
 * Font size and column widths of a table on an A4 landscape page, computed from the content:
 * amounts and codes never wrap, labels may wrap, and the table fills the page width. Text widths
 * are estimated from the font's advance widths, which is close enough to plan the layout.
 */
import type { HeaderCell, LeafColumn } from '../../ir/table.ts';
import type { PrintCell } from '../render-rows.ts';

/** Advance width (em) of a UTF-16 code unit in Noto Sans SC, as measured from the font. */
function charEm(code: number): number {
  if (code >= 0x30 && code <= 0x39) return 0.555; // digits
  switch (code) {
    case 0x20:
    case 0xa0:
      return 0.224;
    case 0x2e:
      return 0.278; // .
    case 0x2d:
      return 0.347; // -
    case 0x28:
    case 0x29:
      return 0.338; // ( )
    case 0x2c:
      return 0.25; // ,
  }
  if (code < 0x2000) return 0.6;
  return code >= 0xdc00 && code <= 0xdfff ? 0 : 1; // CJK, full-width; a surrogate pair counts once
}

export function textEm(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += charEm(s.charCodeAt(i));
  return w;
}

/** Font sizes tried, largest first. */
const SIZES = [9, 8, 7.5, 7, 6.5, 6, 5.5];
/** Smallest size tried before labels may wrap onto 3 lines. */
const READABLE_MIN_SIZE = 7;
/** Paragraph tables (绩效目标) stay small so that a project's goals take pages, not a chapter. */
const PARAGRAPH_MAX_SIZE = 7.5;
/** Texts longer than this (performance goals) are paragraphs: they wrap inside a share of the free width. */
const PARAGRAPH = 24;
/** Line height of Noto Sans SC (ascender + descender) in em. */
export const LINE_EM = 1.448;
/** Cell padding and rule width in pt (the table layout uses the same values). */
export const CELL_PAD_X = 2;
export const CELL_PAD_Y = 1;
export const RULE = 0.5;
/** Indentation per level of a row label, in em. */
export const INDENT_EM = 1;

export interface ColumnContent {
  column: LeafColumn;
  /** Body texts of the column (cells that are not merged). */
  texts: string[];
  /** Deepest indentation in the column, in em. */
  indentEm: number;
}

export interface Fit {
  fontSize: number;
  widths: number[];
}

export interface TableShape {
  columns: ColumnContent[];
  header: HeaderCell[];
  body: PrintCell[][];
  /** Page width and height left for the table, in pt. */
  width: number;
  height: number;
}

const isParagraph = (c: ColumnContent) => c.column.kind === 'text' && c.texts.some((t) => t.length > PARAGRAPH);
/** Whether a table holds paragraphs (its rows may be taller than a page). */
const hasParagraphs = (columns: ColumnContent[]) => columns.some(isParagraph);
const leafLabel = (c: ColumnContent) => c.column.path[c.column.path.length - 1];

/**
 * Widths (em) a column can take: the least (labels wrapped onto 3 lines, names onto several), a
 * comfortable one (labels on 2 lines, names on one) and the most it can use (labels on one line).
 */
interface Demand {
  min: number;
  comfy: number;
  want: number;
}

/** Width (em) of a column's leaf label wrapped onto n lines; a short one (预算数, 合计) stays on one. */
function labelWidth(c: ColumnContent, n: number): number {
  const em = textEm(leafLabel(c));
  return em <= 4 ? em : Math.max(2, Math.ceil(em / n));
}

const demands = new WeakMap<ColumnContent, Demand>();

/** A column's demand, measured once: the fit tries it at every font size. */
function demand(c: ColumnContent): Demand {
  let d = demands.get(c);
  if (!d) demands.set(c, (d = demandOf(c)));
  return d;
}

function demandOf(c: ColumnContent): Demand {
  let widest = 0;
  for (const t of c.texts) widest = Math.max(widest, textEm(t));
  const body = widest + c.indentEm;
  const labelEm = textEm(leafLabel(c));
  const lines = (n: number) => labelWidth(c, n);
  if (c.column.kind !== 'text') return { min: Math.max(body, lines(3)), comfy: Math.max(body, lines(2)), want: Math.max(body, labelEm) };
  const name = Math.min(body, 16 + c.indentEm);
  return { min: Math.max(lines(3), Math.min(body, 6 + c.indentEm)), comfy: Math.max(lines(2), name), want: Math.max(Math.min(labelEm, 8), body) };
}

const sum = (d: Demand[], k: keyof Demand) => d.reduce((s, x) => s + x[k], 0);

/**
 * Widths (em) of the text columns of a paragraph table (绩效目标): each gets width in proportion
 * to its length, between a floor and one line, so that the columns of a row are about equally
 * tall and the row as short as the page allows.
 */
function shareByLength(lengths: number[], floors: number[], free: number): number[] | undefined {
  const ceils = lengths.map((l, i) => Math.max(l, floors[i]));
  if (floors.reduce((a, b) => a + b, 0) > free) return undefined;
  const total = ceils.reduce((a, b) => a + b, 0);
  if (total <= free) return ceils.map((c) => (c / total) * free);
  const at = (lines: number) => lengths.map((l, i) => Math.min(ceils[i], Math.max(floors[i], l / lines)));
  let [lo, hi] = [1, Math.max(1, ...lengths)];
  for (let k = 0; k < 50; k++) {
    const mid = (lo + hi) / 2;
    if (at(mid).reduce((a, b) => a + b, 0) > free) lo = mid;
    else hi = mid;
  }
  return at(hi);
}

/** Widths at one font size, or undefined when the columns' demand at that level does not fit. */
function widthsAt(shape: TableShape, fontSize: number, level: 'min' | 'comfy'): number[] | undefined {
  const d = shape.columns.map(demand);
  const free = (shape.width - shape.columns.length * (2 * CELL_PAD_X + RULE) - RULE) / fontSize;
  if (hasParagraphs(shape.columns)) {
    const text = shape.columns.flatMap((c, i) => (c.column.kind === 'text' ? [i] : []));
    const fixed = d.map((x, i) => (text.includes(i) ? 0 : x[level]));
    const lengths = text.map((i) => Math.max(0, ...shape.columns[i].texts.map(textEm)));
    const floors = text.map((i, k) => Math.max(labelWidth(shape.columns[i], 3), Math.min(lengths[k], 4)));
    const shared = shareByLength(lengths, floors, free - fixed.reduce((a, b) => a + b, 0));
    if (!shared) return undefined;
    text.forEach((i, k) => (fixed[i] = shared[k]));
    return fixed.map((w) => w * fontSize);
  }
  if (sum(d, level) > free) return undefined;
  // Spare width goes first to the columns short of their comfortable width, then to all in
  // proportion to what each could use.
  if (sum(d, 'want') <= free) return d.map((x) => (x.want / sum(d, 'want')) * free * fontSize);
  const [from, to]: (keyof Demand)[] = sum(d, 'comfy') <= free ? ['comfy', 'want'] : ['min', 'comfy'];
  const share = (free - sum(d, from)) / (sum(d, to) - sum(d, from));
  return d.map((x) => (x[from] + (x[to] - x[from]) * share) * fontSize);
}

/** Lines a text takes at a width (pt), wrapping between characters as CJK text does. */
function lineCount(text: string, width: number, fontSize: number, indentEm = 0): number {
  let n = 1;
  let x = indentEm * fontSize;
  for (let i = 0; i < text.length; i++) {
    const w = charEm(text.charCodeAt(i)) * fontSize;
    if (x + w > width && x > 0) {
      n++;
      x = 0;
    }
    x += w;
  }
  return n;
}

const spanWidth = (widths: number[], from: number, span: number) =>
  widths.slice(from, from + span).reduce((a, b) => a + b, 0) + (span - 1) * (2 * CELL_PAD_X + RULE);
const rowHeight = (lines: number, fontSize: number) => lines * LINE_EM * fontSize + 2 * CELL_PAD_Y + RULE;

/** Estimated height of each line of the merged header (`table-grid` lays it out the same way). */
function headerHeights(shape: TableShape, fit: Fit): number[] {
  const { fontSize, widths } = fit;
  const depth = Math.max(0, ...shape.header.map((h) => h.row + h.rowSpan));
  const own = shape.header.map((h) => rowHeight(lineCount(h.label, spanWidth(widths, h.col, h.colSpan), fontSize), fontSize));
  const rowHeights = Array.from({ length: depth }, () => rowHeight(1, fontSize));
  shape.header.forEach((h, i) => {
    if (h.rowSpan === 1) rowHeights[h.row] = Math.max(rowHeights[h.row], own[i]);
  });
  // A label taller than the lines it spans pushes down the last of them.
  shape.header.forEach((h, i) => {
    const last = h.row + h.rowSpan - 1;
    const spanned = rowHeights.slice(h.row, last + 1).reduce((a, b) => a + b, 0);
    if (own[i] > spanned) rowHeights[last] += own[i] - spanned;
  });
  return rowHeights;
}

/** Estimated height of the whole table in pt. */
function heightAt(shape: TableShape, fit: Fit): number {
  let total = headerHeights(shape, fit).reduce((a, b) => a + b, 0);
  for (const cells of shape.body) {
    let col = 0;
    let n = 1;
    for (const c of cells) {
      n = Math.max(n, lineCount(c.text, spanWidth(fit.widths, col, c.span), fit.fontSize, c.indent * INDENT_EM));
      col += c.span;
    }
    total += rowHeight(n, fit.fontSize);
  }
  return total;
}

/**
 * The largest font size at which the labels wrap onto at most 2 lines and the table fits on one
 * page; failing that, the largest with labels on 2 lines (a long table); failing that, the
 * largest at which every column gets its least width.
 */
export function fitTable(shape: TableShape): Fit {
  const largest = hasParagraphs(shape.columns) ? PARAGRAPH_MAX_SIZE : SIZES[0];
  const sizes = SIZES.filter((s) => s <= largest);
  const readable = sizes.filter((s) => s >= READABLE_MIN_SIZE);
  const at = (fontSize: number, level: 'min' | 'comfy') => {
    const widths = widthsAt(shape, fontSize, level);
    return widths && { fontSize, widths };
  };
  const tiers = [
    () =>
      readable
        .map((s) => at(s, 'comfy'))
        .find((f) => f && shape.body.length * rowHeight(1, f.fontSize) <= shape.height && heightAt(shape, f) <= shape.height),
    () => readable.map((s) => at(s, 'comfy')).find(Boolean),
    () => sizes.map((s) => at(s, 'min')).find(Boolean),
  ];
  for (const tier of tiers) {
    const fit = tier();
    if (fit) return fit;
  }
  // Even the smallest size overflows: shrink all columns alike rather than run off the page.
  const fontSize = SIZES[SIZES.length - 1];
  const d = shape.columns.map(demand);
  const free = shape.width - shape.columns.length * (2 * CELL_PAD_X + RULE) - RULE;
  return { fontSize, widths: d.map((x) => (x.min / sum(d, 'min')) * free) };
}
