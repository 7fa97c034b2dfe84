/**
 * Reads answered from memory (current budget version, unit, session) never outlive a change made
 * through the same server: each case warms the cache, changes something, and reads again at once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Generation, ShortLived } from '../../src/server/fresh.ts';
import { Client, startServer, type TestServer } from './helpers.ts';

describe('ShortLived', () => {
  test('forgets everything when the generation moves, and refuses values read before a change', () => {
    const g = new Generation();
    const m = new ShortLived<number>(g);
    m.set('a', 1, g.value);
    expect(m.get('a')).toBe(1);
    g.bump();
    expect(m.get('a')).toBeUndefined();
    const readAt = g.value;
    g.bump(); // a change completed while the value was being read
    m.set('a', 2, readAt);
    expect(m.get('a')).toBeUndefined();
  });

  test('forgets a value after its time to live', async () => {
    const g = new Generation();
    const m = new ShortLived<number>(g, 20);
    m.set('a', 1, g.value);
    await new Promise((r) => setTimeout(r, 40));
    expect(m.get('a')).toBeUndefined();
  });
});

describe('server caches', () => {
  let s: TestServer;
  let admin: Client;
  beforeAll(async () => {
    s = await startServer({}, { publish104: false });
    admin = await s.login('admin');
  }, 120_000);
  afterAll(() => s.close());

  test('findings and tables follow an edit made just after they were read', async () => {
    const u = '/api/budgets/186001/2024';
    const before = (await admin.get(`${u}/findings`)).json();
    const tablesBefore = (await admin.get(`${u}/tables`)).json();
    expect((await admin.get(`${u}/findings`)).json()).toEqual(before); // served from memory
    expect(before.errors).toBe(0);
    const b = (await admin.get(u)).json();
    const personnel = b.lineItems.find((li: { kind: string }) => li.kind === '基本支出-人员经费');
    // 30217 公务接待费 is not a personnel expense: rule R2 is an error
    expect((await admin.patch(`${u}/line-items/${personnel.id}`, { deptEconCode: '30217' }, { 'if-match': String(b.version) })).statusCode).toBe(200);
    const after = (await admin.get(`${u}/findings`)).json();
    expect(after.version).toBe(b.version + 1);
    expect(after.findings.map((f: { rule: string }) => f.rule)).toContain('R2-basic-econ');
    const tablesAfter = (await admin.get(`${u}/tables`)).json();
    expect(tablesAfter.version).toBe(b.version + 1);
    expect(tablesAfter.tables).not.toEqual(tablesBefore.tables);
  }, 60_000);

  test('a disabled user loses a session that was just used', async () => {
    const created = (await admin.post('/api/users', { username: 'fresh', displayName: '临时', role: 'editor', unitCode: '186003' })).json();
    const c = new Client(s.app);
    expect((await c.post('/api/login', { username: 'fresh', password: created.password })).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${created.user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  }, 60_000);
});
