/**
 * Finds the tables of a layout in extracted text: by their mark (`预算05表`, also wrapped as
 * `预算22` / `表`) and by their title (spaces, NBSP, U+3000, bracket widths and wrapping over up to
 * three lines ignored). A title is trusted over a mark that disagrees with it; a mark whose title
 * is not recognised still opens its table. A table found again later (a page break repeating the
 * head) continues the first one.
 */
import type { AmountUnit } from '../../../money/money.ts';
import type { LayoutSet } from '../../layouts/layout.ts';
import { compact, norm, tokenize } from './tokens.ts';

export interface Section {
  id: string;
  /** Title as printed (wrapped lines joined). */
  title: string;
  filer: string;
  unit?: AmountUnit;
  /** Body lines: everything after the head, continuation pages appended. */
  lines: string[];
}

interface Hit {
  id: string;
  line: number;
  /** first line after the mark/title/filer head */
  bodyStart: number;
  title: string;
}

const MARK = /^预算(\d{1,2})(表?)(.*)$/;
/** "表1", "附表3", "表三" (the nine-table set numbers its tables this way). */
const PLAIN = /^附?表([0-9]{1,2}|[一二三四五六七八九十]{1,3})(.*)$/;
const NUMERALS = '一二三四五六七八九';
const FILER = /(?:填报(?:部门|单位)|编制(?:部门|单位)|(?:部门|单位)名称)[:：]\s*(.*?)\s*(?:(?:金额)?单位[:：].*)?$/;
const UNIT = /单位[:：]\s*(万元|元)/;

export function titleIndex(set: Pick<LayoutSet, 'tables'>): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of set.tables) for (const title of [t.title, ...(t.titles ?? [])]) m.set(norm(title), t.id);
  return m;
}

export function findSections(lines: string[], set: LayoutSet): { sections: Section[]; warnings: string[] } {
  const warnings: string[] = [];
  const titles = titleIndex(set);
  const markOf = (id: string) => set.tables.find((t) => t.id === id)?.mark ?? id;
  const ids = new Set(set.tables.map((t) => t.id));
  const nonEmpty = lines.flatMap((l, i) => (l.trim() ? [i] : []));
  const hits: Hit[] = [];
  const marks = new Map<number, { id: string; end: number; inline: string; raw?: string }>();

  for (let k = 0; k < nonEmpty.length; k++) {
    const line = compact(lines[nonEmpty[k]]);
    const m = MARK.exec(line);
    const p = m ? undefined : PLAIN.exec(line);
    if (p) marks.set(k, { id: String(numberOf(p[1])), end: k, inline: leaderless(p[2]), raw: p[2] });
    if (!m) continue;
    const id = m[1].padStart(2, '0');
    if (m[2]) marks.set(k, { id, end: k, inline: leaderless(m[3]), raw: m[3] });
    else if (nonEmpty[k + 1] !== undefined && compact(lines[nonEmpty[k + 1]]) === '表') marks.set(k, { id, end: k + 1, inline: '' });
  }

  let k = 0;
  while (k < nonEmpty.length) {
    const entry = contentsEntry(marks.get(k)?.raw, compact(lines[nonEmpty[k + 1]] ?? ''), titles);
    if (entry) {
      k += entry;
      continue;
    }
    const inline = marks.get(k)?.inline;
    const inlineId = inline ? titles.get(norm(inline)) : undefined;
    if (inlineId) {
      hits.push({ id: inlineId, line: nonEmpty[k], title: inline!, bodyStart: k + 1 });
      k++;
      continue;
    }
    const title = matchTitle(lines, nonEmpty, k, titles);
    if (!title) {
      const mark = marks.get(k);
      const next = mark && nonEmpty[mark.end + 1];
      if (mark && ids.has(mark.id) && next !== undefined && !matchTitle(lines, nonEmpty, mark.end + 1, titles)) {
        warnings.push(`${markOf(mark.id)}：标题“${lines[next].trim()}”与版式不符，按表号识别`);
        hits.push({ id: mark.id, line: nonEmpty[k], title: lines[next].trimEnd(), bodyStart: mark.end + 2 });
        k = mark.end + 2;
        continue;
      }
      k++;
      continue;
    }
    const mark = [...marks].filter(([, mv]) => mv.end < k && mv.end >= k - 2 && !mv.inline).pop();
    if (mark && mark[1].id !== title.id) warnings.push(`${markOf(title.id)}：表号写作“${markOf(mark[1].id)}”，按标题识别`);
    if (!mark && set.marks && !hits.some((h) => h.id === title.id)) warnings.push(`${markOf(title.id)}：缺少表号，按标题识别`);
    hits.push({ id: title.id, line: nonEmpty[mark ? mark[0] : k], title: title.text, bodyStart: title.end + 1 });
    k = title.end + 1;
  }

  const sections = new Map<string, Section>();
  hits.forEach((h, n) => {
    const end = n + 1 < hits.length ? hits[n + 1].line : lines.length;
    let body = h.bodyStart < nonEmpty.length ? nonEmpty[h.bodyStart] : lines.length;
    const head = lines.slice(body, Math.min(end, body + 40)).filter((l) => l.trim()).slice(0, 3);
    let filer = '';
    let unit: AmountUnit | undefined;
    for (const l of head) {
      const f = FILER.exec(l.trim());
      if (f) filer = f[1];
      const u = UNIT.exec(l);
      if (u) unit = u[1] as AmountUnit;
      if (f || u) body = lines.indexOf(l, body) + 1;
    }
    const own = lines.slice(body, Math.max(body, end));
    const seen = sections.get(h.id);
    if (!seen) sections.set(h.id, { id: h.id, title: h.title, filer, unit, lines: own });
    else {
      // A later page of the table (its column heads repeated), or the table itself after a
      // contents page listed its title: keep the head that names the filer, drop repeated heads.
      if (!seen.filer && filer) Object.assign(seen, { title: h.title, filer, unit });
      seen.lines.push(...own.slice(Math.max(0, own.findIndex(isData))));
    }
  });
  return { sections: [...sections.values()], warnings };
}

/**
 * A 目录 line: a mark, a known title (or its start, wrapped onto the next line) and a page number,
 * with or without a dot leader. Not a table: the lines it covers (1 or 2) are skipped.
 */
function contentsEntry(inline: string | undefined, next: string, titles: Map<string, string>): number {
  const m = inline && /^(.+?)[.．。…·・]*\d{1,4}$/.exec(inline);
  if (!m) return 0;
  const head = norm(unContinued(m[1]));
  if (titles.has(head)) return 1;
  const whole = head + norm(next);
  return head.length >= 4 && titles.has(whole) ? 2 : 0;
}

/** A title as a contents page prints it, without the dot leader and page number. */
const leaderless = (s: string) => unContinued(s.replace(/[.．。…·・]+\d*$/, ''));

/** A title repeated on a page the table runs on to: "支出总表（续表）", "(续)", "续表". */
const unContinued = (s: string) => s.replace(/\s*[（(]?续表?[)）]?\s*$/, '');

/** A line that holds a figure or starts a row with a code or 合计. */
function isData(line: string): boolean {
  const toks = tokenize(line);
  return toks.some((t) => t.kind === 'amount') || toks[0]?.kind === 'code' || /^(合计|总计)/.test(compact(line));
}

/** 3 → 3, 三 → 3, 十二 → 12. */
function numberOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens ? NUMERALS.indexOf(tens) + 1 : 1) * 10 : 0) + (ones ? NUMERALS.indexOf(ones) + 1 : 0);
}

/** Every start of every title (normalised): a line that starts no title starts no title match. */
const prefixCache = new WeakMap<Map<string, string>, Set<string>>();
function titlePrefixes(titles: Map<string, string>): Set<string> {
  let set = prefixCache.get(titles);
  if (!set) {
    set = new Set();
    for (const t of titles.keys()) for (let i = 1; i <= t.length; i++) set.add(t.slice(0, i));
    prefixCache.set(titles, set);
  }
  return set;
}

/** A title starting at non-empty line k, over 1–3 lines (the longest wins). */
function matchTitle(lines: string[], nonEmpty: number[], k: number, titles: Map<string, string>) {
  // Most lines are table rows: rejected by their own start, before any wrapped join is normalised.
  const first = norm(lines[nonEmpty[k]]);
  const prefixes = titlePrefixes(titles);
  if (!prefixes.has(first) && !prefixes.has(unContinued(first))) return undefined;
  for (let n = 3; n >= 1; n--) {
    if (k + n > nonEmpty.length) continue;
    const parts = nonEmpty.slice(k, k + n).map((i) => lines[i]);
    const id = titles.get(norm(unContinued(parts.join(''))));
    if (id) return { id, end: k + n - 1, text: n === 1 ? parts[0].trimEnd() : parts.map((p) => p.trim()).join('') };
  }
  return undefined;
}
