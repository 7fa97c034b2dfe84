/**
 * Pages → the text the text reader reads, plus what only the page knows: the column of every
 * figure and the full text of every long-text cell. A page is cut into regions at table titles
 * and marks; a region whose ruled grid has as many columns as its table has leaves is read cell
 * by cell and printed one table row at a time (codes, names, then the figures, then each text
 * cell's lines: the shape the text reader rebuilds rows from). Other regions are printed line by
 * line, as pdftotext would; their figures get columns from the header labels when those are found.
 */
import { leaves, type LeafColumn } from '../../../ir/table.ts';
import type { LayoutSet, TableLayout } from '../../layouts/layout.ts';
import { titleIndex } from '../text/sections.ts';
import { compact, norm, tokenize } from '../text/tokens.ts';
import type { PdfPage } from './document.ts';
import { gridOf, slotOf, type Grid } from './grid.ts';
import { leafCentres, leafOfFigure } from './header-columns.ts';
import { groupLines, type Line } from './lines.ts';
import type { Word } from './words.ts';

/** One body row of a table as printed. */
export interface PrintedRow {
  /** figures with the leaf column they are printed in, left to right */
  figures: { leaf: number; text: string }[];
  /**
   * From the ruled grid (exact), or from the header labels' centres on an unruled page (a hint:
   * it only decides among the columns the text reader found possible).
   */
  exact: boolean;
  /** full text of the text cells, by leaf: names and the long texts after the figures (not codes) */
  texts: Map<number, string>;
}

export interface Emitted {
  lines: string[];
  /** printed rows of the tables read cell by cell, by table id */
  rows: Map<string, PrintedRow[]>;
}

const MARK = /^预算(\d{1,2})表?$/;
const ROW_LABEL = /^(合计|总计)/;

interface TableState {
  layout: TableLayout;
  cols: Columns;
  headers: Set<string>;
  rows: PrintedRow[];
  /** unruled pages: leaf column centres from the header (null: not found) */
  centres?: number[] | null;
}

interface Columns {
  ls: LeafColumn[];
  /** side-by-side label/amount lists (预算01表, 预算06表) */
  list: boolean;
  key: Set<number>;
  slot: Set<number>;
  text: Set<number>;
}

export function emitText(pages: PdfPage[], set: LayoutSet): Emitted {
  const titles = titleIndex(set);
  const byId = new Map(set.tables.map((t) => [t.id, t]));
  const states = new Map<string, TableState>();
  const lines: string[] = [];
  let current: string | undefined;
  for (const page of pages) {
    const pageLines = groupLines(page.words);
    const starts = regionStarts(pageLines, titles, byId);
    // Lines above the first start continue the table of the previous page.
    const cuts: { line: number; id?: string }[] = starts[0]?.line === 0 ? starts : [{ line: 0, id: current }, ...starts];
    cuts.forEach((cut, i) => {
      const end = cuts[i + 1]?.line ?? pageLines.length;
      const region = pageLines.slice(cut.line, end);
      const top = cut.line === 0 ? 0 : region[0].y - 1.2 * region[0].words[0].size;
      const next = pageLines[end];
      const bottom = next ? next.y - 1.2 * next.words[0].size : page.height;
      current = cut.id;
      const layout = cut.id ? byId.get(cut.id) : undefined;
      if (!layout) return void lines.push(...region.map((l) => l.text));
      let state = states.get(layout.id);
      if (!state) states.set(layout.id, (state = { layout, cols: columnsOf(layout), headers: new Set(), rows: [] }));
      const grid = gridOf(page.rules, top, bottom);
      if (grid && grid.xs.length - 1 === state.cols.ls.length) lines.push(...emitGrid(region, grid, state));
      else {
        hintRows(region, state);
        lines.push(...region.map((l) => l.text));
      }
    });
    lines.push('');
  }
  return { lines, rows: new Map([...states].map(([id, s]) => [id, s.rows])) };
}

/** Lines that open a table: its title (over up to three lines) or its 预算NN表 mark. */
function regionStarts(lines: Line[], titles: Map<string, string>, byId: Map<string, TableLayout>) {
  const out: { line: number; id: string; mark: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let id: string | undefined;
    let used = 1;
    for (let n = 3; n >= 1 && !id; n--) {
      if (i + n > lines.length) continue;
      id = titles.get(norm(lines.slice(i, i + n).map((l) => l.text).join('')));
      if (id) used = n;
    }
    const mark = id ? undefined : MARK.exec(compact(lines[i].text));
    if (mark && byId.has(mark[1].padStart(2, '0'))) id = mark[1].padStart(2, '0');
    if (!id) continue;
    const prev = out[out.length - 1];
    // A mark followed by its title is one start; the title names the table.
    if (prev?.mark && i - prev.line <= 2) Object.assign(prev, { id, mark: !!mark });
    else out.push({ line: i, id, mark: !!mark });
    i += used - 1;
  }
  return out;
}

function columnsOf(layout: TableLayout): Columns {
  const ls = leaves(layout.header);
  const first = ls.findIndex((c) => c.kind === 'amount');
  const zeros = new Set(layout.emptyZeros ?? []);
  const pick = (f: (c: LeafColumn, i: number) => boolean) => new Set(ls.flatMap((c, i) => (f(c, i) ? [i] : [])));
  return {
    ls,
    list: layout.rows === 'lists',
    key: pick((c, i) => c.kind === 'code' || (c.kind === 'text' && (first < 0 || i < first))),
    slot: pick((c) => c.kind === 'amount' || zeros.has(c.key)),
    text: pick((c, i) => c.kind === 'text' && first >= 0 && i > first),
  };
}

const HEAD = /^预算\d{1,2}表?$|填报(部门|单位)|单位[:：]/;
const isFigure = (w: Word) => tokenize(w.text)[0]?.kind === 'amount';

/**
 * An unruled region: the header (lines between the head and the first line with a figure, on the
 * table's first page) gives the leaf centres; each line of figures is then a printed row.
 */
function hintRows(region: Line[], state: TableState) {
  const body = region.findIndex((l) => l.words.some(isFigure));
  if (body < 0) return;
  if (state.centres === undefined) {
    let head = 0;
    region.slice(0, body).forEach((l, i) => (HEAD.test(l.text) ? (head = i + 1) : undefined));
    // The title line(s) open the region; a header without them still has its labels.
    state.centres = leafCentres(region.slice(Math.max(head, 1), body), state.cols.ls) ?? null;
  }
  const centres = state.centres;
  if (!centres) return;
  for (const line of region.slice(body)) {
    const figures = line.words.filter(isFigure).map((w) => ({ leaf: leafOfFigure(centres, w.x1), text: w.text }));
    const fits = figures.every((f, k) => state.cols.slot.has(f.leaf) && (k === 0 || f.leaf > figures[k - 1].leaf));
    if (figures.length && fits) state.rows.push({ figures, texts: new Map(), exact: false });
  }
}

/** Vertical middle of a word: baselines sit low in the em box. */
const middle = (w: Word) => w.y - 0.35 * w.size;

function emitGrid(region: Line[], grid: Grid, state: TableState): string[] {
  const words = region.flatMap((l) => l.words);
  const [top, bottom] = [grid.ys[0], grid.ys[grid.ys.length - 1]];
  const out = groupLines(words.filter((w) => middle(w) < top)).map((l) => l.text);
  const header: Word[] = [];
  const body: string[] = [];
  // Until a band opens a row here, a band that opens none continues the last row of the page before.
  let opened = false;
  for (let j = 0; j + 1 < grid.ys.length; j++) {
    const band = words.filter((w) => middle(w) >= grid.ys[j] && middle(w) < grid.ys[j + 1]);
    if (!band.length) continue;
    const cells = new Map<number, Word[]>();
    for (const w of band) {
      const c = columnOf(grid, (w.x0 + w.x1) / 2);
      (cells.get(c) ?? cells.set(c, []).get(c)!).push(w);
    }
    const row = readRow(cells, state.cols);
    const text = compact(groupLines(band).map((l) => l.text).join(''));
    if (!row.opens && !state.rows.length) {
      header.push(...band);
      state.headers.add(text);
    } else if (!row.opens && state.headers.has(text)) continue; // header repeated on a new page
    else if (!row.opens && state.rows.length && (!row.keyText || (!opened && !state.cols.list))) {
      // A row broken over pages: the rest of its cells, its name's too. The name's rest is not
      // printed as a line (the text reader would take it for the next row's name): the page's
      // full text of the cell replaces what the text reader read.
      const prev = state.rows[state.rows.length - 1];
      for (const [leaf, t] of row.printed.texts) prev.texts.set(leaf, joinText([prev.texts.get(leaf) ?? '', t]));
      body.push(...(row.keyText ? row.textLines : row.lines));
    } else {
      opened = true;
      state.rows.push(row.printed);
      body.push(...row.lines);
    }
  }
  out.push(...groupLines(header).map((l) => l.text), ...body);
  out.push(...groupLines(words.filter((w) => middle(w) >= bottom)).map((l) => l.text));
  return out;
}

/** The column a word's centre falls in; words past either edge belong to the outer columns. */
function columnOf(grid: Grid, x: number): number {
  const c = slotOf(grid.xs, x);
  return c >= 0 ? c : x < grid.xs[0] ? 0 : grid.xs.length - 2;
}

interface ReadRow {
  printed: PrintedRow;
  lines: string[];
  /** the lines of the text cells after the figures (the whole of `lines` for a band without codes, names or figures) */
  textLines: string[];
  /** the band starts a table row: it holds a figure, a code or 合计 */
  opens: boolean;
  keyText: boolean;
}

function readRow(cells: Map<number, Word[]>, cols: Columns): ReadRow {
  const cellLines = (c: number) => groupLines(cells.get(c) ?? []).map((l) => l.text);
  const order = [...cells.keys()].sort((a, b) => a - b);
  const figures: PrintedRow['figures'] = [];
  const texts = new Map<number, string>();
  for (const c of order) {
    const ws = cells.get(c)!;
    const amounts = ws.filter((w) => tokenize(w.text)[0]?.kind === 'amount');
    const onlyFigure = ws.length === 1 && amounts.length === 1;
    if (cols.slot.has(c) && (cols.ls[c].kind === 'amount' || onlyFigure)) amounts.forEach((w) => figures.push({ leaf: c, text: w.text }));
    else if (cols.text.has(c) || (cols.key.has(c) && cols.ls[c].kind === 'text')) texts.set(c, joinText(cellLines(c)));
  }
  const keys = order.filter((c) => cols.key.has(c));
  const keyLines = keys.map((c) => ({ c, lines: cellLines(c) }));
  const codes = keyLines.filter((k) => k.lines.every((l) => /^\d+$/.test(l)));
  const names = keyLines.filter((k) => !codes.includes(k)).flatMap((k) => k.lines);
  const first = keyLines[0]?.lines[0] ?? '';
  const opens = figures.length > 0 || /^\d+$/.test(first) || ROW_LABEL.test(compact(first));
  const amounts = figures.map((f) => f.text);
  const textLines = order.flatMap((c) => (cols.text.has(c) && !figures.some((f) => f.leaf === c) ? cellLines(c) : []));
  let lines: string[];
  if (cols.list) {
    lines = [order.map((c) => compact(cellLines(c).join(''))).filter(Boolean).join(' ')];
  } else {
    lines = [];
    if (codes.length) lines.push(codes.map((k) => k.lines.join('')).join(' '));
    lines.push(...names.slice(0, -1));
    const last = [...names.slice(-1), ...amounts].join(' ');
    if (last) lines.push(last);
    lines.push(...textLines);
  }
  return { printed: { figures, texts, exact: true }, lines, textLines, opens, keyText: keyLines.some((k) => k.lines.length > 0) };
}

/** Lines of one cell as one text: CJK lines join directly, Latin words keep a space. */
export function joinText(lines: string[]): string {
  return lines.filter(Boolean).reduce((a, b) => (a && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b), '');
}
