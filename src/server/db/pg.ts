import pg from 'pg';
import type { Db, Queryable } from './db.ts';

/**
 * A PostgreSQL server through a pg Pool. int8 stays a string (pg's default). An idle client whose
 * connection drops (server restart, pg_terminate_backend) makes the pool emit 'error'; unheard,
 * that would end the process, so it is logged and the pool opens a new client on the next query.
 */
export async function openPg(url: string, onIdleError: (e: Error) => void = (e) => console.error(`PostgreSQL: idle connection lost: ${e.message}`)): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', onIdleError);
  await pool.query('select 1');
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T[],
    exec: async (sql: string) => {
      await c.query(sql);
    },
  });
  return {
    kind: 'pg',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
