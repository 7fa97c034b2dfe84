/** The audit log (留痕): who changed what, when, with the state before and after. Append-only. */
import type { User } from '../access.ts';
import { toSafeNumber, type Queryable } from '../db/db.ts';

export interface AuditEntry {
  action: string;
  entity: 'budget' | 'line_item' | 'snapshot' | 'user' | 'unit' | 'code_list';
  entityId: string | number;
  unitCode?: string;
  year?: number;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(q: Queryable, user: User | null, e: AuditEntry) {
  await q.query(
    `INSERT INTO audit_log (user_id, username, action, entity, entity_id, unit_code, year, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      user?.id ?? null,
      user?.username ?? null,
      e.action,
      e.entity,
      String(e.entityId),
      e.unitCode ?? null,
      e.year ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

export interface AuditRecord {
  id: number;
  at: Date;
  username: string | null;
  /** The user's display name now (null for a system action or a removed user). */
  displayName: string | null;
  action: string;
  entity: string;
  entityId: string;
  unitCode: string | null;
  year: number | null;
  before: unknown;
  after: unknown;
}

/** Newest first. `where` is a condition on `a` (and `u`, the unit) with its parameters. */
export async function listAudit(q: Queryable, where: string, params: unknown[], limit: number, beforeId?: number): Promise<AuditRecord[]> {
  const rows = await q.query<AuditRecord & { id: string }>(
    `SELECT a.id, a.at, a.username, (SELECT display_name FROM users WHERE id = a.user_id) AS "displayName", a.action, a.entity, a.entity_id AS "entityId", a.unit_code AS "unitCode", a.year, a.before, a.after
     FROM audit_log a LEFT JOIN units u ON u.code = a.unit_code
     WHERE (${where}) AND ($${params.length + 1}::bigint IS NULL OR a.id < $${params.length + 1})
     ORDER BY a.id DESC LIMIT $${params.length + 2}`,
    [...params, beforeId ?? null, limit],
  );
  return rows.map((r) => ({ ...r, id: toSafeNumber(r.id) }));
}
