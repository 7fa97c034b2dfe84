/**
 * The budget's workflow (录入 → 送审 → 审核/退回 → 公开):
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published
 *     ▲  ◀─withdraw──┘     └──return──▶ returned ──submit──▶ submitted
 *
 * Editing (import, line items) is allowed in every state but `submitted` (locked while under
 * review) and puts the budget back to draft; a later publish then makes snapshot version n+1.
 * Publishing is refused while the checks report errors.
 */
import { summarize } from '../../overview/overview.ts';
import { type Action, authorize, type User } from '../access.ts';
import type { Db } from '../db/db.ts';
import type { Queryable } from '../db/db.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import { recordAudit } from '../repo/audit.ts';
import { type BudgetRow, getBudgetForUpdate, type Status, updateBudget, versionConflict } from '../repo/budgets.ts';
import type { UnitRow } from '../repo/org.ts';
import { insertSnapshotSummaries } from '../repo/snapshot-summaries.ts';
import { insertSnapshot, nextSnapshotVersion, type SnapshotMeta } from '../repo/snapshots.ts';
import { loadUnitBudget } from './model.ts';
import type { OutputCache } from './outputs.ts';
import { snapshotContent } from './snapshot.ts';

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', action: 'submit', label: '送审' },
  withdraw: { from: ['submitted'], to: 'draft', action: 'edit', label: '撤回送审' },
  approve: { from: ['submitted'], to: 'approved', action: 'review', label: '审核通过' },
  return: { from: ['submitted'], to: 'returned', action: 'review', label: '退回' },
  publish: { from: ['approved'], to: 'published', action: 'publish', label: '公开' },
} as const satisfies Record<string, { from: Status[]; to: Status; action: Action; label: string }>;
export type Transition = keyof typeof TRANSITIONS;

export const STATUS_LABELS: Record<Status, string> = {
  draft: '编制中',
  submitted: '已送审',
  approved: '审核通过',
  returned: '已退回',
  published: '已公开',
};

export function assertEditable(row: BudgetRow) {
  if (row.status === 'submitted') throw conflict('预算已送审，审核期间不能修改；请先撤回送审或由审核人退回');
}

export interface TransitionResult {
  row: BudgetRow;
  snapshot?: SnapshotMeta;
}

export async function transition(
  db: Db,
  outputs: OutputCache,
  user: User,
  unit: UnitRow,
  year: number,
  name: Transition,
  expectedVersion: number,
  comment?: string,
): Promise<TransitionResult> {
  const t = TRANSITIONS[name];
  authorize(user, t.action, unit);
  if (name === 'return' && !comment?.trim()) throw invalidInput('退回时须填写退回意见');
  return db.transaction(async (tx) => {
    // the row lock serialises concurrent transitions (two publishes cannot both number v n)
    const current = await getBudgetForUpdate(tx, unit.code, year);
    if (!current) throw notFound(`${unit.name}（${unit.code}）${year} 年度预算尚未导入`);
    if (current.version !== expectedVersion) throw versionConflict(expectedVersion, current.version);
    if (!(t.from as readonly Status[]).includes(current.status)) {
      throw conflict(`当前状态为“${STATUS_LABELS[current.status]}”，不能${t.label}（仅限${t.from.map((s) => `“${STATUS_LABELS[s]}”`).join('、')}状态）`, {
        status: current.status,
      });
    }
    let snapshot: SnapshotMeta | undefined;
    if (name === 'publish') {
      const loaded = await loadUnitBudget(tx, unit, year);
      const { tables, report } = outputs.of(loaded);
      const errors = report.findings.filter((f) => f.severity === 'error');
      if (errors.length) throw invalidInput(`检查发现 ${errors.length} 个错误，不能公开；请先修正`, { findings: errors });
      const version = await nextSnapshotVersion(tx, unit.code, year);
      const publishedAt = new Date().toISOString();
      const content = snapshotContent({ loaded, tables, version, publishedAt });
      snapshot = await insertSnapshot(tx, { unitCode: unit.code, year, version, budgetVersion: current.version + 1, content, publishedAt, userId: user.id });
      // the province overview reads this instead of the snapshot
      await insertSnapshotSummaries(tx, [{ unitCode: unit.code, year, version, ...summarize(loaded.budget) }]);
    }
    const reviewComment = name === 'approve' || name === 'return' ? (comment?.trim() ?? null) : undefined;
    const row = await updateBudget(tx, current.id, expectedVersion, { status: t.to, reviewComment }, user.id);
    await recordAudit(tx, user, {
      action: name,
      entity: 'budget',
      entityId: row.id,
      unitCode: unit.code,
      year,
      before: { status: current.status, version: current.version },
      after: { status: row.status, version: row.version, ...(comment ? { comment } : {}), ...(snapshot ? { snapshotVersion: snapshot.version } : {}) },
    });
    return { row, snapshot };
  });
}

/** Starts an edit: checks the version and state, and puts the budget back to draft. */
export async function beginEdit(tx: Queryable, user: User, row: BudgetRow, expectedVersion: number): Promise<BudgetRow> {
  assertEditable(row);
  return updateBudget(tx, row.id, expectedVersion, { status: 'draft' }, user.id);
}
