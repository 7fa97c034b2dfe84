/**
 * Harvests 支出功能分类 codes with their names from the text of published disclosures
 * (`pdftotext -layout` output): `208   05   02   事业单位离退休`, `20603   应用研究`, a code
 * alone on a line with its name on the next (wrapped names are joined). Only 2xx codes are taken:
 * department codes (`104 湖南省科技厅`), revenue and economic codes print the same way.
 * Pure; scripts/harvest-codes.ts reads the documents and writes the lists.
 */
import { levelOf, type Subject } from './codes.ts';

export interface Sighting {
  code: string;
  name: string;
  document: string;
  /** 1-based line in the document's text */
  line: number;
}

const CJK = '\\u3400-\\u9fff';
const NAME = `[${CJK}][^\\s\\d,]*`;
/** 类/款/项 printed split or joined, optionally followed by a 6-digit unit code (Hunan), then the name. */
const WITH_NAME = new RegExp(`^\\s*(2\\d\\d(?:\\s+\\d\\d){0,2}|2\\d\\d(?:\\d\\d){1,2})\\s+(?:\\d{6}\\s+)?(${NAME})(.*)$`);
const CODE_ALONE = /^\s*(2\d\d(?:\s+\d\d){0,2}|2\d\d(?:\d\d){1,2})(?:\s+\d{6})?\s*$/;
const NAME_ALONE = new RegExp(`^\\s*(${NAME})(.*)$`);
const PURE_NAME = new RegExp(`^\\s*[${CJK}（）()、]+\\s*$`);

/** Every code printed with a name in `text`. */
export function harvestText(text: string, document: string): Sighting[] {
  const lines = text.split(/\r?\n|\f/);
  const out: Sighting[] = [];
  const nextNonBlank = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j].trim()) return j;
    return -1;
  };
  /** A name with nothing after it may wrap onto the next line. */
  const complete = (name: string, rest: string, i: number) => {
    if (rest.trim()) return name;
    const j = nextNonBlank(i);
    return j >= 0 && PURE_NAME.test(lines[j]) ? name + lines[j].trim() : name;
  };
  lines.forEach((line, i) => {
    if (line.startsWith('#')) return;
    const m = WITH_NAME.exec(line);
    if (m) {
      out.push({ code: m[1].replace(/\s+/g, ''), name: complete(m[2], m[3], i), document, line: i + 1 });
      return;
    }
    const alone = CODE_ALONE.exec(line);
    if (!alone) return;
    const j = nextNonBlank(i);
    const n = j >= 0 ? NAME_ALONE.exec(lines[j]) : null;
    if (n) out.push({ code: alone[1].replace(/\s+/g, ''), name: complete(n[1], n[2], j), document, line: j + 1 });
  });
  return out.filter((s) => /^2\d\d(\d\d){0,2}$/.test(s.code));
}

export interface HarvestedCode {
  code: string;
  name: string;
  documents: string[];
}

export interface Conflict {
  code: string;
  names: { name: string; where: string[] }[];
}

/**
 * One name per code. A name that is the start of a longer one was cut off by its column: the
 * longer wins. Names that differ otherwise are a conflict: that code is not harvested.
 */
export function mergeSightings(sightings: Sighting[]): { codes: HarvestedCode[]; conflicts: Conflict[] } {
  const byCode = new Map<string, Sighting[]>();
  for (const s of sightings) (byCode.get(s.code) ?? byCode.set(s.code, []).get(s.code)!).push(s);
  const codes: HarvestedCode[] = [];
  const conflicts: Conflict[] = [];
  for (const [code, list] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const names = [...new Set(list.map((s) => s.name))].sort((a, b) => b.length - a.length);
    const longest = names[0];
    if (names.every((n) => longest.startsWith(n))) {
      codes.push({ code, name: longest, documents: [...new Set(list.map((s) => s.document))].sort() });
      continue;
    }
    conflicts.push({ code, names: names.map((name) => ({ name, where: list.filter((s) => s.name === name).map((s) => `${s.document}:${s.line}`) })) });
  }
  return { codes, conflicts };
}

export interface MergeReport {
  added: Subject[];
  confirmed: string[];
  /** harvested name differs from the list's: the list is kept */
  disagreements: { code: string, listed: string; seen: string; documents: string[] }[];
}

const seenIn = (documents: string[]) => documents.map((d) => `seen in ${d}`);

/**
 * Adds harvested codes to a list (rows keyed by code): a new code gets confidence `seen` and its
 * documents as sources; a listed code seen with the same name (or a cut-off start of it) gains the
 * documents as sources and keeps its confidence. Re-running with the same sightings changes nothing.
 */
export function mergeIntoList(rows: Map<string, Subject>, harvested: HarvestedCode[]): MergeReport {
  const report: MergeReport = { added: [], confirmed: [], disagreements: [] };
  for (const h of harvested) {
    const listed = rows.get(h.code);
    if (!listed) {
      const level = levelOf(h.code);
      const subject: Subject = {
        code: h.code,
        level,
        parent: level === '类' ? undefined : h.code.slice(0, -2),
        name: h.name,
        confidence: 'seen',
        sources: seenIn(h.documents).join(';'),
      };
      rows.set(h.code, subject);
      report.added.push(subject);
      continue;
    }
    if (listed.name === h.name || listed.name.startsWith(h.name) || (listed.confidence === 'seen' && h.name.startsWith(listed.name))) {
      if (listed.confidence === 'seen' && h.name.length > listed.name.length) listed.name = h.name;
      const sources = new Set((listed.sources ?? '').split(';').filter(Boolean));
      for (const s of seenIn(h.documents)) sources.add(s);
      listed.sources = [...sources].join(';');
      report.confirmed.push(h.code);
    } else report.disagreements.push({ code: h.code, listed: listed.name, seen: h.name, documents: h.documents });
  }
  return report;
}
