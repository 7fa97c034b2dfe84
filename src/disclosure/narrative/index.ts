/**
 * The 说明 of a published disclosure checked against itself and against the tables read from the
 * same document: figures named in the text (totals, 财政拨款, 一般公共预算, “三公”经费, 机关运行经费)
 * against the tables, year-on-year and outturn statements against their own figures, placeholders,
 * years, 部门/单位 wording and the 目录. Findings point at the page, line and sentence.
 */
import type { Table } from '../../ir/table.ts';
import { checkAgainstTables } from './against-tables.ts';
import { checkChanges } from './changes.ts';
import { checkContents } from './contents.ts';
import { narrativeContext } from './context.ts';
import type { PdfPage } from '../read/pdf/document.ts';
import { documentLines, linesOfPages, type DocLine } from './document.ts';
import { checkExecution } from './execution.ts';
import { NARRATIVE_RULES, type NarrativeFinding } from './rules.ts';
import { checkItemTables } from './item-tables.ts';
import { checkItems } from './items.ts';
import { checkShares } from './shares.ts';
import { checkPlaceholders, checkWording, checkYears } from './text-rules.ts';

export type { DocLine } from './document.ts';
export { linesOfPdf, linesOfText } from './document.ts';
export { NARRATIVE_RULES, renderNarrative, type NarrativeFinding } from './rules.ts';

export function checkNarrative(lines: DocLine[], tables: Table[]): NarrativeFinding[] {
  const ctx = narrativeContext(lines);
  return [
    ...checkAgainstTables(ctx, tables),
    ...checkItemTables(ctx, tables),
    ...checkChanges(ctx),
    ...checkExecution(ctx),
    ...checkShares(ctx),
    ...checkItems(ctx),
    ...checkPlaceholders(ctx),
    ...checkYears(ctx),
    ...checkWording(ctx),
    ...checkContents(ctx, tables),
  ];
}

/** The 说明 findings of a disclosure file, and the rules run (none for a file type without running text). */
export async function auditNarrative(path: string, tables: Table[], pages?: PdfPage[]): Promise<{ findings: NarrativeFinding[]; rulesRun: string[] }> {
  const lines = pages ? linesOfPages(pages) : await documentLines(path);
  return { findings: checkNarrative(lines, tables), rulesRun: lines.length ? NARRATIVE_RULES.map((r) => r.id) : [] };
}
