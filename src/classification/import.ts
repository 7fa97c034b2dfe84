/**
 * Reads a code list as people have it — the Ministry of Finance's 政府收支分类科目 saved as a
 * spreadsheet or CSV — from rows of cell texts: the code and name columns are found by their
 * headers, levels come from the code length, and every 款/项 must have its parent in the list.
 * Pure: the caller reads the file (CSV or xlsx) into rows and stores the result.
 */
import { type Level, levelOf, type Subject } from './codes.ts';

export const LIST_KINDS = {
  function: { label: '支出功能分类', file: 'function.csv', lengths: [3, 5, 7] },
  'dept-econ': { label: '部门预算支出经济分类', file: 'econ-dept.csv', lengths: [3, 5] },
  'gov-econ': { label: '政府预算支出经济分类', file: 'econ-gov.csv', lengths: [3, 5] },
} as const;
export type ListKind = keyof typeof LIST_KINDS;
export const isListKind = (k: string): k is ListKind => k in LIST_KINDS;

/** A problem located in the list file: row is 1-based as the spreadsheet shows it. */
export interface ListProblem {
  row?: number;
  column?: string;
  message: string;
}

const CODE_HEADERS = ['科目编码', '科目代码', '功能分类科目编码', '经济分类科目编码', '编码', '代码', 'code'];
const NAME_HEADERS = ['科目名称', '功能分类科目名称', '经济分类科目名称', '名称', 'name'];
/** How far down a title and notes may push the header row. */
const HEADER_SEARCH_ROWS = 15;

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

function findHeader(rows: string[][]): { row: number; code: number; name: number } | undefined {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const cells = rows[r].map(norm);
    const pick = (names: string[]) => names.map((n) => cells.indexOf(norm(n))).find((i) => i >= 0);
    const code = pick(CODE_HEADERS);
    const name = pick(NAME_HEADERS);
    if (code !== undefined && name !== undefined && code !== name) return { row: r, code, name };
  }
  return undefined;
}

export interface ImportedList {
  subjects: Subject[];
  problems: ListProblem[];
  levels: Partial<Record<Level, number>>;
}

/**
 * `rows`: cell texts, top to bottom. `source` names the file in each subject's `sources`.
 * Codes may be printed split (`201 01 01`); blank rows and rows without a code are skipped.
 */
export function parseOfficialList(rows: string[][], kind: ListKind, source: string): ImportedList {
  const problems: ListProblem[] = [];
  const header = findHeader(rows);
  if (!header) {
    problems.push({ row: 1, message: `找不到表头：需要编码列（${CODE_HEADERS.slice(0, 3).join('、')}…）和名称列（${NAME_HEADERS.slice(0, 2).join('、')}…）` });
    return { subjects: [], problems, levels: {} };
  }
  const codeLabel = rows[header.row][header.code];
  const nameLabel = rows[header.row][header.name];
  const lengths: readonly number[] = LIST_KINDS[kind].lengths;
  const byCode = new Map<string, { subject: Subject; row: number }>();
  for (let r = header.row + 1; r < rows.length; r++) {
    const code = (rows[r][header.code] ?? '').replace(/\s+/g, '');
    const name = (rows[r][header.name] ?? '').trim();
    if (!code && !name) continue;
    const at = { row: r + 1 };
    if (!/^\d+$/.test(code) || !lengths.includes(code.length)) {
      problems.push({ ...at, column: codeLabel, message: `编码“${code}”应为 ${lengths.join('、')} 位数字` });
      continue;
    }
    if (!name) {
      problems.push({ ...at, column: nameLabel, message: `编码 ${code} 没有名称` });
      continue;
    }
    const earlier = byCode.get(code);
    if (earlier) {
      if (earlier.subject.name !== name) problems.push({ ...at, column: nameLabel, message: `编码 ${code} 在第 ${earlier.row} 行名为“${earlier.subject.name}”，此处为“${name}”` });
      continue;
    }
    const level = levelOf(code);
    const parent = level === '类' ? undefined : code.slice(0, code.length - 2);
    byCode.set(code, { subject: { code, level, parent, name, confidence: 'imported', sources: source }, row: r + 1 });
  }
  for (const { subject, row } of byCode.values())
    if (subject.parent && !byCode.has(subject.parent))
      problems.push({ row, column: codeLabel, message: `编码 ${subject.code} 的上级 ${subject.parent} 不在表中` });
  const subjects = [...byCode.values()].map((x) => x.subject).sort((a, b) => a.code.localeCompare(b.code));
  if (!subjects.length && !problems.length) problems.push({ message: '表中没有科目' });
  const levels: Partial<Record<Level, number>> = {};
  for (const s of subjects) levels[s.level] = (levels[s.level] ?? 0) + 1;
  return { subjects, problems, levels };
}
