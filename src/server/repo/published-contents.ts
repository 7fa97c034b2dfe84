/** The stored text of many published snapshots at once, for views over the whole portal. */
import type { Queryable } from '../db/db.ts';

export interface SnapshotRef {
  unitCode: string;
  year: number;
  version: number;
}

export async function getSnapshotContents(q: Queryable, refs: SnapshotRef[]): Promise<(SnapshotRef & { content: string })[]> {
  return byRefs(q, 's.content', refs);
}

/**
 * The `budget` member of each snapshot's text, cut out by the database so that the 23 tables
 * (two thirds of the text) are neither sent nor parsed: snapshots are written by one function
 * (services/snapshot.ts) with `budget` just before `tables`. `budget` is null where that does not
 * hold; the caller then reads the whole content.
 */
export async function getSnapshotBudgetTexts(q: Queryable, refs: SnapshotRef[]): Promise<(SnapshotRef & { budget: string | null })[]> {
  return byRefs(
    q,
    `CASE WHEN strpos(s.content, '"budget":') > 0 AND strpos(s.content, ',"tables":') > strpos(s.content, '"budget":')
       THEN substring(s.content, strpos(s.content, '"budget":') + 9, strpos(s.content, ',"tables":') - strpos(s.content, '"budget":') - 9) END AS budget`,
    refs,
  );
}

async function byRefs<T>(q: Queryable, what: string, refs: SnapshotRef[]): Promise<(SnapshotRef & T)[]> {
  if (!refs.length) return [];
  return q.query(
    `SELECT s.unit_code AS "unitCode", s.year, s.version, ${what}
     FROM published_snapshots s JOIN unnest($1::text[], $2::int[], $3::int[]) AS r(unit_code, year, version)
       ON s.unit_code = r.unit_code AND s.year = r.year AND s.version = r.version`,
    [refs.map((r) => r.unitCode), refs.map((r) => r.year), refs.map((r) => r.version)],
  );
}

/**
 * Changes whenever a snapshot is published (snapshots are append-only: the last id and the count)
 * or a unit or department is renamed or moved: a cheap key for views computed over all of them.
 */
export async function publishedStamp(q: Queryable): Promise<string> {
  const [r] = await q.query<Record<string, unknown>>(
    `SELECT (SELECT max(id) FROM published_snapshots) AS last, (SELECT count(*) FROM published_snapshots) AS n,
       (SELECT md5(string_agg(code || ':' || department_code || ':' || name, '|' ORDER BY code)) FROM units) AS units,
       (SELECT md5(string_agg(code || ':' || name, '|' ORDER BY code)) FROM departments) AS depts`,
  );
  return JSON.stringify(r);
}
