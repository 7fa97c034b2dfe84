/**
 * Imports an input (budget.json + line-items CSV, or the input workbook) as the budgets of its
 * units for its year. Everything happens in one transaction: if any unit fails, no budget changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Budget } from '../../model/budget.ts';
import { readBudgetFolder, type LoadedBudget } from '../../formats/input/budget-folder.ts';
import { InputError } from '../../formats/input/errors.ts';
import { cachedClassification } from '../../classification/load.ts';
import { runFileJob, type FileJobs } from './file-jobs.ts';
import type { WorkbookOutcome } from './worker-jobs.ts';
import { authorize, type User } from '../access.ts';
import type { Db } from '../db/db.ts';
import { forbidden, invalidInput } from '../errors.ts';
import { recordAudit } from '../repo/audit.ts';
import { getBudgetForUpdate, insertBudget, type Status, updateBudget } from '../repo/budgets.ts';
import { deleteAllLineItems, insertLineItems } from '../repo/line-items.ts';
import { getUnit, upsertDepartment, upsertUnit } from '../repo/org.ts';
import { totalOf, unitPart } from './model.ts';
import { assertEditable } from './workflow.ts';

/**
 * Parses budget.json content and line-items CSV text with the same reader as `yusuan build`.
 * File references inside budget.json are ignored: the server reads only what was uploaded.
 */
export function parseJsonInput(budgetJson: unknown, lineItemsCsv: string): LoadedBudget {
  if (typeof budgetJson !== 'object' || budgetJson === null || Array.isArray(budgetJson)) {
    throw new InputError([{ file: 'budget.json', message: '应为 JSON 对象' }]);
  }
  if ('classification' in budgetJson) {
    throw new InputError([{ file: 'budget.json', path: 'classification', message: '在线导入不支持自定义分类目录，请删除 classification 字段' }]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-import-'));
  try {
    writeFileSync(join(dir, 'budget.json'), JSON.stringify({ ...budgetJson, lineItems: 'line-items.csv' }));
    writeFileSync(join(dir, 'line-items.csv'), lineItemsCsv);
    return readBudgetFolder(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads an uploaded input workbook in a file worker (exceljs on a hostile file costs that worker only). */
export async function parseWorkbookInput(jobs: FileJobs, bytes: Buffer, fileName: string, signal?: AbortSignal): Promise<LoadedBudget> {
  const outcome = await runFileJob<WorkbookOutcome>(jobs, { kind: 'workbook', bytes, name: fileName }, fileName, signal);
  if (!outcome.ok) throw new InputError(outcome.problems);
  return { budget: outcome.budget, classification: cachedClassification(outcome.budget.year) };
}

export interface ImportTarget {
  unit: string;
  year: number;
  /** If given, the budget must still be at this version. */
  expectedVersion?: number;
}

export interface ImportResult {
  unitCode: string;
  year: number;
  version: number;
  status: Status;
  lineItems: number;
  totalFen: number;
}

/** Imports all units of `budget`, or only `target.unit`. */
export async function importBudget(db: Db, user: User, budget: Budget, target?: ImportTarget): Promise<ImportResult[]> {
  const units = target ? budget.units.filter((u) => u.code === target.unit) : budget.units;
  if (target && budget.year !== target.year) throw invalidInput(`导入文件的年度为 ${budget.year}，与所选预算年度 ${target.year} 不符`);
  if (target && !units.length) throw invalidInput(`导入文件中没有单位 ${target.unit}`);
  for (const u of units) {
    const existing = await getUnit(db, u.code);
    if (!existing) {
      if (user.role !== 'admin') throw forbidden(`单位 ${u.code}（${u.name}）尚未登记，只有财政部门管理员可以导入新单位`);
    } else {
      authorize(user, 'edit', existing);
      if (existing.departmentCode !== budget.department.code) {
        throw invalidInput(`单位 ${u.code} 属于部门 ${existing.departmentCode}，导入文件写的是部门 ${budget.department.code}`);
      }
    }
  }
  return db.transaction(async (tx) => {
    if (user.role === 'admin') {
      await upsertDepartment(tx, budget.department.code, budget.department.name);
      for (const u of units) await upsertUnit(tx, { code: u.code, departmentCode: budget.department.code, name: u.name, type: u.type });
    }
    const results: ImportResult[] = [];
    for (const u of units) {
      const { document, lineItems } = unitPart(budget, u.code);
      let row = await getBudgetForUpdate(tx, u.code, budget.year);
      const before = row && { version: row.version, status: row.status };
      if (row) {
        assertEditable(row);
        row = await updateBudget(tx, row.id, target?.expectedVersion ?? row.version, { document, status: 'draft', reviewComment: null }, user.id);
        await deleteAllLineItems(tx, row.id);
      } else {
        if (target?.expectedVersion !== undefined) throw invalidInput(`${u.code} ${budget.year} 年度预算尚不存在，不能指定版本号`);
        row = await insertBudget(tx, u.code, budget.year, document, user.id);
      }
      await insertLineItems(tx, row.id, lineItems);
      const result = { unitCode: u.code, year: budget.year, version: row.version, status: row.status, lineItems: lineItems.length, totalFen: totalOf(lineItems) };
      await recordAudit(tx, user, { action: 'import', entity: 'budget', entityId: row.id, unitCode: u.code, year: budget.year, before, after: result });
      results.push(result);
    }
    return results;
  });
}
