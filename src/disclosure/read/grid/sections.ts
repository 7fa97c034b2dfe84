/**
 * Finds a family's tables among positioned lines: a line whose normalised title names a table
 * kind, with the unit (单位：元/万元) within the next lines — a contents page lists the same titles
 * without one. A table runs to the next title; a following page continues it only when it opens
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
  /** lines after the title, filer and unit lines */
  lines: PLine[];
}

const UNIT = /单位[:：]\s*(万元|元)/;
const FILER = /(?:填报(?:部门|单位)|编制(?:部门|单位)|(?:部门|单位)名称|预算单位)[:：]\s*(.*?)\s*(?:(?:金额)?单位[:：].*)?$/;
const ROWISH = /^(\d{3}|\d{5}|\d{7})$|^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(?:,\d{3})+$/;

interface Hit {
  at: number;
  kind: Kind;
  title: string;
  unitAt: number;
}

export function findTables(lines: PLine[], family: Family): GridSection[] {
  const hits: Hit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = kindOfTitle(family, lines[i].words.map((w) => w.text).join(''));
    if (!kind) continue;
    const unitAt = lines.slice(i + 1, i + 4).findIndex((l) => UNIT.test(l.text.replace(/\s/g, '')));
    if (unitAt < 0 || lines[i + 1 + unitAt].page !== lines[i].page) continue;
    hits.push({ at: i, kind, title: lines[i].text.replace(/\s+/g, ''), unitAt: i + 1 + unitAt });
  }
  const out: GridSection[] = [];
  hits.forEach((h, n) => {
    const end = n + 1 < hits.length ? hits[n + 1].at : lines.length;
    const head = lines.slice(h.at + 1, h.unitAt + 1);
    const unitText = lines[h.unitAt].text.replace(/\s/g, '');
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
      if (l.page !== page) {
        if (!continues(lines.slice(i, i + 3).filter((x) => x.page === l.page), header)) break;
        page = l.page;
      }
      body.push(l);
    }
    out.push({ kind: h.kind, title: h.title, filer, unit: UNIT.exec(unitText)![1] as AmountUnit, lines: body });
  });
  return out;
}

/** A page goes on with a table when its first lines hold figures, codes, or the header's labels. */
function continues(first: PLine[], header: Set<string>): boolean {
  return first.some((l) => l.words.some((w) => ROWISH.test(w.text)) || /^[一二三四五六七八九十]+、/.test(l.words[0]?.text ?? '') || l.words.filter((w) => header.has(w.text)).length >= 2);
}
