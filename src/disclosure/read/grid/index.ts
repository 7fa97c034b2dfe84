/**
 * Reading a document of a column-read family (the MoF budget set, the 决算 set) from positioned
 * lines — `pdftotext -layout` text or PDF words alike: tables found by title, columns from each
 * header, rows from the codes and labels printed, figures in the columns they are printed under.
 */
import { leaves, type Table } from '../../../ir/table.ts';
import { formatMoney } from '../../../money/money.ts';
import { conceptOf } from '../../layouts/concepts.ts';
import type { Family } from '../../layouts/family.ts';
import type { LayoutId } from '../../layouts/layout.ts';
import type { ReadResult } from '../types.ts';
import { buildTable, type Steps } from './build.ts';
import { readHeader, type Column } from './columns.ts';
import type { PLine } from './positioned.ts';
import { listRows, treeRows, type BodyRow } from './rows.ts';
import { findTables, type GridSection } from './sections.ts';

export interface GridRead {
  family: Family;
  tables: Table[];
  /** per table id: the displayed step of every read cell */
  steps: Map<string, Steps>;
  /** per table id: the cells ("row:col") whose figure was placed by guess */
  unsure: Map<string, Set<string>>;
  missing: string[];
  /** ids of the tables whose unit is printed nowhere near them (taken from the other tables) */
  unitInferred: string[];
  warnings: string[];
}

const NOTE = /^(注|备注)\s*\d*\s*[:：]/;
const DATA = /^(\d{3}|\d{5}|\d{7})$|^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(?:,\d{3})+$/;
const TOTAL = /^(合计|总计|无)$/;
const MARKER = /^([一二三四五六七八九十]+、|\d+[.、．](?!\d))/;

export function readGrid(lines: PLine[], family: Family): GridRead {
  const sections = findTables(lines, family);
  const tables: Table[] = [];
  const steps = new Map<string, Steps>();
  const unsure = new Map<string, Set<string>>();
  const warnings: string[] = [];
  const unitInferred: string[] = [];
  for (const s of sections) {
    if (tables.some((t) => t.id === s.kind.id)) {
      warnings.push(`${s.kind.name}：重复出现，只读第一张`);
      continue;
    }
    const read = readSection(s);
    tables.push(read.table);
    if (s.unitInferred) unitInferred.push(read.table.id);
    steps.set(read.table.id, read.steps);
    unsure.set(read.table.id, read.unsure);
    if (read.unsure.size) warnings.push(`${s.kind.name}：${describeCells(read.table, read.unsure)}所在的列不能确定，以之为据的检查只作提示`);
  }
  const found = new Set(tables.map((t) => t.id));
  tables.sort((a, b) => family.kinds.findIndex((k) => k.id === a.id) - family.kinds.findIndex((k) => k.id === b.id));
  return { family, tables, steps, unsure, missing: family.kinds.filter((k) => !found.has(k.id) && !k.optional).map((k) => k.id), unitInferred, warnings };
}

function readSection(s: GridSection) {
  const noteAt = s.lines.findIndex((l) => NOTE.test(l.text.trim()));
  const notes = noteAt < 0 ? [] : [s.lines.slice(noteAt).map((l) => l.text.replace(/\s+/g, '')).join('')];
  const lines = noteAt < 0 ? s.lines : s.lines.slice(0, noteAt);
  const lists = s.kind.shape === 'lists';
  const first = lines.findIndex((l) => isData(l, lists));
  const headerLines = first < 0 ? lines : lines.slice(0, first);
  const headWords = new Set(headerLines.flatMap((l) => l.words.map((w) => w.text)));
  const body = withoutRepeatedHeads(first < 0 ? [] : lines.slice(first), lists, headWords);
  const listSplits = lists ? listSplit(body) : undefined;
  const header = readHeader(headerLines, lists || s.kind.shape === 'twoTrees', listSplits?.(headerLines[0]?.page ?? 0));
  let columns = header.columns;
  // Lists mix sides in a line's leftmost figure, so only trees measure a page's offset.
  const shift = lists ? () => 0 : pageShift(headerLines[0]?.page, body, columns);
  const opts = { columns, split: header.split, shift, splitAt: s.kind.shape === 'twoTrees' ? codeSplits(body) : listSplits };
  let rows: BodyRow[] =
    s.kind.shape === 'lists' ? listRows(body, opts) : s.kind.shape === 'twoTrees' ? [...treeRows(body, { ...opts, side: 0 }), ...treeRows(body, { ...opts, side: 1 })] : treeRows(body, opts);
  if (s.kind.shape === 'single') rows = singleRow(rows);
  if (s.kind.shape === 'twoTrees') {
    rows = classSides(rows, columns);
    columns = nameSides(columns, rows);
  }
  rows = rows.filter((r) => r.figures.size || r.code || r.kind === 'total' || r.labels);
  const used = new Set(rows.flatMap((r) => [...r.figures.keys()]));
  // A qualifier printed over a side's columns (预算数 over 合计 | 基本支出 …) that no figure is under is no column.
  // So is a group label left standing over its parts (基本支出 over 人员经费 | 公用经费).
  const has = (key: string, side: number) => columns.some((d) => d.key === key && d.side === side);
  const keep = columns.map(
    (c, i) => used.has(i) || !((c.key === 'amount' && columns.some((d, j) => j !== i && d.side === c.side)) || (c.key === 'basic' && has('personnel', c.side) && has('public', c.side))),
  );
  const renum = new Map(columns.flatMap((_, i) => (keep[i] ? [[i, columns.slice(0, i).filter((__, j) => keep[j]).length]] : [])));
  columns = columns.filter((_, i) => keep[i]);
  rows = rows.map((r) => ({
    ...r,
    figures: new Map([...r.figures].map(([k, v]) => [renum.get(k)!, v])),
    ...(r.unsure ? { unsure: new Set([...r.unsure].map((k) => renum.get(k)!)) } : {}),
  }));
  return buildTable(s.kind, { title: s.title, filer: s.filer, unit: s.unit, notes }, columns, rows);
}

/** 「row」column figure, for the first few cells. */
function describeCells(t: Table, cells: Set<string>): string {
  const ls = leaves(t.header);
  const shown = [...cells].slice(0, 3).map((rc) => {
    const [r, c] = rc.split(':').map(Number);
    const label = t.rows[r].cells.filter((x, i) => typeof x === 'string' && ls[i]?.kind !== 'amount').join(' ') || '合计';
    return `「${label}」${ls[c].path.join('/')} ${formatMoney(t.rows[r].cells[c] as number, t.unit)}`;
  });
  return shown.join('、') + (cells.size > 3 ? ` 等 ${cells.size} 个数字` : '');
}

/** Continuation pages repeat the column heads above their first row: those lines are no row's text. */
function withoutRepeatedHeads(body: PLine[], lists: boolean, head: Set<string>): PLine[] {
  const out: PLine[] = [];
  let page = body[0]?.page;
  let inHead = false;
  for (const l of body) {
    if (l.page !== page) {
      page = l.page;
      inHead = true;
    }
    if (inHead && !isData(l, lists) && l.words.filter((w) => head.has(w.text)).length * 2 >= l.words.length) continue;
    inHead = false;
    out.push(l);
  }
  return out;
}

/**
 * Where the right-hand list starts, per page (extraction lays each page out afresh): the left edge
 * of labels printed after a figure, or of a second numbered label, on their line.
 */
function listSplit(body: PLine[]): (page: number) => number | undefined {
  const xs = body.map((l) => {
    const i = l.words.findIndex((w) => /[.,]/.test(w.text) && DATA.test(w.text));
    const next = i < 0 ? undefined : l.words.slice(i + 1).find((w) => !DATA.test(w.text));
    // or a second numbered label on the line (一、… 一、…)
    const second = l.words.slice(1).find((w) => MARKER.test(w.text));
    return { page: l.page, xs: [...(next ? [next.x0] : []), ...(second ? [second.x0] : [])] };
  });
  const min = (ys: number[]) => (ys.length ? Math.min(...ys) - 0.5 : undefined);
  const all = min(xs.flatMap((x) => x.xs));
  return (page) => min(xs.filter((x) => x.page === page).flatMap((x) => x.xs)) ?? all;
}

function isData(l: PLine, lists: boolean): boolean {
  const first = l.words[0]?.text ?? '';
  return l.words.some((w) => DATA.test(w.text) && (w !== l.words[0] || !lists || /[.,]/.test(w.text))) || TOTAL.test(l.text.replace(/\s/g, '')) || (lists && MARKER.test(first));
}

/**
 * Pages after the first may be printed at another offset (pdftotext measures each page from its
 * own left margin): the shift that carries the first page's leftmost figures onto this page's.
 */
function pageShift(headerPage: number | undefined, body: PLine[], columns: Column[]): (page: number) => number {
  if (headerPage === undefined || !columns.length) return () => 0;
  const leftmost = (page: number) => {
    const xs = body.filter((l) => l.page === page).flatMap((l) => {
      const f = l.words.filter((w) => /[.,]/.test(w.text) && DATA.test(w.text));
      return f.length ? [f[0].x1] : [];
    });
    xs.sort((a, b) => a - b);
    return xs.length ? xs[Math.floor(xs.length / 2)] : undefined;
  };
  const base = leftmost(headerPage);
  const cache = new Map<number, number>();
  return (page) => {
    if (page === headerPage || base === undefined) return 0;
    if (!cache.has(page)) {
      const here = leftmost(page);
      cache.set(page, here === undefined ? 0 : here - base);
    }
    return cache.get(page)!;
  };
}

/** Two-sided trees: per page, the right side starts at its class codes (a code printed after other words). */
function codeSplits(body: PLine[]): (page: number) => number | undefined {
  const at = new Map<number, number>();
  for (const l of body)
    l.words.forEach((w, i) => {
      if (i > 0 && (/^\d{3}$/.test(w.text) || /合计$/.test(w.text))) at.set(l.page, Math.min(at.get(l.page) ?? Infinity, w.x0 - 0.5));
    });
  return (page) => at.get(page);
}

/** The one row of a “三公” table: every figure printed, whatever line it is on. */
function singleRow(rows: BodyRow[]): BodyRow[] {
  const figures = new Map<number, string>();
  for (const r of rows) for (const [k, v] of r.figures) if (!figures.has(k)) figures.set(k, v);
  return [{ kind: 'total', printed: [], name: '合计', figures }];
}

/**
 * Two-sided trees: a class belongs to the side its class row is printed on, so its sections are
 * too, wherever extraction put them (a page printing only one side is laid out at another offset).
 */
function classSides(rows: BodyRow[], columns: Column[]): BodyRow[] {
  const sideOfClass = new Map<string, number>();
  for (const r of rows) if (r.kind === 'class' && r.side !== undefined && !sideOfClass.has(r.code!)) sideOfClass.set(r.code!, r.side);
  const moved = rows.map((r) => {
    const want = r.code ? sideOfClass.get(r.code.slice(0, 3)) : undefined;
    if (want === undefined || r.side === undefined || want === r.side) return r;
    const target = columns.findIndex((c) => c.side === want);
    return { ...r, side: want, figures: new Map([...r.figures].map(([, v]) => [target, v])), ...(r.unsure?.size ? { unsure: new Set([target]) } : {}) };
  });
  return [0, 1].flatMap((side) => moved.filter((r) => (r.side ?? 0) === side));
}

/** Two-sided trees: each side's amount column is named by its total row (人员经费合计 | 公用经费合计). */
function nameSides(columns: Column[], rows: BodyRow[]): Column[] {
  return columns.map((c) => {
    const total = rows.find((r) => r.kind === 'total' && r.side === c.side);
    const concept = total && conceptOf(total.name.replace(/合计$/, ''), []);
    return concept ? { ...c, key: concept.key, label: concept.label } : c;
  });
}

/**
 * The family whose tables the document prints (at least three found with their unit line), read;
 * or undefined. `only` restricts the choice to one family.
 */
export function readFamilyDocument(lines: PLine[], families: Family[]): GridRead | undefined {
  let best: GridRead | undefined;
  for (const f of families) {
    const read = readGrid(lines, f);
    if (read.tables.length >= 3 && (!best || read.tables.length > best.tables.length)) best = read;
  }
  return best;
}

export function gridResult(read: GridRead): ReadResult {
  return { layout: read.family.id as LayoutId, tables: read.tables, missing: read.missing, ambiguities: [], warnings: read.warnings, grid: read };
}
