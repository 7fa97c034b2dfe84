/**
 * A table's body lines → rows with their figures in the printed columns. A row starts at its
 * codes (类 alone, 类 款 项 in separate columns, or a joined 5/7-digit code) or at 合计/总计; text
 * below continues its name; figures printed on lines of their own (cells centred vertically over a
 * wrapped row) belong to the next row that has room in their columns, else to the row above.
 * Side-by-side lists give one row per printed line, a label and figures per side.
 */
import type { RowKind } from '../../../ir/table.ts';
import { assignFigures, placedSurely, type Column } from './columns.ts';
import { centre, type PLine, type PWord } from './positioned.ts';

export interface Entry {
  label: string;
  /** figures by column index */
  figures: Map<number, string>;
}

export interface BodyRow {
  kind: RowKind;
  /** function or economic code, joined (2040601) */
  code?: string;
  /** codes as printed (["204", "06", "01"]) */
  printed: string[];
  name: string;
  /** figures by column index */
  figures: Map<number, string>;
  /** side-by-side lists: the label of each side (undefined where a side is blank) */
  labels?: (string | undefined)[];
  /** two-sided trees: the side the row is printed on */
  side?: number;
  /** columns whose figure the reader could place only by guess */
  unsure?: Set<number>;
}

const FIGURE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const GROUPED = /[.,]/;
const TOTAL = /^(合计|总计|(人员经费|公用经费)?合计)$/;
const MARKER = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．](?!\d))/;

/** A figure token: with a separator or a decimal point, or plain digits inside the amount columns. */
function isFigure(w: PWord, amountsFrom: number): boolean {
  if (!FIGURE.test(w.text)) return false;
  return GROUPED.test(w.text) || centre(w) >= amountsFrom;
}

export interface BodyOptions {
  columns: Column[];
  /** columns of one side only (two-sided trees), by side */
  side?: number;
  split?: number;
  /** two-sided trees: where the right side starts on a page */
  splitAt?: (page: number) => number | undefined;
  shift?: (page: number) => number;
}

function amountsFrom(columns: Column[]): number {
  return columns.length ? Math.min(...columns.map((c) => c.x0)) - 1.5 : Infinity;
}

/** Code words at the start of a row: 类 [款 [项]], or one joined code. */
function codesAt(words: PWord[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (!/^\d+$/.test(w.text)) break;
    if (!out.length && !/^(\d{3}|\d{5}|\d{7})$/.test(w.text)) break;
    if (out.length && (w.text.length !== 2 || out.join('').length >= 7)) break;
    out.push(w.text);
  }
  return out;
}

export function treeRows(lines: PLine[], opts: BodyOptions): BodyRow[] {
  const cols = opts.side === undefined ? opts.columns : opts.columns.filter((c) => c.side === opts.side);
  const index = cols.map((c) => opts.columns.indexOf(c));
  // Two-sided trees print a class code where the other side's figures may stand: plain digits there are codes.
  const from = opts.side === undefined ? amountsFrom(cols) : Infinity;
  const rows: BodyRow[] = [];
  let cur: BodyRow | undefined;
  let pending: { ws: PWord[]; page: number }[] = [];
  /** lines of this side read since the last row started */
  let linesSince = 0;
  const place = (row: BodyRow, figs: PWord[], page: number, onlyFree: boolean): PWord[] => {
    const shift = opts.shift?.(page) ?? 0;
    const at = assignFigures(figs, cols, shift);
    const left: PWord[] = [];
    figs.forEach((f, i) => {
      const c = at[i];
      if (c === undefined) return;
      const k = index[c];
      if (onlyFree && row.figures.has(k)) left.push(f);
      else set(row, k, f, placedSurely(f, cols[c], shift, figs.length === cols.length));
    });
    return left;
  };
  for (const line of lines) {
    const split = opts.splitAt?.(line.page) ?? opts.split;
    const words = opts.side === undefined ? line.words : line.words.filter((w) => sideOf(w, split) === opts.side);
    if (!words.length) continue;
    const figs = words.filter((w) => isFigure(w, from));
    // Column heads left beside figures (类 款 项) are no row text.
    const rest = words.filter((w) => !figs.includes(w) && !(figs.length && /^(类|款|项)$/.test(w.text)));
    const codes = codesAt(rest);
    const text = rest.slice(codes.length).filter((w) => !/^(类|款|项)$/.test(w.text)).map((w) => w.text).join('');
    const total = !codes.length && TOTAL.test(text);
    if (codes.length || total) {
      const row: BodyRow = total
        ? { kind: 'total', printed: [], name: text, figures: new Map() }
        : { kind: kindOf(codes), code: codes.join(''), printed: codes, name: text, figures: new Map() };
      if (opts.side !== undefined) row.side = opts.side;
      place(row, figs, line.page, false);
      for (const p of pending) {
        const left = place(row, p.ws, p.page, true);
        if (left.length && cur) place(cur, left, p.page, true);
      }
      pending = [];
      rows.push(row);
      cur = row;
      linesSince = 0;
      continue;
    }
    if (figs.length && !rest.length) {
      // Printed just below its row's first line (a cell centred over a wrapped row): the row above
      // takes what it has room for; else the figures wait for the next row.
      const left = cur && linesSince === 0 && !pending.length ? place(cur, figs, line.page, true) : figs;
      if (left.length) pending.push({ ws: left, page: line.page });
      linesSince++;
      continue;
    }
    linesSince++;
    if (cur && rest.length) {
      // A wrapped name, or a 款 code printed under its 类 (two-sided trees), with the row's figures perhaps.
      const more = rest.map((w) => w.text);
      if (cur.printed.length === 1 && /^\d{2}$/.test(more[0] ?? '') && cur.code!.length === 3) {
        cur.printed.push(more.shift()!);
        cur.code = cur.printed.join('');
        cur.kind = kindOf(cur.printed);
      }
      if (!/^(类|款|项|无)$/.test(more.join(''))) cur.name += more.join('');
    }
    if (cur && figs.length) place(cur, figs, line.page, true);
  }
  if (pending.length) {
    const target = cur ?? { kind: 'total' as const, printed: [], name: '', figures: new Map<number, string>() };
    if (!cur) rows.push(target);
    for (const p of pending) place(target, p.ws, p.page, true);
  }
  return rows;
}

function kindOf(codes: string[]): RowKind {
  const n = codes.join('').length;
  return n <= 3 ? 'class' : n <= 5 ? 'section' : 'item';
}

const sideOf = (w: PWord, split?: number) => (split !== undefined && w.x0 >= split - 0.5 ? 1 : 0);

/** Side-by-side lists: one row per line, each side's label and figures. */
export function listRows(lines: PLine[], opts: BodyOptions): BodyRow[] {
  const rows: BodyRow[] = [];
  let pending: { w: PWord; page: number; side: number }[] = [];
  let prev: BodyRow | undefined;
  for (const line of lines) {
    const split = opts.splitAt?.(line.page) ?? opts.split;
    const entries: { side: number; words: PWord[]; figs: PWord[] }[] = [];
    for (const w of line.words) {
      const last = entries[entries.length - 1];
      const fig = FIGURE.test(w.text) && (GROUPED.test(w.text) || (last && last.words.length > 0));
      if (fig) {
        if (last) last.figs.push(w);
        else pending.push({ w, page: line.page, side: sideOf(w, split) });
      } else if (!last || last.figs.length || MARKER.test(w.text) || sideOf(w, split) !== last.side) {
        entries.push({ side: sideOf(w, split), words: [w], figs: [] });
      } else last.words.push(w);
    }
    if (!entries.length) continue;
    const labels: (string | undefined)[] = [undefined, undefined];
    for (const e of entries) labels[e.side] = (labels[e.side] ?? '') + e.words.map((w) => w.text).join('');
    // A short unnumbered label without figures continues the label above (wrapped).
    const wrapped = prev && entries.every((e) => !e.figs.length && !MARKER.test(e.words[0].text) && !TOTAL.test(labels[e.side]!) && labels[e.side]!.length <= 3 && prev!.labels?.[e.side]);
    if (wrapped) {
      for (const e of entries) prev!.labels![e.side] += labels[e.side]!;
      continue;
    }
    const row: BodyRow = { kind: 'line', printed: [], name: labels.filter(Boolean).join(' | '), figures: new Map(), labels };
    for (const e of entries) placeSide(row, e.figs, e.side, line.page, opts, false);
    for (const p of pending) placeSide(row, [p.w], p.side, p.page, opts, true);
    pending = [];
    rows.push(row);
    prev = row;
  }
  return rows;
}

function placeSide(row: BodyRow, figs: PWord[], side: number, page: number, opts: BodyOptions, onlyFree: boolean) {
  if (!figs.length) return;
  const cols = opts.columns.filter((c) => c.side === side);
  const shift = opts.shift?.(page) ?? 0;
  const at = assignFigures(figs, cols, shift);
  figs.forEach((f, i) => {
    const c = at[i];
    if (c === undefined) return;
    const k = opts.columns.indexOf(cols[c]);
    if (!(onlyFree && row.figures.has(k))) set(row, k, f, placedSurely(f, cols[c], shift, figs.length === cols.length));
  });
}

function set(row: BodyRow, k: number, f: PWord, sure: boolean) {
  row.figures.set(k, f.text);
  if (sure) row.unsure?.delete(k);
  else (row.unsure ??= new Set()).add(k);
}
