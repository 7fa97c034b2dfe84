import { parseCsvObjects } from '../csv/parse.ts';

export type Level = '类' | '款' | '项';
/**
 * How sure yusuan is of a subject. `imported`: from a list the user imported (its provenance says
 * which file); `high`/`medium`/`low`: the hand-compiled shipped rows; `seen`: code and name printed
 * together in a published disclosure (its `sources` say which), not checked against an official
 * list; `input`: a name the budget's own input supplied for a code outside the list.
 */
export type Confidence = 'imported' | 'high' | 'medium' | 'low' | 'seen' | 'input';
export const CONFIDENCES: readonly Confidence[] = ['imported', 'high', 'medium', 'low', 'seen', 'input'];
/** Rows whose name yusuan may state without a caveat. */
export const isVerified = (c: Confidence) => c === 'imported' || c === 'high';

/** One subject (科目) of a classification list, with how sure the list's compilers were of it. */
export interface Subject {
  code: string;
  level: Level;
  parent?: string;
  name: string;
  confidence: Confidence;
  /**
   * where the row was seen or came from (`SEED;SH26`, `seen in sh-putuo-2025-zfb-dept-budget`;
   * `K`/`K2`: written from memory, K2 after the structure of the 2024 科目, unverified)
   */
  sources?: string;
  note?: string;
}

/** A code list (支出功能分类, 部门/政府预算支出经济分类 …): lookups by code, names and parents. */
export class CodeList {
  readonly byCode = new Map<string, Subject>();

  constructor(readonly name: string, subjects: Iterable<Subject>) {
    for (const s of subjects) this.byCode.set(s.code, s);
  }

  get(code: string): Subject | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  nameOf(code: string): string | undefined {
    return this.byCode.get(code)?.name;
  }

  /** The chain 类 → 款 → 项 ending at `code` (only the ancestors the list knows). */
  lineage(code: string): Subject[] {
    const out: Subject[] = [];
    for (let s = this.byCode.get(code); s; s = s.parent ? this.byCode.get(s.parent) : undefined) out.unshift(s);
    return out;
  }

  /** Subjects in code order, optionally of one level (codes are digits: compared as strings, not by locale, which cost every CLI call 8 ms). */
  list(level?: Level): Subject[] {
    return [...this.byCode.values()].filter((s) => !level || s.level === level).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

const LEVELS = new Set<Level>(['类', '款', '项']);

/** The shipped CSV shape of a list; imported and harvested lists are written in it too. */
export const LIST_COLUMNS = ['code', 'level', 'parent', 'name', 'confidence', 'sources', 'note'] as const;

/** Parses a list in the shipped CSV shape: code,level,parent,name,confidence[,sources,note]. */
export function parseCodeList(name: string, csvText: string, source = name): CodeList {
  const records = parseCsvObjects(csvText);
  const subjects = records.map((r, i) => {
    const where = `${source} 第 ${i + 2} 行`;
    if (!/^\d{3}(\d{2}){0,2}$/.test(r.code ?? '')) throw new Error(`${where}: 科目编码 "${r.code}" 应为 3、5 或 7 位数字`);
    const level = (r.level ?? levelOf(r.code)) as Level;
    if (!LEVELS.has(level)) throw new Error(`${where}: level "${r.level}" 应为 类/款/项`);
    const confidence = (r.confidence || 'high') as Confidence;
    if (!CONFIDENCES.includes(confidence)) throw new Error(`${where}: confidence "${r.confidence}" 应为 ${CONFIDENCES.join('/')}`);
    if (!r.name) throw new Error(`${where}: 缺少科目名称`);
    return { code: r.code, level, parent: r.parent || undefined, name: r.name, confidence, sources: r.sources || undefined, note: r.note || undefined };
  });
  return new CodeList(name, subjects);
}

export function levelOf(code: string): Level {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}
