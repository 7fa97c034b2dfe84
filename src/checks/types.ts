/**
 * Findings are structured data; their text is rendered from the rule's message templates
 * (zh and en), so a finding can be shown, filtered, linked and translated.
 */
import type { Money } from '../money/money.ts';
import type { SourceRef } from '../model/budget.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  /** Rendered in Chinese; `messageEn` in English. */
  message: string;
  messageEn: string;
  /** Table id ("01".."23") the finding is about, if any. */
  table?: string;
  /** Row index in that table, and a label a person recognises ("合计", "104012 湖南省…", "2060301 机构运行"). */
  row?: number;
  rowLabel?: string;
  /** Column key and its header path joined with "/". */
  column?: string;
  columnLabel?: string;
  /** Amounts in 分 when the rule compares amounts. */
  expected?: Money;
  found?: Money;
  /** The input line item or record the finding points at. */
  source?: SourceRef;
}

export interface NotRun {
  rule: string;
  reason: string;
}

export interface CheckReport {
  findings: Finding[];
  rulesRun: string[];
  rulesNotRun: NotRun[];
}

export const errorsIn = (r: CheckReport) => r.findings.filter((f) => f.severity === 'error');
