/**
 * The storage layer on each backend: PGlite always, and a PostgreSQL server when DATABASE_URL is
 * set (CI starts one). Each PostgreSQL run gets a fresh database, dropped afterwards.
 */
import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { buildApp } from '../../src/server/app.ts';
import type { User } from '../../src/server/access.ts';
import { type Db, openDb } from '../../src/server/db/db.ts';
import { migrate, MIGRATIONS_DIR } from '../../src/server/db/migrate.ts';
import { ApiError } from '../../src/server/errors.ts';
import { listAudit, recordAudit } from '../../src/server/repo/audit.ts';
import { getBudget, insertBudget, updateBudget } from '../../src/server/repo/budgets.ts';
import { insertLineItems, listLineItems } from '../../src/server/repo/line-items.ts';
import { upsertDepartment, upsertUnit } from '../../src/server/repo/org.ts';
import { createSession, sessionUser } from '../../src/server/repo/sessions.ts';
import { getSnapshotSummaries, insertSnapshotSummaries } from '../../src/server/repo/snapshot-summaries.ts';
import { getSnapshot, insertSnapshot, nextSnapshotVersion, sha256 } from '../../src/server/repo/snapshots.ts';
import { insertUser } from '../../src/server/repo/users.ts';
import { seedExamples } from '../../src/server/seed.ts';
import { EXAMPLE_104 } from './helpers.ts';

const DOC = { projects: [], yearEndBalances: [], specialFunds: [], projectPerformance: [], unitPerformance: [] };
const ITEM = { unit: '999001', functionCode: '2010101', deptEconCode: '30101', govEconCode: '50101', kind: '基本支出-人员经费', fund: '本年/一般公共预算拨款/经费拨款' } as const;

interface Backend {
  name: string;
  open(): Promise<{ db: Db; drop(): Promise<void> }>;
}

const url = process.env.DATABASE_URL;
const BACKENDS: Backend[] = [
  { name: 'PGlite', open: async () => ({ db: await openDb({}), drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    open: async () => {
      const name = `yusuan_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const testUrl = new URL(url!);
      testUrl.pathname = `/${name}`;
      const db = await openDb({ url: testUrl.toString() });
      return {
        db,
        drop: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  },
];

describe.each(BACKENDS)('$name', ({ name, open }) => {
  const skip = name === 'PostgreSQL' && !url;
  let db: Db;
  let drop: () => Promise<void>;
  let user: User;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await open());
    await migrate(db);
    await upsertDepartment(db, '999', '测试部门');
    await upsertUnit(db, { code: '999001', departmentCode: '999', name: '测试单位', type: '行政单位' });
    user = await insertUser(db, { username: 'tester', displayName: '测试', role: 'admin', passwordHash: 'x' });
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await db.close();
    await drop();
  });

  test.skipIf(skip)('migrations apply once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort());
  });

  test.skipIf(skip)('money is exact up to 2^53 − 1 分 and refused beyond', async () => {
    const b = await insertBudget(db, '999001', 2030, DOC, user.id);
    await insertLineItems(db, b.id, [{ ...ITEM, amount: Number.MAX_SAFE_INTEGER }, { ...ITEM, amount: -1 }]);
    expect((await listLineItems(db, b.id, '999001')).map((li) => li.amount)).toEqual([Number.MAX_SAFE_INTEGER, -1]);
    await db.query('UPDATE line_items SET amount_fen = amount_fen + 1 WHERE budget_id = $1 AND amount_fen > 0', [b.id]);
    await expect(listLineItems(db, b.id, '999001')).rejects.toThrow(RangeError);
  });

  test.skipIf(skip)('a transaction that throws leaves nothing behind', async () => {
    await expect(
      db.transaction(async (tx) => {
        await upsertDepartment(tx, '998', '回滚部门');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.query(`SELECT 1 FROM departments WHERE code = '998'`)).toEqual([]);
  });

  test.skipIf(skip)('optimistic locking: concurrent updates from one version, one wins', async () => {
    const b = await insertBudget(db, '999001', 2031, DOC, user.id);
    const attempts = await Promise.allSettled(
      [0, 1, 2].map(() => db.transaction((tx) => updateBudget(tx, b.id, b.version, { status: 'submitted' }, user.id))),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled').length).toBe(1);
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(lost.length).toBe(2);
    for (const l of lost) expect(l.reason).toBeInstanceOf(ApiError);
    expect((await getBudget(db, '999001', 2031))!.version).toBe(b.version + 1);
  });

  test.skipIf(skip)('snapshot summaries: stored once, read back exactly, append-only', async () => {
    const ref = { unitCode: '999001', year: 2032, version: 1 };
    await insertSnapshot(db, { ...ref, budgetVersion: 1, content: '{}', publishedAt: new Date().toISOString(), userId: user.id });
    const summary = { ...ref, totalFen: Number.MAX_SAFE_INTEGER, functionFen: { '2010101': Number.MAX_SAFE_INTEGER - 1, '2080505': 1 } };
    await insertSnapshotSummaries(db, [summary]);
    // a second writer (another server's backfill) changes nothing
    await insertSnapshotSummaries(db, [{ ...summary, totalFen: 5 }]);
    expect(await getSnapshotSummaries(db, [ref, { ...ref, version: 2 }])).toEqual([summary]);
    await expect(db.query(`UPDATE snapshot_summaries SET total_fen = 0`)).rejects.toThrow(/只能追加/);
    // only for a snapshot that exists
    await expect(insertSnapshotSummaries(db, [{ ...summary, version: 9 }])).rejects.toThrow();
  });

  test.skipIf(skip)('snapshots are numbered, hashed and append-only', async () => {
    const content = JSON.stringify({ hello: '世界' });
    const n = await nextSnapshotVersion(db, '999001', 2030);
    const meta = await insertSnapshot(db, { unitCode: '999001', year: 2030, version: n, budgetVersion: 1, content, publishedAt: new Date().toISOString(), userId: user.id });
    expect(meta).toMatchObject({ version: 1, contentHash: sha256(content), publishedBy: '测试' });
    expect(await nextSnapshotVersion(db, '999001', 2030)).toBe(2);
    expect((await getSnapshot(db, '999001', 2030))!.content).toBe(content);
    await expect(db.query(`UPDATE published_snapshots SET content = 'x'`)).rejects.toThrow(/只能追加/);
    await expect(db.query(`DELETE FROM published_snapshots`)).rejects.toThrow(/只能追加/);
    await expect(insertSnapshot(db, { unitCode: '999001', year: 2030, version: 1, budgetVersion: 1, content, publishedAt: new Date().toISOString(), userId: user.id })).rejects.toThrow();
  });

  test.skipIf(skip)('audit entries page newest first', async () => {
    for (const i of [1, 2, 3]) await recordAudit(db, user, { action: `a${i}`, entity: 'budget', entityId: i, unitCode: '999001', year: 2032, after: { i } });
    const page1 = await listAudit(db, 'a.year = $1', [2032], 2);
    expect(page1.map((e) => e.action)).toEqual(['a3', 'a2']);
    const page2 = await listAudit(db, 'a.year = $1', [2032], 2, page1[1].id);
    expect(page2.map((e) => [e.action, e.after])).toEqual([['a1', { i: 1 }]]);
  });

  test.skipIf(skip)('sessions expire', async () => {
    const { hash } = await createSession(db, user.id);
    expect((await sessionUser(db, hash))!.username).toBe('tester');
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1`, [hash]);
    expect(await sessionUser(db, hash)).toBeUndefined();
  });

  test.skipIf(skip)('the whole app: seed, publish and serve the public tables', async () => {
    await seedExamples(db, user, { dirs: [EXAMPLE_104], publish: true });
    const app = await buildApp({ db });
    const res = await app.inject({ url: '/api/public/packages/104012/2024/latest' });
    expect(res.statusCode).toBe(200);
    const total = readBudgetFolder(EXAMPLE_104).budget.lineItems.reduce((a, li) => a + li.amount, 0);
    const t03 = res.json().tables.find((t: { id: string }) => t.id === '03');
    expect(Math.round(t03.rows[0].cells[2] * 1_000_000)).toBe(total);
    await app.close();
  });
});
