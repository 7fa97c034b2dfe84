/**
 * Auditing a published disclosure: read it back into tables with the reader for its file type,
 * check them with the layout's rules, and keep findings that rest on a figure the reader could only
 * place by guess as information. Used by `yusuan audit` and by the server's public audit route.
 */
import { parents } from '../../checks/engine.ts';
import { checkTables, type CheckReport, type Finding } from '../../checks/index.ts';
import type { Classification } from '../../classification/classification.ts';
import { tableToJson } from '../../formats/json.ts';
import { readDisclosure, type ReadResult } from '../read/index.ts';
import { leaves, type Table } from '../../ir/table.ts';
import { layoutSet, type LayoutId, type LayoutSet } from '../layouts/index.ts';
import { auditNarrative } from '../narrative/index.ts';
import { coverageOf } from './coverage.ts';
import { checkFamily } from './family-checks.ts';

export interface Audit {
  read: ReadResult;
  report: CheckReport;
  set: LayoutSet;
}

/** `parallel`: read a PDF's pages on a second thread too (the CLI; a server's or batch's worker leaves it off). */
export async function audit(path: string, layout: LayoutId | 'auto', classification: Classification, { parallel = false } = {}): Promise<Audit> {
  const read = await readDisclosure(path, { layout, classification, parallel });
  const set = layoutSet(read.layout, classification);
  if (read.grid) return { read, report: await withNarrative(path, read, checkFamily(read.grid), read.grid.tables), set };
  const report = checkTables(read.tables, { classification, rules: set.rules, expectedTables: set.tables.map((t) => t.id) });
  // The function-code rules read every 类/款/项 row as 支出功能分类; economic-class trees are not.
  const econ = new Set(set.tables.filter((t) => t.codes === 'deptEcon').map((t) => t.id));
  report.findings = report.findings.filter((f) => !(f.rule.startsWith('C-function') && econ.has(f.table ?? ''))).map((f) => guessed(f, read));
  return { read, report: await withNarrative(path, read, report, read.tables), set };
}

/** The 说明 (running text) checked against itself and the tables read; a table figure placed by guess is not judged. */
async function withNarrative(path: string, read: ReadResult, report: CheckReport, tables: Table[]): Promise<CheckReport> {
  const narrative = await auditNarrative(path, tables, read.pages);
  report.findings.push(...narrative.findings.map((f) => guessed(f, read)));
  report.rulesRun.push(...narrative.rulesRun);
  return report;
}

export function auditJson({ read, report, set }: Audit) {
  return {
    layout: read.layout,
    tables: read.tables.map(tableToJson),
    findings: report.findings,
    coverage: coverageOf({ read, report, set }),
    ambiguities: read.ambiguities,
    warnings: read.warnings,
  };
}

/**
 * A finding at a cell whose figure the reader placed by guess, or at a parent whose children's
 * figures there are guessed, says nothing about the disclosure: it is kept as information.
 */
function guessed(f: Finding, read: ReadResult): Finding {
  const t = read.tables.find((x) => x.id === f.table);
  if (!t || f.row === undefined || !f.column) return f;
  const col = leaves(t.header).find((c) => c.key === f.column)?.key;
  const rows = new Set([f.row, ...parents(t).flatMap((p, i) => (p === f.row ? [i] : []))]);
  const unsure = read.ambiguities.some((a) => a.table === t.id && rows.has(a.row) && a.candidates.some((c) => c.length > 1 && c.includes(col!)));
  if (!unsure || f.severity === 'info') return f;
  return { ...f, severity: 'info', message: `（数字位置不能确定，未作判断）${f.message}`, messageEn: `(figure placement uncertain, not judged) ${f.messageEn}` };
}
