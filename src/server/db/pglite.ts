import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';

const INT8 = 20;

/** PGlite in a data folder, or in memory when `dir` is undefined or `memory://`. */
export async function openPglite(dir?: string): Promise<Db> {
  const inMemory = !dir || dir.startsWith('memory://');
  if (!inMemory) mkdirSync(dir, { recursive: true });
  // int8 as text, like pg, so that toSafeNumber sees the exact digits.
  const pg = await PGlite.create(inMemory ? undefined : dir, { parsers: { [INT8]: (x: string) => x } });
  const wrap = (q: PGlite | Transaction): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, params)).rows,
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
