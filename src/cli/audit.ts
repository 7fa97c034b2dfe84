/**
 * `yusuan audit <file>`: reads a published disclosure (text now; PDF and xlsx when their readers
 * are registered), runs the checks on the tables read, and reports findings, coverage and the
 * figures the reader could only place by guess. Exit 0: no error; 1: errors; 2: unreadable file.
 */
import { writeFileSync } from 'node:fs';
import { parents } from '../checks/engine.ts';
import { checkTables, HUNAN_23_RULES, type CheckReport, type Finding } from '../checks/index.ts';
import type { Rule } from '../checks/rule.ts';
import type { Classification } from '../classification/classification.ts';
import { cachedClassification, shippedYears } from '../classification/load.ts';
import { tableToJson } from '../formats/json.ts';
import { leaves } from '../ir/table.ts';
import { DisclosureError, readDisclosure, READABLE, type ReadResult } from '../formats/readers/index.ts';
import { LAYOUT_IDS, layoutSet, type LayoutId, type LayoutSet } from '../layouts/index.ts';
import { HUNAN_23_HINTS } from '../layouts/hunan-23-hints.ts';
import { STANDARD_9_RULES } from '../layouts/standard-9-rules.ts';
import { auditHtml, auditText } from './audit-report.ts';

export interface AuditOptions {
  layout?: string;
  format?: string;
  lang?: string;
  out?: string;
}

const FORMATS = ['text', 'json', 'html'];
const USAGE = `用法: yusuan audit <file> [--layout auto|${LAYOUT_IDS.join('|')}] [--format ${FORMATS.join('|')}] [--out FILE]（可读取 ${READABLE.join('、')}）`;

export interface Audit {
  read: ReadResult;
  report: CheckReport;
  set: LayoutSet;
}

export async function audit(path: string, layout: LayoutId | 'auto', classification: Classification): Promise<Audit> {
  const read = await readDisclosure(path, { layout, classification });
  const set = layoutSet(read.layout, classification);
  // The reader's placement hints are identities too: they are checked with the catalogue.
  const rules = read.layout === 'hunan-23' ? [...HUNAN_23_RULES, ...HUNAN_23_HINTS] : [...layoutRules(set), ...STANDARD_9_RULES];
  const report = checkTables(read.tables, { classification, rules, expectedTables: set.tables.map((t) => t.id) });
  // The function-code rules read every 类/款/项 row as 支出功能分类; economic-class trees are not.
  const econ = new Set(set.tables.filter((t) => t.codes === 'deptEcon').map((t) => t.id));
  report.findings = report.findings.filter((f) => !(f.rule.startsWith('C-function') && econ.has(f.table ?? ''))).map((f) => guessed(f, read));
  return { read, report, set };
}

export async function runAudit(positionals: string[], opts: AuditOptions): Promise<number> {
  const [path] = positionals;
  const layout = (opts.layout ?? 'auto') as LayoutId | 'auto';
  const format = opts.format ?? 'text';
  if (!path || (layout !== 'auto' && !LAYOUT_IDS.includes(layout)) || !FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const classification = cachedClassification(shippedYears().at(-1)!);
  let result: Audit;
  try {
    result = await audit(path, layout, classification);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof DisclosureError || code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      console.error(e instanceof DisclosureError ? e.message : `无法读取 ${path}：${code === 'ENOENT' ? '文件不存在' : code}`);
      return 2;
    }
    throw e;
  }
  const output =
    format === 'json' ? JSON.stringify(auditJson(result), null, 1) + '\n' : format === 'html' ? auditHtml(result) : auditText(result, opts.lang === 'en' ? 'en' : 'zh') + '\n';
  if (opts.out) writeFileSync(opts.out, output);
  else process.stdout.write(output);
  return result.report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export function auditJson({ read, report, set }: Audit) {
  return {
    layout: read.layout,
    tables: read.tables.map(tableToJson),
    findings: report.findings,
    coverage: {
      tablesExpected: set.tables.length,
      tablesFound: read.tables.length,
      tablesMissing: read.missing,
      rulesRun: report.rulesRun,
      rulesNotRun: report.rulesNotRun,
    },
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

/** Row sums and row hierarchies of a layout without a rule catalogue of its own. */
export function layoutRules(set: LayoutSet): Rule[] {
  return set.tables.flatMap((t): Rule[] => {
    const label = new Map(leaves(t.header).map((c) => [c.key, c.path.join('·')]));
    return [
    ...(t.sums ?? []).map((s, i): Rule => ({
      id: `I${t.id}-row${i + 1}`,
      kind: 'rowSum',
      severity: 'error',
      tables: [t.id],
      table: t.id,
      total: s.key,
      parts: s.parts,
      formula: `${label.get(s.key)} = ${s.parts.map((p) => label.get(p)).join(' + ')}`,
    })),
    ...(t.rows === 'lists' || t.rows === 'goals'
      ? []
      : [{ id: `I${t.id}-tree`, kind: 'tree' as const, severity: 'error' as const, tables: [t.id], table: t.id, formula: '上级行 = Σ下级行（各金额列）' }]),
    ];
  });
}
