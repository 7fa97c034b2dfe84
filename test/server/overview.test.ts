/**
 * The public province overview: made of every unit's latest published version, answered again by
 * ETag, rebuilt when a unit publishes, 404 before anything is published for the year.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';
import { unitBudget } from '../../src/model/split.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertSnapshot } from '../../src/server/repo/snapshots.ts';
import { PACKAGE_FORMAT, type SnapshotContent } from '../../src/server/services/snapshot.ts';
import { type Client, startServer, type TestServer } from './helpers.ts';

const seed = loadExample(SEED_DIR);
const multi = loadExample(MULTI_DIR);
const sum = (items: { amount: number; unit: string }[], unit?: string) => items.filter((li) => !unit || li.unit === unit).reduce((s, li) => s + li.amount, 0);

let s: TestServer;
let admin: Client;
let anon: Client;

beforeAll(async () => {
  s = await startServer(); // 104012 published; 186's units imported, not published
  admin = await s.login('admin');
  anon = s.anonymous();
}, 120_000);
afterAll(() => s?.close());

describe('province overview', () => {
  test('shows the published departments, and changes when another unit publishes', async () => {
    const first = await anon.get('/api/public/overview');
    expect(first.statusCode, first.body).toBe(200);
    const o = first.json();
    expect(o.year).toBe(2024);
    expect(o.departments.map((d: { code: string }) => d.code)).toEqual(['104']);
    expect(o.totalFen).toBe(sum(seed.budget.lineItems));
    expect(o.departments[0].units).toEqual([{ code: '104012', name: seed.budget.units[0].name, version: 1, totalFen: sum(seed.budget.lineItems) }]);
    expect(o.functions[0].children[0].children[0].code).toHaveLength(7);

    const etag = first.headers.etag as string;
    expect((await anon.get('/api/public/overview', { 'if-none-match': etag })).statusCode).toBe(304);

    await admin.publish('186001', 2024);
    const second = await anon.get('/api/public/overview', { 'if-none-match': etag });
    expect(second.statusCode).toBe(200);
    const o2 = second.json();
    expect(o2.departments.map((d: { code: string }) => d.code).sort()).toEqual(['104', '186']);
    const d186 = o2.departments.find((d: { code: string }) => d.code === '186');
    expect(d186.totalFen).toBe(sum(multi.budget.lineItems, '186001'));
    expect(d186.units.map((x: { code: string }) => x.code)).toEqual(['186001']);
    expect(o2.totalFen).toBe(sum(seed.budget.lineItems) + sum(multi.budget.lineItems, '186001'));
  });

  test('a publish stores the snapshot summary; one published before is summarised by the first overview and stored', async () => {
    const stored = async (unit: string) => s.db.query<{ total: string }>('SELECT total_fen::text AS total FROM snapshot_summaries WHERE unit_code = $1', [unit]);
    // 186001 was published through the workflow in the test above
    expect((await stored('186001')).map((r) => Number(r.total))).toEqual([sum(multi.budget.lineItems, '186001')]);
    // 186002 as if published before summaries existed: only the snapshot row
    const budget = unitBudget(multi.budget, '186002');
    const content: SnapshotContent = { format: PACKAGE_FORMAT, department: budget.department, unit: budget.units[0], year: 2024, version: 1, publishedAt: new Date().toISOString(), budget, tables: [] };
    await insertSnapshot(s.db, { unitCode: '186002', year: 2024, version: 1, budgetVersion: 1, content: JSON.stringify(content), publishedAt: content.publishedAt, userId: null as unknown as number });
    expect(await stored('186002')).toEqual([]);
    const res = await anon.get('/api/public/overview');
    const d186 = res.json().departments.find((d: { code: string }) => d.code === '186');
    expect(d186.units.map((x: { code: string }) => x.code).sort()).toEqual(['186001', '186002']);
    expect((await stored('186002')).map((r) => Number(r.total))).toEqual([sum(multi.budget.lineItems, '186002')]);
    // a new server process reads the stored summaries and answers the same
    const fresh = await buildApp({ db: s.db });
    try {
      const again = await fresh.inject({ method: 'GET', url: '/api/public/overview' });
      expect(again.json()).toEqual(res.json());
    } finally {
      await fresh.close();
    }
  });

  test('answers 404 for a year with nothing published', async () => {
    const res = await anon.get('/api/public/overview?year=2019');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('2019');
  });
});
