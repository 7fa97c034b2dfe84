import type { Budget } from '../../model/budget.ts';
import { one, type Queryable } from '../db/db.ts';
import { conflict } from '../errors.ts';

export const STATUSES = ['draft', 'submitted', 'approved', 'returned', 'published'] as const;
export type Status = (typeof STATUSES)[number];

/** The stored part of a unit's budget besides its line items (amounts in 分). */
export type UnitDocument = Pick<Budget, 'filer' | 'projects' | 'yearEndBalances' | 'specialFunds' | 'projectPerformance' | 'unitPerformance' | 'publication'>;

export interface BudgetRow {
  id: number;
  unitCode: string;
  year: number;
  status: Status;
  version: number;
  document: UnitDocument;
  reviewComment: string | null;
  updatedAt: Date;
  updatedBy: number | null;
}

const COLUMNS = `b.id, b.unit_code AS "unitCode", b.year, b.status, b.version, b.document, b.review_comment AS "reviewComment",
  b.updated_at AS "updatedAt", b.updated_by AS "updatedBy"`;

export async function getBudget(q: Queryable, unit: string, year: number): Promise<BudgetRow | undefined> {
  return one(q, `SELECT ${COLUMNS} FROM budgets b WHERE b.unit_code = $1 AND b.year = $2`, [unit, year]);
}

/** Only the id and version (to look up cached outputs). */
export async function getBudgetVersion(q: Queryable, unit: string, year: number): Promise<{ id: number; version: number } | undefined> {
  return one(q, 'SELECT id, version FROM budgets WHERE unit_code = $1 AND year = $2', [unit, year]);
}

/** Locks the row for the rest of the transaction (imports, which replace a budget). */
export async function getBudgetForUpdate(q: Queryable, unit: string, year: number): Promise<BudgetRow | undefined> {
  return one(q, `SELECT ${COLUMNS} FROM budgets b WHERE b.unit_code = $1 AND b.year = $2 FOR UPDATE`, [unit, year]);
}

export interface BudgetSummary {
  unitCode: string;
  unitName: string;
  departmentCode: string;
  year: number;
  status: Status;
  version: number;
  updatedAt: Date;
  publishedVersions: number;
}

export async function listBudgets(q: Queryable, where: string, params: unknown[]): Promise<BudgetSummary[]> {
  return q.query(
    `SELECT b.unit_code AS "unitCode", u.name AS "unitName", u.department_code AS "departmentCode", b.year, b.status, b.version,
       b.updated_at AS "updatedAt",
       (SELECT count(*)::int FROM published_snapshots s WHERE s.unit_code = b.unit_code AND s.year = b.year) AS "publishedVersions"
     FROM budgets b JOIN units u ON u.code = b.unit_code WHERE ${where} ORDER BY b.year DESC, b.unit_code`,
    params,
  );
}

export async function insertBudget(q: Queryable, unit: string, year: number, document: UnitDocument, userId: number | null): Promise<BudgetRow> {
  return (await one<BudgetRow>(
    q,
    `INSERT INTO budgets AS b (unit_code, year, document, updated_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [unit, year, JSON.stringify(document), userId],
  ))!;
}

export interface BudgetChange {
  status?: Status;
  document?: UnitDocument;
  /** null clears it */
  reviewComment?: string | null;
}

/**
 * Applies a change if the budget is still at `expectedVersion`, and increments the version.
 * Under concurrency the second writer waits for the first's row lock, then finds the version
 * changed and gets a 409, so no update is lost.
 */
export async function updateBudget(q: Queryable, id: number, expectedVersion: number, change: BudgetChange, userId: number): Promise<BudgetRow> {
  const row = await one<BudgetRow>(
    q,
    `UPDATE budgets AS b SET version = b.version + 1, status = COALESCE($3, b.status), document = COALESCE($4, b.document),
       review_comment = CASE WHEN $5 THEN $6 ELSE b.review_comment END, updated_at = now(), updated_by = $7
     WHERE b.id = $1 AND b.version = $2 RETURNING ${COLUMNS}`,
    [
      id,
      expectedVersion,
      change.status ?? null,
      change.document ? JSON.stringify(change.document) : null,
      change.reviewComment !== undefined,
      change.reviewComment ?? null,
      userId,
    ],
  );
  if (!row) throw versionConflict(expectedVersion, (await one<{ version: number }>(q, 'SELECT version FROM budgets WHERE id = $1', [id]))?.version);
  return row;
}

export const versionConflict = (expected: number, current: number | undefined) =>
  conflict(`预算已被他人修改（您提交的版本为 ${expected}，当前版本为 ${current ?? '未知'}），请刷新后重试`, {
    expectedVersion: expected,
    currentVersion: current,
  });
