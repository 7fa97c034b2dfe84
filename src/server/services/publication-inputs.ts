/**
 * The inputs of 第一部分 部门预算说明 of one unit's budget (机构设置, staffing, last year's figures,
 * 政府采购, 国有资产, reasons): read and replaced as a whole, validated like budget.json's
 * `publication`, amounts in 万元 in the API and in 分 in the stored document. Saving them is an edit
 * of the budget like any other: the 说明 is part of what is published, so a published (or approved,
 * or returned) budget goes back to draft, and is refused while it is under review.
 */
import { publicationInputsSchema, publicationJson, type PublicationInputsJson, toPublicationInputs } from '../../model/publication-inputs.ts';
import { InputError, type InputProblem } from '../../formats/input/errors.ts';
import { describeIssue, valueAt } from '../../formats/input/workbook/assemble.ts';
import type { User } from '../access.ts';
import type { Db } from '../db/db.ts';
import { notFound } from '../errors.ts';
import { recordAudit } from '../repo/audit.ts';
import { type BudgetRow, getBudgetForUpdate, updateBudget } from '../repo/budgets.ts';
import type { UnitRow } from '../repo/org.ts';
import { assertEditable } from './workflow.ts';

export const INPUTS_UNIT = '万元';

export interface PublicationInputsView {
  version: number;
  amountUnit: typeof INPUTS_UNIT;
  inputs: PublicationInputsJson | null;
}

export const inputsView = (row: BudgetRow): PublicationInputsView => ({
  version: row.version,
  amountUnit: INPUTS_UNIT,
  inputs: row.document.publication ? publicationJson(row.document.publication, INPUTS_UNIT) : null,
});

/** Validates and stores the inputs (null removes them); every problem is reported with its path. */
export async function savePublicationInputs(db: Db, user: User, unit: UnitRow, year: number, body: unknown, expectedVersion: number): Promise<PublicationInputsView> {
  const problems: InputProblem[] = [];
  const file = '预算说明';
  let inputs = undefined;
  if (body !== null) {
    const parsed = publicationInputsSchema.safeParse(body);
    if (!parsed.success)
      throw new InputError(parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: describeIssue(i, valueAt(body, i.path)) })));
    inputs = toPublicationInputs(parsed.data, INPUTS_UNIT, new Set([unit.code]), (i) => problems.push({ file, ...i }));
    if (problems.length) throw new InputError(problems);
  }
  return db.transaction(async (tx) => {
    const row = await getBudgetForUpdate(tx, unit.code, year);
    if (!row) throw notFound(`${unit.name}（${unit.code}）${year} 年度预算尚未导入`);
    assertEditable(row);
    const { publication: _, ...rest } = row.document;
    // As beginEdit does for line items, in the same update as the document (one version step).
    const updated = await updateBudget(tx, row.id, expectedVersion, { document: inputs ? { ...rest, publication: inputs } : rest, status: 'draft' }, user.id);
    await recordAudit(tx, user, {
      action: 'update-publication-inputs',
      entity: 'budget',
      entityId: row.id,
      unitCode: unit.code,
      year,
      before: { version: row.version, status: row.status },
      after: { version: updated.version, status: updated.status, publicationInputs: inputs ? 'saved' : 'removed' },
    });
    return inputsView(updated);
  });
}
