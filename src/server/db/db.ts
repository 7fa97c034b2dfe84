/**
 * One storage interface over PGlite (embedded) and a PostgreSQL server (pg Pool): the same SQL
 * runs on both. Rows come back as plain objects; `bigint` columns come back as strings from both
 * drivers and are converted with `toSafeNumber`, which refuses values a JS number cannot hold.
 */

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Converts a bigint column (string, number or bigint) to a number, exactly. */
export function toSafeNumber(v: unknown, what = 'bigint'): number {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || (typeof v === 'string' && !/^-?\d+$/.test(v))) {
    throw new RangeError(`${what} 的值 ${String(v)} 超出可精确表示的范围`);
  }
  return n;
}

/** The first row, or undefined. */
export async function one<T>(q: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  return (await q.query<T>(sql, params))[0];
}

/**
 * Opens storage: a PostgreSQL server when `url` is given (e.g. DATABASE_URL), else PGlite in
 * `dir` (`memory://` or undefined for an in-memory database, as in tests).
 */
export async function openDb(opts: { url?: string; dir?: string }): Promise<Db> {
  if (opts.url) return (await import('./pg.ts')).openPg(opts.url);
  return (await import('./pglite.ts')).openPglite(opts.dir);
}
