/** Disclosure rules beyond arithmetic, on the table IR: completeness, empty-table notes, code validity. */
import type { Classification } from '../classification/classification.ts';
import { isVerified } from '../classification/codes.ts';
import { leaves, normLabel, type Row, type Table } from '../ir/table.ts';
import { rowLabel } from './table-set.ts';
import type { Finding, Severity } from './types.ts';

/** A table rule's findings, without rule id and (unless it differs from the rule's) severity. */
type Found = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

/** What a row rule sees besides the row: its table, the table's subject-name column, the lists. */
interface RowContext {
  t: Table;
  nameCol: number;
  c: Classification;
}

/**
 * A table rule looks at whole tables (`check`, pushing its findings to `out`), or at the function
 * rows (类, 款, 项 rows with a code) one at a time (`row`): the row rules share one pass over the
 * rows of a package.
 */
export type TableRule = {
  id: string;
  severity: Severity;
  formula: string;
} & ({ check: (tables: Table[], expected: string[], out: Found[]) => void } | { row: (r: Row, i: number, length: number, x: RowContext) => Found | undefined });

/** Length of the function code of a 类, 款 or 项 row; 0 for rows of other kinds. */
function codeLength(kind: string): number {
  return kind === 'class' ? 3 : kind === 'section' ? 5 : kind === 'item' ? 7 : 0;
}

/** Column of the subject name, by header (leaves() is cached, findIndex is not). */
const nameCols = new WeakMap<Table['header'], number>();
function nameColOf(t: Table): number {
  let i = nameCols.get(t.header);
  if (i === undefined) nameCols.set(t.header, (i = leaves(t.header).findIndex((l) => l.key === 'name')));
  return i;
}

export const TABLE_RULES: TableRule[] = [
  {
    id: 'C-tables',
    severity: 'error',
    formula: '公开全部规定表格',
    check(tables, expected, out) {
      // Packages of the layout have every table in order: no set of ids to build then.
      if (tables.length === expected.length && expected.every((id, i) => tables[i].id === id)) return;
      const have = new Set(tables.map((t) => t.id));
      for (const id of expected) if (!have.has(id)) out.push({ table: id, message: `缺少预算${id}表`, messageEn: `table ${id} is missing` });
    },
  },
  {
    id: 'C-empty-note',
    severity: 'warning',
    formula: '空表应公开并说明原因（财预〔2016〕143号）',
    check(tables, _e, out) {
      for (const t of tables)
        if (t.empty && !t.notes.some((n) => /无|没有|空表/.test(n)))
          out.push({ table: t.id, message: `预算${t.id}表为空表，但没有说明原因`, messageEn: `table ${t.id} is empty without a note saying why` });
    },
  },
  {
    id: 'C-function-level',
    severity: 'error',
    formula: '支出功能分类公开到项级；类、款、项编码分别为 3、5、7 位',
    row(r, i, length, { t }) {
      if (r.code!.length === length) return undefined;
      return { table: t.id, row: i, rowLabel: rowLabel(t, i), message: `预算${t.id}表「${rowLabel(t, i)}」的功能科目编码 ${r.code} 不是${r.kind === 'item' ? '项' : r.kind === 'section' ? '款' : '类'}级编码`, messageEn: `table ${t.id}: code ${r.code} has the wrong length` };
    },
  },
  {
    id: 'C-function-code',
    severity: 'error',
    formula: '功能科目编码与名称符合当年科目表',
    row(r, i, _length, { t, nameCol, c }) {
      const s = c.function.get(r.code!);
      const printed = nameCol >= 0 ? r.cells[nameCol] : null;
      if (s && (typeof printed !== 'string' || !printed || printed === s.name || normLabel(printed) === normLabel(s.name))) return undefined;
      const where = `预算${t.id}表「${rowLabel(t, i)}」`;
      if (!s) return { table: t.id, row: i, rowLabel: rowLabel(t, i), message: `${where}：功能科目 ${r.code} 不在 ${c.year} 年科目表中`, messageEn: `table ${t.id}: function code ${r.code} is not in the ${c.year} list` };
      return {
        severity: isVerified(s.confidence) ? 'warning' : 'info',
        table: t.id,
        row: i,
        rowLabel: rowLabel(t, i),
        message: `${where}：科目 ${r.code} 的名称应为“${s.name}”，实为“${printed}”${isVerified(s.confidence) ? '' : `（科目表此行可信度 ${s.confidence}）`}`,
        messageEn: `table ${t.id}: ${r.code} is named "${s.name}" in the list, printed "${printed}"`,
      };
    },
  },
];

const RUN = TABLE_RULES.map((r) => r.id);
const ROW_RULES = TABLE_RULES.flatMap((r) => ('row' in r ? [r] : []));

/** Findings of the row rules, by rule: one pass over the function rows of every table. */
function rowFindings(tables: Table[], c: Classification, known: ((rule: string, t: Table) => Uint8Array | undefined) | undefined): Found[][] {
  const found = ROW_RULES.map((): Found[] => []);
  const skips: (Uint8Array | undefined)[] = ROW_RULES.map(() => undefined);
  for (const t of tables) {
    for (let k = 0; k < ROW_RULES.length; k++) skips[k] = known?.(ROW_RULES[k].id, t);
    const x: RowContext = { t, nameCol: nameColOf(t), c };
    const rows = t.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (!r.code) continue;
      const length = codeLength(r.kind);
      if (!length) continue;
      for (let k = 0; k < ROW_RULES.length; k++) {
        if (skips[k]?.[i]) continue;
        const f = ROW_RULES[k].row(r, i, length, x);
        if (f) found[k].push(f);
      }
    }
  }
  return found;
}

/** `known(rule, t)`: rows of t where the table rule is known to find nothing (the rows are then skipped). */
export function runTableRules(tables: Table[], c: Classification, expected: string[], known?: (rule: string, t: Table) => Uint8Array | undefined): { findings: Finding[]; run: string[] } {
  const findings: Finding[] = [];
  const byRow = rowFindings(tables, c, known);
  const found: Found[] = [];
  for (const r of TABLE_RULES) {
    let fs: Found[];
    if ('check' in r) {
      found.length = 0;
      r.check(tables, expected, found);
      fs = found;
    } else fs = byRow[ROW_RULES.indexOf(r)];
    for (const f of fs) findings.push({ ...f, rule: r.id, severity: f.severity ?? r.severity });
  }
  return { findings, run: RUN.slice() };
}
