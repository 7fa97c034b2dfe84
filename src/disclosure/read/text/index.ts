/**
 * The text reader: pdftotext-style text of a published disclosure → the table IR of a layout.
 * Tables are found by mark and title; side-by-side lists are read by their labels; other tables
 * get their rows rebuilt from wrapped lines and their figures placed by the row sums, the column
 * sums between rows and the cross-table identities of the checks. Tables that still fit several
 * ways are read again once every other table is known.
 */
import type { Classification } from '../../../classification/classification.ts';
import { parents } from '../../../checks/engine.ts';
import type { Rule } from '../../../checks/rule.ts';
import { TableSet } from '../../../checks/table-set.ts';
import { leaves, type Cell, type Table } from '../../../ir/table.ts';
import { detectLayout, layoutSet, type TableLayout } from '../../layouts/index.ts';
import { FEN_PER, formatMoney, type AmountUnit } from '../../../money/money.ts';
import { figure } from './figures.ts';
import { boundsFromRules } from '../assign/links.ts';
import { printedFigures, printedPlacement } from '../assign/pair.ts';
import { placeFigures, slotsOf } from '../assign/place.ts';
import type { PrintedRow } from '../pdf/emit.ts';
import type { Ambiguity, ReadOptions, ReadResult } from '../types.ts';
import { assembleRow, labelOf } from './assemble.ts';
import { readLists } from './lists.ts';
import { parseRows, splitNotes } from './rows.ts';
import { findSections, type Section } from './sections.ts';
import { decimalsOf, norm, splitLines, tokenize } from './tokens.ts';
import { readPairs } from './pairs.ts';
import { textPages } from '../grid/positioned.ts';
import { keepsColumns, readByColumns } from '../grid/choose.ts';

interface Read {
  table: Table;
  ambiguities: Ambiguity[];
  warnings: string[];
  /** the cross-table bounds it was read with, to skip reading it again with the same */
  bounds?: string;
}

export function readText(text: string, opts: ReadOptions): ReadResult {
  const lines = splitLines(text);
  const byColumns = readByColumns(() => textPages(text), lines, opts, () => keepsColumns(lines));
  if (byColumns) return byColumns;
  const layoutId = !opts.layout || opts.layout === 'auto' ? detectLayout(lines, norm, opts.classification) : opts.layout;
  const set = layoutSet(layoutId, opts.classification);
  const rules = opts.rules ?? set.hints;
  const { sections, warnings } = findSections(lines, set);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const layouts = set.tables.filter((t) => byId.has(t.id));
  const ctx = new Context(rules, opts.classification, opts.printed);

  const reads = new Map<string, Read>();
  const order = [...layouts.filter((l) => l.rows === 'lists'), ...layouts.filter((l) => l.rows !== 'lists')];
  for (const l of order) reads.set(l.id, ctx.read(l, byId.get(l.id)!, reads));
  // Tables that fit several ways are read again, now with every other table known, until no
  // table gains (a few rounds: two tables may each settle the other).
  for (let round = 0, gained = true; gained && round < 3; round++) {
    gained = false;
    for (const l of order) {
      const before = reads.get(l.id)!;
      if (!before.ambiguities.length) continue;
      const again = ctx.read(l, byId.get(l.id)!, reads, before);
      if (again.ambiguities.length <= before.ambiguities.length) reads.set(l.id, again);
      gained ||= again.ambiguities.length < before.ambiguities.length;
    }
  }
  const tables = set.tables.flatMap((l) => (reads.has(l.id) ? [reads.get(l.id)!.table] : []));
  return {
    layout: layoutId,
    tables,
    missing: set.tables.filter((t) => !byId.has(t.id)).map((t) => t.id),
    ambiguities: tables.flatMap((t) => reads.get(t.id)!.ambiguities),
    warnings: [...warnings, ...tables.flatMap((t) => reads.get(t.id)!.warnings.map((w) => `${t.mark}：${w}`))],
  };
}

type Base = (rows: Table['rows'], decimals: number) => Table;

class Context {
  constructor(
    private readonly rules: Rule[],
    private readonly classification: Classification,
    private readonly printed?: Map<string, PrintedRow[]>,
  ) {}

  read(layout: TableLayout, section: Section, reads: Map<string, Read>, before?: Read): Read {
    const unit: AmountUnit = section.unit ?? '万元';
    const { body, notes } = splitNotes(section.lines);
    const base: Base = (rows, decimals) => ({
      id: layout.id,
      mark: layout.mark,
      title: section.title,
      filer: section.filer,
      unit,
      header: layout.header,
      rows,
      notes,
      empty: isEmpty(rows, layout),
      precision: FEN_PER[unit] / 10 ** decimals,
    });
    if (layout.rows === 'lists' && !layout.listRows) return this.readPairs(layout, body, unit, base);
    if (layout.rows === 'lists') {
      const { cells, warnings } = readLists(body, layout.listRows ?? []);
      const figures = cells.flat().filter((c, i) => i % 2 === 1 && c !== null) as string[];
      const rows = cells.map((r) => ({ kind: 'line' as const, indent: 0, cells: r.map((c, i): Cell => (i % 2 === 1 && c !== null ? figure(c, unit, layout.id) : c)) }));
      return { table: base(rows, decimals(figures)), ambiguities: [], warnings };
    }
    const parsed = parseRows(body, {
      layout,
      isClass: (code) => (layout.codes === 'deptEcon' ? this.classification.deptEcon : this.classification.function).get(code)?.level === '类',
      knownNames: knownNames(reads),
    });
    const dec = decimals(parsed.flatMap((r) => r.amounts));
    const step = FEN_PER[unit] / 10 ** dec;
    const skeleton = base(parsed.map((r) => assembleRow(layout, r, new Map())), dec);
    const warnings: string[] = [];
    if (layout.totalRow && parsed.length && !parsed.some((r) => r.kind === 'total')) warnings.push('缺少合计行');
    const { ls, slotOf } = slotsOf(layout);
    const known = [...reads.values()].filter((r) => r.table.id !== layout.id);
    const bounds = boundsFromRules(this.rules, {
      target: layout.id,
      rows: skeleton.rows,
      slotOf,
      known: new TableSet(known.map((r) => r.table)),
      uncertain: uncertainCells(known),
      step,
    });
    const signature = JSON.stringify(bounds);
    if (before?.bounds === signature) return before;
    const values = parsed.map((r) => r.amounts.map((a) => figure(a, unit, layout.id)));
    const sums = [
      ...(layout.sums ?? []),
      ...this.rules.flatMap((r) => (r.kind === 'rowSum' && r.table === layout.id && !r.rows ? [{ key: r.total, parts: r.parts }] : [])),
    ];
    const input = {
      layout,
      sums: sums.filter((s, i) => sums.findIndex((t) => t.key === s.key && t.parts.join() === s.parts.join()) === i),
      rows: parsed.map((r, i) => ({ kind: r.kind, label: labelOf(r), values: values[i] })),
      parents: parents(skeleton),
      bounds,
      step,
    };
    const printed = this.printed?.get(layout.id);
    const placed = (printed && printedPlacement(input, printedFigures(printed, unit))) || placeFigures(input);
    warnings.push(...placed.warnings);
    const rows = parsed.map((r, i) => assembleRow(layout, r, new Map(placed.placement[i].map((leaf, k) => [leaf, values[i][k]]))));
    const ambiguities = placed.ambiguous.map(({ row, candidates }) => ({
      table: layout.id,
      row,
      rowLabel: labelOf(parsed[row]),
      values: values[row].map((v) => formatMoney(v, unit, dec)),
      candidates: candidates.map((cs) => cs.map((c) => ls[c].key)),
      chosen: placed.placement[row].map((c) => ls[c].key),
    }));
    return { table: base(rows, dec), ambiguities, warnings, bounds: signature };
  }

  /** Side-by-side lists without a label catalogue (the nine-table set). */
  private readPairs(layout: TableLayout, body: string[], unit: AmountUnit, base: Base): Read {
    const figures = body.flatMap((l) => tokenize(l).filter((t) => t.kind === 'amount').map((t) => t.text));
    const dec = decimals(figures);
    const { rows, ambiguous } = readPairs(body, layout, unit, FEN_PER[unit] / 10 ** dec);
    const ls = leaves(layout.header);
    const ambiguities = ambiguous.map(({ row, candidates, chosen, values }) => ({
      table: layout.id,
      row,
      rowLabel: rows[row].filter((c) => typeof c === 'string').join(' '),
      values: values.map((v) => formatMoney(v, unit, dec)),
      candidates: candidates.map((cs) => cs.map((c) => ls[c].key)),
      chosen: chosen.map((c) => ls[c].key),
    }));
    return { table: base(rows.map((cells) => ({ kind: 'line' as const, indent: 0, cells })), dec), ambiguities, warnings: [] };
  }
}

function decimals(figures: string[]): number {
  return figures.length ? Math.max(...figures.map(decimalsOf)) : 2;
}

function isEmpty(rows: Table['rows'], layout: TableLayout): boolean {
  const amountCols = leaves(layout.header).flatMap((c, i) => (c.kind === 'amount' ? [i] : []));
  return rows.length <= 1 && rows.every((r) => amountCols.every((i) => !r.cells[i]));
}

/** Names of the departments and units read so far (预算23表 names its units without codes). */
function knownNames(reads: Map<string, Read>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { table } of reads.values()) {
    const name = leaves(table.header).findIndex((c) => c.key === 'name');
    if (name < 0) continue;
    for (const r of table.rows)
      if ((r.kind === 'unit' || r.kind === 'department') && r.code && typeof r.cells[name] === 'string') out.set(norm(r.cells[name] as string), r.code);
  }
  return out;
}

/** Cells of tables read so far whose figure is a guess, as "row:col". */
function uncertainCells(reads: Read[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { table, ambiguities } of reads) {
    const cols = new Map(leaves(table.header).map((c, i) => [c.key, i]));
    const cells = new Set<string>();
    for (const a of ambiguities) for (const keys of a.candidates) if (keys.length > 1) for (const k of keys) cells.add(`${a.row}:${cols.get(k)}`);
    out.set(table.id, cells);
  }
  return out;
}
