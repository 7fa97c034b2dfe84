/** Code lists the finance department imported for a year (one per kind); they overlay the shipped lists. */
import type { Level } from '../../classification/codes.ts';
import type { ListKind } from '../../classification/import.ts';
import type { Queryable } from '../db/db.ts';

export interface StoredCodeList {
  year: number;
  kind: ListKind;
  content: string;
  sourceName: string;
  sha256: string;
  levels: Partial<Record<Level, number>>;
  importedAt: string;
  importedBy: string | null;
}

interface Raw {
  year: number;
  kind: ListKind;
  content: string;
  source_name: string;
  sha256: string;
  levels: Partial<Record<Level, number>>;
  imported_at: Date | string;
  imported_by: string | null;
}

const fromRaw = (r: Raw): StoredCodeList => ({
  year: r.year,
  kind: r.kind,
  content: r.content,
  sourceName: r.source_name,
  sha256: r.sha256,
  levels: r.levels,
  importedAt: new Date(r.imported_at).toISOString(),
  importedBy: r.imported_by,
});

const SELECT = `SELECT l.year, l.kind, l.content, l.source_name, l.sha256, l.levels, l.imported_at, u.username AS imported_by
  FROM code_lists l LEFT JOIN users u ON u.id = l.imported_by`;

export async function codeListsOf(q: Queryable, year?: number): Promise<StoredCodeList[]> {
  const rows = await q.query<Raw>(`${SELECT} ${year === undefined ? '' : 'WHERE l.year = $1'} ORDER BY l.year, l.kind`, year === undefined ? [] : [year]);
  return rows.map(fromRaw);
}

export async function saveCodeList(q: Queryable, l: Omit<StoredCodeList, 'importedAt' | 'importedBy'>, userId: number) {
  await q.query(
    `INSERT INTO code_lists (year, kind, content, source_name, sha256, levels, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (year, kind) DO UPDATE SET content = EXCLUDED.content, source_name = EXCLUDED.source_name, sha256 = EXCLUDED.sha256,
       levels = EXCLUDED.levels, imported_by = EXCLUDED.imported_by, imported_at = now()`,
    [l.year, l.kind, l.content, l.sourceName, l.sha256, JSON.stringify(l.levels), userId],
  );
}
