/**
 * Side-by-side lists whose labels vary between publishers (the nine-table set): each line holds a
 * revenue entry and/or a spending entry, each a label followed by its figures. Two entries on a
 * line are left and right; a lone entry goes right when its label is about spending. A short
 * line without figures that does not open a numbered entry continues the label above it.
 */
import { leaves, type Cell } from '../../../ir/table.ts';
import type { TableLayout } from '../../layouts/layout.ts';
import type { AmountUnit } from '../../../money/money.ts';
import { figure } from './figures.ts';
import { placeFigures } from '../assign/place.ts';
import { compact, tokenize } from './tokens.ts';

interface Entry {
  label: string;
  figures: string[];
}

const MARKER = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、])/;
const SPENDING = /支出|^年终结转/;

export interface PairsRead {
  rows: Cell[][];
  ambiguous: { row: number; candidates: number[][]; chosen: number[]; values: number[] }[];
}

export function readPairs(body: string[], layout: TableLayout, unit: AmountUnit, step: number): PairsRead {
  const ls = leaves(layout.header);
  const sides = layout.header.map((g) => {
    const keys = new Set(leaves([g]).map((c) => c.key));
    const cols = ls.flatMap((c, i) => (keys.has(c.key) ? [i] : []));
    return { label: cols[0], amounts: cols.slice(1) };
  });
  const lines: (Entry | undefined)[][] = [];
  let last: Entry | undefined;
  // The column heads (收入 支出 / 项目 预算数 …) come before the first figure or numbered entry.
  const first = body.findIndex((l) => entriesOf(l).some((e) => e.figures.length || MARKER.test(e.label)));
  for (const line of body.slice(Math.max(first, 0))) {
    const entries = entriesOf(line);
    if (!entries.length) continue;
    if (entries.length === 1 && !entries[0].figures.length && last && !MARKER.test(entries[0].label) && entries[0].label.length <= 4) {
      last.label += entries[0].label;
      continue;
    }
    const placed: (Entry | undefined)[] = sides.map(() => undefined);
    if (entries.length === 1) placed[SPENDING.test(entries[0].label) && sides.length > 1 ? 1 : 0] = entries[0];
    else entries.slice(0, sides.length).forEach((e, i) => (placed[i] = e));
    lines.push(placed);
    last = entries[entries.length - 1];
  }
  const ambiguous: PairsRead['ambiguous'] = [];
  const rows = lines.map((placed, r) => {
    const cells: Cell[] = ls.map(() => null);
    placed.forEach((e, s) => {
      if (!e) return;
      const side = sides[s];
      cells[side.label] = e.label;
      const values = e.figures.map((f) => figure(f, unit, layout.id));
      const cols = side.amounts;
      if (values.length >= cols.length) return cols.forEach((c, k) => (cells[c] = values[k] ?? null));
      // Fewer figures than columns: place them by the side's sums.
      const sub: TableLayout = { ...layout, header: cols.map((c) => ls[c]).map((c) => ({ label: c.path.join('/'), key: c.key, kind: 'amount' })), emptyZeros: [], unreachable: [] };
      const placedFigs = placeFigures({ layout: sub, sums: layout.sums ?? [], rows: [{ kind: 'line', label: e.label, values }], parents: [-1], bounds: [[]], step });
      placedFigs.placement[0].forEach((slot, k) => (cells[cols[slot]] = values[k]));
      const chosen = placedFigs.placement[0].map((slot) => cols[slot]);
      for (const a of placedFigs.ambiguous) ambiguous.push({ row: r, candidates: a.candidates.map((cs) => cs.map((c) => cols[c])), chosen, values });
    });
    return cells;
  });
  return { rows, ambiguous };
}

function entriesOf(line: string): Entry[] {
  const out: Entry[] = [];
  for (const t of tokenize(line)) {
    const cur = out[out.length - 1];
    if (t.kind === 'amount') {
      if (cur) cur.figures.push(t.text);
    } else if (!cur || cur.figures.length || MARKER.test(t.text)) out.push({ label: compact(t.text), figures: [] });
    else cur.label += compact(t.text);
  }
  return out;
}
