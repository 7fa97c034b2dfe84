/** Published snapshots: immutable, numbered per unit and year; the database refuses updates and deletes. */
import { createHash } from 'node:crypto';
import { one, type Queryable } from '../db/db.ts';

export interface SnapshotMeta {
  unitCode: string;
  year: number;
  version: number;
  budgetVersion: number;
  contentHash: string;
  publishedAt: Date;
  publishedBy: string | null;
}

export interface Snapshot extends SnapshotMeta {
  /** The exact JSON text; sha256(content) = contentHash. */
  content: string;
}

const META = `s.unit_code AS "unitCode", s.year, s.version, s.budget_version AS "budgetVersion", s.content_hash AS "contentHash",
  s.published_at AS "publishedAt", (SELECT display_name FROM users WHERE id = s.published_by) AS "publishedBy"`;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function nextSnapshotVersion(q: Queryable, unit: string, year: number): Promise<number> {
  return (await one<{ n: number }>(q, 'SELECT COALESCE(max(version), 0)::int + 1 AS n FROM published_snapshots WHERE unit_code = $1 AND year = $2', [unit, year]))!.n;
}

export async function insertSnapshot(
  q: Queryable,
  s: { unitCode: string; year: number; version: number; budgetVersion: number; content: string; publishedAt: string; userId: number },
): Promise<SnapshotMeta> {
  return (await one<SnapshotMeta>(
    q,
    `INSERT INTO published_snapshots AS s (unit_code, year, version, budget_version, content, content_hash, published_at, published_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${META}`,
    [s.unitCode, s.year, s.version, s.budgetVersion, s.content, sha256(s.content), s.publishedAt, s.userId],
  ))!;
}

const BY_VERSION = `FROM published_snapshots s WHERE s.unit_code = $1 AND s.year = $2 AND ($3::int IS NULL OR s.version = $3)
  ORDER BY s.version DESC LIMIT 1`;

/** Version `n`, or the latest when `n` is undefined. */
export async function getSnapshot(q: Queryable, unit: string, year: number, n?: number): Promise<Snapshot | undefined> {
  return one(q, `SELECT ${META}, s.content ${BY_VERSION}`, [unit, year, n ?? null]);
}

/** The same without the content (which may be large). */
export async function getSnapshotMeta(q: Queryable, unit: string, year: number, n?: number): Promise<SnapshotMeta | undefined> {
  return one(q, `SELECT ${META} ${BY_VERSION}`, [unit, year, n ?? null]);
}

export async function listSnapshotVersions(q: Queryable, unit: string, year: number): Promise<SnapshotMeta[]> {
  return q.query(`SELECT ${META} FROM published_snapshots s WHERE s.unit_code = $1 AND s.year = $2 ORDER BY s.version`, [unit, year]);
}

export interface PublishedPackage {
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  unitName: string;
  year: number;
  latestVersion: number;
  publishedAt: Date;
}

/** Every unit-year with at least one published snapshot. */
export async function listPublished(q: Queryable): Promise<PublishedPackage[]> {
  return q.query(
    `SELECT d.code AS "departmentCode", d.name AS "departmentName", u.code AS "unitCode", u.name AS "unitName", s.year,
       max(s.version)::int AS "latestVersion", max(s.published_at) AS "publishedAt"
     FROM published_snapshots s JOIN units u ON u.code = s.unit_code JOIN departments d ON d.code = u.department_code
     GROUP BY d.code, d.name, u.code, u.name, s.year ORDER BY d.code, u.code, s.year DESC`,
  );
}

export interface UnitLatest {
  code: string;
  name: string;
  /** null: nothing published for the year yet */
  version: number | null;
  publishedAt: Date | null;
  contentHash: string | null;
}

/** A department and every one of its units with its latest snapshot of `year`, if any; undefined for an unknown department. */
export async function listDepartmentLatest(q: Queryable, dept: string, year: number): Promise<{ code: string; name: string; units: UnitLatest[] } | undefined> {
  const rows = await q.query<{ deptName: string } & UnitLatest>(
    `SELECT d.name AS "deptName", u.code, u.name, s.version, s.published_at AS "publishedAt", s.content_hash AS "contentHash"
     FROM departments d
     LEFT JOIN units u ON u.department_code = d.code
     LEFT JOIN LATERAL (SELECT version, published_at, content_hash FROM published_snapshots
       WHERE unit_code = u.code AND year = $2 ORDER BY version DESC LIMIT 1) s ON true
     WHERE d.code = $1 ORDER BY u.code`,
    [dept, year],
  );
  if (!rows.length) return undefined;
  return { code: dept, name: rows[0].deptName, units: rows.filter((r) => r.code !== null).map(({ deptName: _, ...u }) => u) };
}
