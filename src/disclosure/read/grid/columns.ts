/**
 * A table's amount columns read from its printed header. Header labels wrap over lines and sit
 * centred over their columns, so words are stacked into columns by their centres, bottom line
 * first: a word within STACK em of a column's centre continues it; a word that falls between
 * columns spans them (a group label: 基本支出 over 人员经费 | 公用经费) and names no column. Each
 * column is then named by concept from its bottom word, or its whole stacked label, with the
 * header as context; labels repeated under every group (预算数 | 决算数) qualify their group's concept.
 */
import { conceptOf, normHeader, QUALIFIERS, STUB } from '../../layouts/concepts.ts';
import { centre, type PLine, type PWord } from './positioned.ts';

export interface Column {
  key: string;
  /** the official term of its concept (printed labels wrap and abbreviate) */
  label: string;
  x0: number;
  x1: number;
  /** which half of a side-by-side table (0 left) */
  side: number;
}

/** Words this close (em) to a column's centre continue its label. */
const STACK = 2;
/** Labels over a whole half or table, never a column. */
const GROUP = /^((本年|财政拨款)?(收入|支出)(预算)?(数)?|(一般公共预算|政府性基金预算|国有资本经营预算)(财政拨款)?(基本)?支出|三公经费(预算数)?|财政拨款三公经费)$/;

interface Stack {
  words: { w: PWord; line: number }[];
  c: number;
}

export interface HeaderRead {
  columns: Column[];
  /** x where the right half's stub starts (side-by-side tables), else undefined */
  split?: number;
  /** all header text, for context */
  text: string;
}

export function readHeader(lines: PLine[], twoSided: boolean, split?: number): HeaderRead {
  const text = lines.map((l) => l.text).join(' ');
  const stubs = lines.flatMap((l) => l.words.filter((w) => STUB.test(normHeader(w.text))));
  const items = stubs.filter((w) => /项目|科目编码|类/.test(normHeader(w.text)));
  if (twoSided && split === undefined) {
    const xs = [...new Set(items.map((w) => Math.round(w.x0)))].sort((a, b) => a - b);
    if (xs.length >= 2 && xs[xs.length - 1] - xs[0] > 8) split = xs.find((x) => x - xs[0] > 8)! - 0.5;
  }
  const sideOf = (x: number) => (split !== undefined && x >= split ? 1 : 0);
  const words = lines.flatMap((l, line) => l.words.filter((w) => !STUB.test(normHeader(w.text))).map((w) => ({ w, line })));
  const qualifierLine = repeatedLine(lines);
  const stacks: Stack[] = [];
  const groups: PWord[] = [];
  for (let line = lines.length - 1; line >= 0; line--) {
    if (line === qualifierLine) continue;
    for (const item of words.filter((x) => x.line === line)) {
      const c = centre(item.w);
      const near = stacks.filter((s) => Math.abs(s.c - c) <= STACK && sideOf(s.c) === sideOf(c));
      // 本年收入 printed between the lines of 年初结转和 | 结余, beside 小计: a balance column of its own,
      // not the top of a column already named.
      const named = (x: Stack) => conceptOf(x.words.map((y) => y.w.text).join(''), [text]) !== undefined;
      const balance = /^(income|opening|closing)$/.test(conceptOf(item.w.text, [text])?.key ?? '');
      if (near.length && !(balance && near.every(named))) {
        const s = near.sort((a, b) => Math.abs(a.c - c) - Math.abs(b.c - c))[0];
        s.words.push(item);
        continue;
      }
      const between = stacks.filter((s) => s.words.some((x) => x.w.x1 > item.w.x0 && x.w.x0 < item.w.x1));
      if (between.length >= 2 || (twoSided && GROUP.test(normHeader(item.w.text)))) groups.push(item.w);
      else stacks.push({ words: [item], c });
    }
  }
  const named = stacks
    .sort((a, b) => a.c - b.c)
    .flatMap((s) => {
      const ws = s.words.sort((a, b) => a.line - b.line || a.w.x0 - b.w.x0);
      const label = ws.map((x) => x.w.text).join('');
      const bottom = ws.filter((x) => x.line === ws[ws.length - 1].line).map((x) => x.w.text).join('');
      const concept = conceptOf(label, [text]) ?? conceptOf(bottom, [text]);
      // The span of the bottom label: upper words may be a group label centred nearby.
      const low = ws.filter((x) => x.line === ws[ws.length - 1].line);
      const x0 = Math.min(...low.map((x) => x.w.x0));
      const x1 = Math.max(...low.map((x) => x.w.x1));
      const printed = concept?.key === 'amount' ? normHeader(bottom) : concept?.label;
      return concept ? [{ key: concept.key, label: printed!, x0, x1, side: sideOf(s.c), c: s.c }] : [];
    });
  let columns: Column[] = named.map(({ c: _, ...col }) => col);
  if (qualifierLine !== undefined) {
    // Each group takes the qualifier labels beneath it: in order when they divide evenly, else the nearest.
    const qs = [...lines[qualifierLine].words].sort((a, b) => a.x0 - b.x0);
    const per = qs.length % named.length === 0 ? qs.length / named.length : 0;
    columns = qs.map((q, i) => {
      const g = per ? named[Math.floor(i / per)] : named.reduce((b, n) => (Math.abs(n.c - centre(q)) < Math.abs(b.c - centre(q)) ? n : b));
      return { key: `${g.key}.${QUALIFIERS[normHeader(q.text)]?.key ?? 'x'}`, label: `${g.label}/${q.text}`, x0: q.x0, x1: q.x1, side: g.side };
    });
  }
  const unique = columns.filter((c, i) => columns.findIndex((d) => d.x0 === c.x0 && d.x1 === c.x1) === i);
  return { columns: dedupe(unique).sort((a, b) => a.x0 - b.x0), split, text };
}

/** Two columns of one concept on one side: the second is numbered (never silently merged). */
function dedupe(columns: Column[]): Column[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const k = `${c.side}:${c.key}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n > 1 ? { ...c, key: `${c.key}#${n}` } : c;
  });
}

/** A header line of qualifiers repeated under every group (预算数 决算数 预算数 决算数 …). */
function repeatedLine(lines: PLine[]): number | undefined {
  const i = lines.findIndex((l) => {
    const ts = l.words.map((w) => normHeader(w.text));
    return ts.length >= 4 && ts.every((t) => QUALIFIERS[t]) && new Set(ts).size < ts.length;
  });
  return i < 0 ? undefined : i;
}

/**
 * Whether a figure placed in a column was certainly printed there: every column of the side has
 * a figure (the order decides), or the figure lies under the column's label or close by.
 */
export function placedSurely(f: PWord, c: Column, shift: number, full: boolean): boolean {
  if (full) return true;
  const x0 = c.x0 + shift;
  const x1 = c.x1 + shift;
  return Math.min(f.x1, x1) - Math.max(f.x0, x0) > 0 || Math.min(Math.abs(f.x1 - x1), Math.abs(centre(f) - (x0 + x1) / 2)) <= STACK;
}

/**
 * The column of each figure of a row, left to right and never two in one column: the columns
 * whose span overlaps the figure most, or nearest by right edge (figures are right-aligned).
 * `shift` moves the header's positions onto a page printed at another offset.
 */
export function assignFigures(figures: PWord[], columns: Column[], shift = 0): (number | undefined)[] {
  const n = figures.length;
  const m = columns.length;
  if (!m) return figures.map(() => undefined);
  const cost = (f: PWord, c: Column) => {
    const x0 = c.x0 + shift;
    const x1 = c.x1 + shift;
    const overlap = Math.min(f.x1, x1) - Math.max(f.x0, x0);
    return overlap > 0 ? -overlap : Math.min(Math.abs(f.x1 - x1), Math.abs(centre(f) - (x0 + x1) / 2));
  };
  // Order-preserving assignment of n figures to m columns with the least cost (n ≤ m).
  if (n > m) return figures.map((f) => columns.reduce((b, c, j) => (cost(f, c) < cost(f, columns[b]) ? j : b), 0));
  const INF = Number.POSITIVE_INFINITY;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(INF));
  const from: boolean[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(false));
  for (let j = 0; j <= m; j++) best[0][j] = 0;
  for (let i = 1; i <= n; i++)
    for (let j = i; j <= m; j++) {
      const skip = best[i][j - 1];
      const take = best[i - 1][j - 1] + cost(figures[i - 1], columns[j - 1]);
      if (take <= skip) [best[i][j], from[i][j]] = [take, true];
      else best[i][j] = skip;
    }
  const out: (number | undefined)[] = new Array(n);
  for (let i = n, j = m; i > 0; j--) if (from[i][j]) out[--i] = j - 1;
  return out;
}
