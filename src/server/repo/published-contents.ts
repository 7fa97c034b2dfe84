/** The stored text of many published snapshots at once, for views over the whole portal. */
import type { Queryable } from '../db/db.ts';

export interface SnapshotRef {
  unitCode: string;
  year: number;
  version: number;
}

export async function getSnapshotContents(q: Queryable, refs: SnapshotRef[]): Promise<(SnapshotRef & { content: string })[]> {
  if (!refs.length) return [];
  return q.query(
    `SELECT s.unit_code AS "unitCode", s.year, s.version, s.content
     FROM published_snapshots s JOIN unnest($1::text[], $2::int[], $3::int[]) AS r(unit_code, year, version)
       ON s.unit_code = r.unit_code AND s.year = r.year AND s.version = r.version`,
    [refs.map((r) => r.unitCode), refs.map((r) => r.year), refs.map((r) => r.version)],
  );
}
