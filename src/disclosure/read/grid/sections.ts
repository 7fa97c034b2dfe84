/**
 * Finds a family's tables among positioned lines: a line whose normalised title names a table
 * kind, with the unit (单位：元/万元) printed on it, within the next lines (on the next page when the
 * title ends a page), just above it, or in a header label (金额（万元）). A title with no unit
 * anywhere is a table only when a header follows it before any other title — a contents page
 * lists the same titles without one — and its unit is then inferred from the document's other
 * tables (`unitInferred`, reported as C-unit). A table runs to the next title; the same title
 * printed again on a following page continues it; a following page continues it only when it opens
 * with table rows or its header repeated, so 说明 pages are never read as rows.
 */
import type { AmountUnit } from '../../../money/money.ts';
import { kindOfTitle, type Family, type Kind } from '../../layouts/family.ts';
import type { PLine } from './positioned.ts';

export interface GridSection {
  kind: Kind;
  title: string;
  filer: string;
  unit: AmountUnit;
  /** no unit printed near the title or in the header: the document's other tables' unit */
  unitInferred?: boolean;
  /** lines after the title, filer and unit lines */
  lines: PLine[];
}

const UNIT = /单位[:：]\s*(万元|元)/;
const TRAILING_UNIT = /[(（]?(金额)?单位[:：](万元|元)[)）]?$/;
/** A header label naming the unit: 金额（万元）, 单位（元） */
const LABEL_UNIT = /[(（](万元|元)[)）]/;
const STUB_LABEL = /^(项目|科目编码|科目名称|功能分类科目|支出功能分类|经济分类科目|部门经济分类|收入|支出)$/;
const FILER = /(?:填报(?:部门|单位)|编制(?:部门|单位)|(?:部门|单位)名称|预算单位)[:：]\s*(.*?)\s*(?:(?:金额)?单位[:：].*)?$/;
const ROWISH = /^(\d{3}|\d{5}|\d{7})$|^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(?:,\d{3})+$/;

interface Hit {
  at: number;
  kind: Kind;
  title: string;
  /** the last line of the title block (its unit line, or the title) */
  unitAt: number;
  unit?: AmountUnit;
  /** the same title again on a later page: the table goes on */
  repeat?: boolean;
}

const compact = (l: PLine) => l.text.replace(/\s/g, '');

/** Where the unit of the title at `i` is printed, if anywhere. */
function unitOf(lines: PLine[], i: number, titles: Set<number>): { unitAt: number; unit: AmountUnit } | undefined {
  const own = UNIT.exec(compact(lines[i]));
  if (own) return { unitAt: i, unit: own[1] as AmountUnit };
  const page = lines[i].page;
  const lastOnPage = lines[i + 1]?.page !== page;
  for (let k = i + 1; k < Math.min(lines.length, i + 4) && !titles.has(k); k++) {
    if (lines[k].page !== page && !(lastOnPage && lines[k].page === page + 1)) break;
    const u = UNIT.exec(compact(lines[k]));
    if (u) return { unitAt: k, unit: u[1] as AmountUnit };
  }
  for (let k = i - 1; k >= Math.max(0, i - 2) && lines[k].page === page && !titles.has(k); k--) {
    const u = UNIT.exec(compact(lines[k]));
    if (u) return { unitAt: i, unit: u[1] as AmountUnit };
  }
  for (let k = i + 1; k < Math.min(lines.length, i + 9) && lines[k].page === page && !titles.has(k); k++) {
    const u = lines[k].words.map((w) => LABEL_UNIT.exec(w.text)).find(Boolean);
    if (u) return { unitAt: i, unit: u[1] as AmountUnit };
  }
  return undefined;
}

/** A header (a stub label: 项目, 科目编码 …) follows the title on its page before any other title. */
function headerFollows(lines: PLine[], i: number, titles: Set<number>): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + 9) && lines[k].page === lines[i].page && !titles.has(k); k++)
    if (lines[k].words.some((w) => STUB_LABEL.test(w.text.replace(/[\s“”"]/g, '')))) return true;
  return false;
}

export function findTables(lines: PLine[], family: Family): GridSection[] {
  // A unit printed on the title's line is not part of the title.
  const kinds = lines.map((l) => kindOfTitle(family, l.words.map((w) => w.text).join('').replace(TRAILING_UNIT, '')));
  const titles = new Set(kinds.flatMap((k, i) => (k ? [i] : [])));
  const hits: Hit[] = [];
  for (const i of titles) {
    const kind = kinds[i]!;
    const found = unitOf(lines, i, titles);
    if (!found && !headerFollows(lines, i, titles)) continue;
    const prev = hits.at(-1);
    const repeat = prev?.kind === kind && lines[i].page > lines[prev.at].page;
    hits.push({ at: i, kind, title: lines[i].text.replace(/\s+/g, '').replace(TRAILING_UNIT, ''), unitAt: found?.unitAt ?? i, unit: found?.unit, repeat });
  }
  const printed = hits.flatMap((h) => (h.unit ? [h.unit] : []));
  const usual: AmountUnit = printed.filter((u) => u === '元').length * 2 > printed.length ? '元' : '万元';
  const repeats = hits.filter((h) => h.repeat);
  const out: GridSection[] = [];
  hits.forEach((h, n) => {
    if (h.repeat) return;
    const next = hits.slice(n + 1).find((x) => !x.repeat);
    const end = next ? next.at : lines.length;
    // The title block and header printed again on a continuation page are not part of the body.
    const skip = new Set(repeats.filter((r) => r.at > h.at && r.at < end).flatMap((r) => range(r.at, headerEnd(lines, r, end))));
    const head = lines.slice(h.at + 1, h.unitAt + 1);
    let filer = '';
    for (const l of head) {
      const f = FILER.exec(l.text.trim());
      if (f) filer = f[1].replace(/\s+/g, '');
    }
    const body: PLine[] = [];
    let page = lines[h.unitAt].page;
    const header = new Set(lines.slice(h.unitAt + 1, Math.min(end, h.unitAt + 8)).flatMap((l) => l.words.map((w) => w.text)));
    for (let i = h.unitAt + 1; i < end; i++) {
      const l = lines[i];
      if (skip.has(i)) {
        page = l.page;
        continue;
      }
      if (l.page !== page) {
        if (!continues(lines.slice(i, i + 3).filter((x) => x.page === l.page), header)) break;
        page = l.page;
      }
      body.push(l);
    }
    out.push({ kind: h.kind, title: h.title, filer, unit: h.unit ?? usual, ...(h.unit ? {} : { unitInferred: true }), lines: body });
  });
  return out;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** The first line after a repeated title's header: the first with a figure, a code or a 合计 label. */
function headerEnd(lines: PLine[], r: Hit, end: number): number {
  const page = lines[r.at].page;
  for (let k = r.unitAt + 1; k < end && lines[k].page === page; k++) if (lines[k].words.some((w) => ROWISH.test(w.text) || /^(合计|总计)$/.test(w.text))) return k;
  return r.unitAt + 1;
}

/** A page goes on with a table when its first lines hold figures, codes, or the header's labels. */
function continues(first: PLine[], header: Set<string>): boolean {
  return first.some((l) => l.words.some((w) => ROWISH.test(w.text)) || /^[一二三四五六七八九十]+、/.test(l.words[0]?.text ?? '') || l.words.filter((w) => header.has(w.text)).length >= 2);
}
