/**
 * A PostgreSQL server (when DATABASE_URL is set): an idle pooled connection killed by the server
 * must not end the process, and the next query gets a new connection.
 */
import pg from 'pg';
import { expect, test } from 'vitest';
import { openPg } from '../../src/server/db/pg.ts';

const url = process.env.DATABASE_URL;

test.skipIf(!url)('an idle client terminated by the server is reported, not thrown', async () => {
  const lost: Error[] = [];
  const db = await openPg(url!, (e) => lost.push(e));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const [{ pid }] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect.poll(() => lost.length, { timeout: 5000 }).toBeGreaterThan(0);
    const [{ one }] = await db.query<{ one: number }>('SELECT 1 AS one');
    expect(one).toBe(1);
  } finally {
    await admin.end();
    await db.close();
  }
});
