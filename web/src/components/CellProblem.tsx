/**
 * Problems shown where the officer is looking: in the grid cell they are about, in the grid's unit
 * (万元), as visible text. A typed amount is judged before it is sent; the checks' line-item
 * findings are placed on the cell of the field their rule is about.
 */
import type { Finding } from '../api.ts';
import { wan } from '../format.ts';
import { useI18n } from '../i18n.ts';

export type Field = 'functionCode' | 'deptEconCode' | 'govEconCode' | 'kind' | 'project' | 'fund' | 'amount';

/** The field a line-item rule judges. */
const RULE_FIELD: Record<string, Field> = {
  'R1-amount': 'amount',
  'R1-function-code': 'functionCode',
  'R1-dept-econ-code': 'deptEconCode',
  'R1-gov-econ-code': 'govEconCode',
  'R2-basic-econ': 'deptEconCode',
  'R3-project-econ': 'deptEconCode',
  'R4-basic-302': 'deptEconCode',
  'R5-econ-mapping': 'govEconCode',
  'R6-carry-over-basic': 'fund',
};

export interface CellNote {
  severity: Finding['severity'];
  text: string;
}

/** Grid row index → field → what is wrong there. */
export type CellProblems = Map<number, Map<Field, CellNote[]>>;

const LINE_ITEM_FILE = '明细';

export function useCellProblems(findings: Finding[] | undefined): CellProblems {
  const { t, lang } = useI18n();
  const out: CellProblems = new Map();
  for (const f of findings ?? []) {
    if (f.source?.file !== LINE_ITEM_FILE || !f.source.row) continue;
    const field = RULE_FIELD[f.rule];
    if (!field) continue;
    const text =
      f.rule === 'R1-amount' && f.found !== undefined
        ? `${t('cellNegative')}（${wan(f.found)}）`
        : (lang === 'en' ? f.messageEn : f.message).replace(/^.*?第 \d+ 行[：:]\s*/, '');
    const row = out.get(f.source.row - 1) ?? new Map<Field, CellNote[]>();
    out.set(f.source.row - 1, row);
    row.set(field, [...(row.get(field) ?? []), { severity: f.severity, text }]);
  }
  return out;
}

/** The notes of one cell, as visible text under its control. */
export function CellNotes({ notes, id }: { notes?: CellNote[]; id?: string }) {
  if (!notes?.length) return null;
  return (
    <span className="cell-notes" id={id}>
      {notes.map((n, i) => (
        <span key={i} className={`cell-note ${n.severity}`} role={n.severity === 'error' ? 'alert' : undefined}>
          {n.text}
        </span>
      ))}
    </span>
  );
}
