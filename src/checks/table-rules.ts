/** Disclosure rules beyond arithmetic, on the table IR: completeness, empty-table notes, code validity. */
import type { Classification } from '../classification/classification.ts';
import { isVerified } from '../classification/codes.ts';
import { leaves, normLabel, type Table } from '../ir/table.ts';
import { rowLabel } from './table-set.ts';
import type { Finding, Severity } from './types.ts';

/** A table rule's findings, without rule id and (unless it differs from the rule's) severity. */
type Found = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

export interface TableRule {
  id: string;
  severity: Severity;
  formula: string;
  /**
   * Pushes its findings to `out` (plain loops: the rules run on each of 2,000 packages a round).
   * `known(t)`: rows of t where this rule is known to find nothing (see packages.ts), or undefined.
   */
  check: (tables: Table[], c: Classification, expected: string[], known: (t: Table) => Uint8Array | undefined, out: Found[]) => void;
}

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
    check(tables, _c, expected, _k, out) {
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
    check(tables, _c, _e, _k, out) {
      for (const t of tables)
        if (t.empty && !t.notes.some((n) => /无|没有|空表/.test(n)))
          out.push({ table: t.id, message: `预算${t.id}表为空表，但没有说明原因`, messageEn: `table ${t.id} is empty without a note saying why` });
    },
  },
  {
    id: 'C-function-level',
    severity: 'error',
    formula: '支出功能分类公开到项级；类、款、项编码分别为 3、5、7 位',
    check(tables, _c, _e, known, out) {
      for (const t of tables) {
        const skip = known(t);
        const rows = t.rows;
        for (let i = 0; i < rows.length; i++) {
          if (skip?.[i]) continue;
          const r = rows[i];
          const length = codeLength(r.kind);
          if (!length || !r.code || r.code.length === length) continue;
          out.push({ table: t.id, row: i, rowLabel: rowLabel(t, i), message: `预算${t.id}表「${rowLabel(t, i)}」的功能科目编码 ${r.code} 不是${r.kind === 'item' ? '项' : r.kind === 'section' ? '款' : '类'}级编码`, messageEn: `table ${t.id}: code ${r.code} has the wrong length` });
        }
      }
    },
  },
  {
    id: 'C-function-code',
    severity: 'error',
    formula: '功能科目编码与名称符合当年科目表',
    check(tables, c, _e, known, out) {
      for (const t of tables) {
        const nameCol = nameColOf(t);
        const skip = known(t);
        const rows = t.rows;
        for (let i = 0; i < rows.length; i++) {
          if (skip?.[i]) continue;
          const r = rows[i];
          if (!r.code || !codeLength(r.kind)) continue;
          const s = c.function.get(r.code);
          const printed = nameCol >= 0 ? r.cells[nameCol] : null;
          if (s && (typeof printed !== 'string' || !printed || printed === s.name || normLabel(printed) === normLabel(s.name))) continue;
          const where = `预算${t.id}表「${rowLabel(t, i)}」`;
          if (!s) {
            out.push({ table: t.id, row: i, rowLabel: rowLabel(t, i), message: `${where}：功能科目 ${r.code} 不在 ${c.year} 年科目表中`, messageEn: `table ${t.id}: function code ${r.code} is not in the ${c.year} list` });
            continue;
          }
          out.push({
            severity: isVerified(s.confidence) ? 'warning' : 'info',
            table: t.id,
            row: i,
            rowLabel: rowLabel(t, i),
            message: `${where}：科目 ${r.code} 的名称应为“${s.name}”，实为“${printed}”${isVerified(s.confidence) ? '' : `（科目表此行可信度 ${s.confidence}）`}`,
            messageEn: `table ${t.id}: ${r.code} is named "${s.name}" in the list, printed "${printed}"`,
          });
        }
      }
    },
  },
];

const RUN = TABLE_RULES.map((r) => r.id);
const NOTHING_KNOWN = () => undefined;

/** `known(rule, t)`: rows of t where the table rule is known to find nothing (the rows are then skipped). */
export function runTableRules(tables: Table[], c: Classification, expected: string[], known?: (rule: string, t: Table) => Uint8Array | undefined): { findings: Finding[]; run: string[] } {
  const findings: Finding[] = [];
  const found: Found[] = [];
  for (const r of TABLE_RULES) {
    found.length = 0;
    r.check(tables, c, expected, known ? (t: Table) => known(r.id, t) : NOTHING_KNOWN, found);
    for (const f of found) findings.push({ ...f, rule: r.id, severity: f.severity ?? r.severity });
  }
  return { findings, run: RUN.slice() };
}
