/**
 * The server's code lists: the shipped lists of a year overlaid by the lists the finance
 * department imported (kept in the database, so every server on it agrees). Importing reads the
 * file as `yusuan codes import` does; a list with any problem is refused whole.
 */
import { createHash } from 'node:crypto';
import type { Classification } from '../../classification/classification.ts';
import { LIST_KINDS, type ListKind } from '../../classification/import.ts';
import { loadClassification } from '../../classification/load.ts';
import { listCsv } from '../../classification/user-lists.ts';
import { readCodeListFile } from '../../formats/input/code-list-file.ts';
import { type User, requireAdmin } from '../access.ts';
import type { Db, Queryable } from '../db/db.ts';
import { recordAudit } from '../repo/audit.ts';
import { codeListsOf, saveCodeList, type StoredCodeList } from '../repo/code-lists.ts';

const KEYS = { function: 'function', 'dept-econ': 'deptEcon', 'gov-econ': 'govEcon' } as const;

/** Built lists by year, with the import stamps they were built from. */
const cache = new Map<number, { stamp: string; classification: Classification }>();

export async function classificationFor(q: Queryable, year: number): Promise<Classification> {
  const lists = await codeListsOf(q, year);
  const stamp = lists.map((l) => `${l.kind}:${l.sha256}:${l.importedAt}`).join('|');
  const hit = cache.get(year);
  if (hit?.stamp === stamp) return hit.classification;
  const extra = Object.fromEntries(
    lists.map((l) => [
      KEYS[l.kind],
      [{ path: `数据库：${l.sourceName}`, origin: 'database' as const, text: l.content, provenance: { description: `${l.year} 年${LIST_KINDS[l.kind].label}，由 ${l.importedBy ?? '管理员'} 从 ${l.sourceName} 导入`, source: l.sourceName, sha256: l.sha256, importedAt: l.importedAt, levels: l.levels } }],
    ]),
  );
  // The server's lists are the shipped ones and its database's, never a user folder of the machine.
  const classification = loadClassification(year, undefined, null, extra);
  cache.set(year, { stamp, classification });
  return classification;
}

export interface ImportedCodeList {
  year: number;
  kind: ListKind;
  sourceName: string;
  sha256: string;
  levels: StoredCodeList['levels'];
  subjects: number;
}

export async function importCodeList(db: Db, user: User | null, year: number, kind: ListKind, bytes: Buffer, fileName: string): Promise<ImportedCodeList> {
  const admin = requireAdmin(user);
  const list = await readCodeListFile(bytes, fileName, kind);
  const result = { year, kind, sourceName: fileName, sha256: createHash('sha256').update(bytes).digest('hex'), levels: list.levels, subjects: list.subjects.length };
  await db.transaction(async (tx) => {
    await saveCodeList(tx, { ...result, content: listCsv(list.subjects) }, admin.id);
    await recordAudit(tx, admin, { action: 'import', entity: 'code_list', entityId: `${year}/${kind}`, year, after: result });
  });
  return result;
}
