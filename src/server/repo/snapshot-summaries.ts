/** Stored summaries of published snapshots (migrations/004): what the province overview reads. */
import type { PackageSummary } from '../../overview/overview.ts';
import type { Queryable } from '../db/db.ts';
import type { SnapshotRef } from './published-contents.ts';

export type SnapshotSummary = SnapshotRef & Pick<PackageSummary, 'totalFen' | 'functionFen'>;

/** Stores summaries; one already stored (another server's backfill) is left as it is. */
export async function insertSnapshotSummaries(q: Queryable, rows: SnapshotSummary[]): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `INSERT INTO snapshot_summaries (unit_code, year, version, total_fen, function_fen)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::bigint[], $5::jsonb[])
     ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.unitCode), rows.map((r) => r.year), rows.map((r) => r.version), rows.map((r) => String(r.totalFen)), rows.map((r) => JSON.stringify(r.functionFen))],
  );
}

/** The stored summaries of these snapshots (those without one are absent). */
export async function getSnapshotSummaries(q: Queryable, refs: SnapshotRef[]): Promise<SnapshotSummary[]> {
  if (!refs.length) return [];
  const rows = await q.query<SnapshotRef & { totalFen: string | number; functionFen: Record<string, number> | string }>(
    `SELECT s.unit_code AS "unitCode", s.year, s.version, s.total_fen AS "totalFen", s.function_fen AS "functionFen"
     FROM snapshot_summaries s JOIN unnest($1::text[], $2::int[], $3::int[]) AS r(unit_code, year, version)
       ON s.unit_code = r.unit_code AND s.year = r.year AND s.version = r.version`,
    [refs.map((r) => r.unitCode), refs.map((r) => r.year), refs.map((r) => r.version)],
  );
  // int8 arrives as a string (pg's default); jsonb parsed by both drivers, text only if configured so
  return rows.map((r) => ({ ...r, totalFen: Number(r.totalFen), functionFen: typeof r.functionFen === 'string' ? JSON.parse(r.functionFen) : r.functionFen }));
}
