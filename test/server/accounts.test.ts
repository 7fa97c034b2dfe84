/**
 * Accounts: the password rules at every place a password is chosen, changing one's own password,
 * the admin's role and scope changes, the per-account backoff after failed sign-ins (the same for
 * unknown names), and TRUST_PROXY giving each client behind a proxy its own login rate limit.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { FREE_FAILURES } from '../../src/server/auth/backoff.ts';
import { parseTrustProxy } from '../../src/server/trust-proxy.ts';
import { Client, PASSWORD, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let admin: Client;
beforeAll(async () => {
  s = await startServer({}, { publish104: false });
  admin = await s.login('admin');
}, 180_000);
afterAll(() => s?.close());

const login = (username: string, password: string, remoteAddress = '10.1.1.1') =>
  s.app.inject({ method: 'POST', url: '/api/login', remoteAddress, payload: { username, password } });

async function newEditor(username: string, password = 'Xu7-budget-ledger'): Promise<number> {
  const res = await admin.post('/api/users', { username, displayName: username, role: 'editor', unitCode: '186001', password });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().user.id;
}

describe('password rules at the API', () => {
  test('an admin cannot give a user a common, repetitive or name-containing password', async () => {
    for (const password of ['password12', '1111111111', '1234567890', 'weakuser-2024']) {
      const res = await admin.post('/api/users', { username: 'weakuser', displayName: '弱', role: 'editor', unitCode: '186001', password });
      expect(res.statusCode, password).toBe(422);
      expect(res.json()).toMatchObject({ code: 'invalid_input', message: expect.any(String) });
    }
    expect(await s.db.query(`SELECT 1 FROM users WHERE username = 'weakuser'`)).toEqual([]);
    const id = await newEditor('weakuser');
    const reset = await admin.patch(`/api/users/${id}`, { password: 'qwertyuiop' });
    expect(reset.statusCode).toBe(422);
    expect((await login('weakuser', 'Xu7-budget-ledger')).statusCode).toBe(200);
  });
});

describe('changing one’s own password', () => {
  test('needs the current password, follows the rules, ends the other sessions and keeps this one', async () => {
    await newEditor('changer');
    const a = new Client(s.app);
    const b = new Client(s.app);
    for (const c of [a, b]) {
      const res = await c.post('/api/login', { username: 'changer', password: 'Xu7-budget-ledger' });
      c.csrf = res.json().csrfToken;
    }
    const change = (currentPassword: string, newPassword: string) => a.post('/api/me/password', { currentPassword, newPassword });
    expect((await change('wrong-password-1', 'Tq4!ledger-books')).statusCode).toBe(403);
    expect((await change('Xu7-budget-ledger', 'abcdefghijkl')).json()).toMatchObject({ statusCode: 422, code: 'invalid_input' });
    expect((await change('Xu7-budget-ledger', 'Xu7-budget-ledger')).statusCode).toBe(422);
    expect((await change('Xu7-budget-ledger', 'my-changer-key-9')).statusCode).toBe(422); // contains the user name
    const ok = await change('Xu7-budget-ledger', 'Tq4!ledger-books');
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await login('changer', 'Xu7-budget-ledger')).statusCode).toBe(401);
    expect((await login('changer', 'Tq4!ledger-books')).statusCode).toBe(200);
    const [entry] = await s.db.query<{ action: string; username: string }>(`SELECT action, username FROM audit_log WHERE entity = 'user' ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ action: 'password', username: 'changer' });
  });

  test('without a session it is 401, without the CSRF token 403', async () => {
    expect((await s.anonymous().post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Tq4!ledger-books' })).statusCode).toBe(401);
    const c = await s.login('ed186002');
    c.csrf = undefined;
    expect((await c.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Tq4!ledger-books' })).json().code).toBe('csrf');
  });
});

describe('role and scope changes by the admin', () => {
  test('an editor becomes a reviewer of a department; the scope must fit the role and exist', async () => {
    const id = await newEditor('mover');
    expect((await admin.patch(`/api/users/${id}`, { role: 'reviewer' })).statusCode).toBe(422); // no department given
    expect((await admin.patch(`/api/users/${id}`, { role: 'reviewer', departmentCode: '999' })).statusCode).toBe(422);
    const res = await admin.patch(`/api/users/${id}`, { role: 'reviewer', departmentCode: '186' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'reviewer', departmentCode: '186', unitCode: null });
    const moved = await admin.patch(`/api/users/${id}`, { role: 'editor', unitCode: '186003' });
    expect(moved.json().user).toMatchObject({ role: 'editor', departmentCode: null, unitCode: '186003' });
  });

  test('an admin cannot change their own role, nor can anyone but an admin change roles', async () => {
    const me = (await admin.get('/api/me')).json().user;
    expect((await admin.patch(`/api/users/${me.id}`, { role: 'editor', unitCode: '186001' })).statusCode).toBe(422);
    const rev = await s.login('rev186');
    expect((await rev.patch(`/api/users/${me.id}`, { role: 'editor', unitCode: '186001' })).statusCode).toBe(403);
  });
});

describe('per-account backoff', () => {
  test(`after ${FREE_FAILURES} failures the name is locked, even for the right password; an unknown name locks the same way`, async () => {
    const id = await newEditor('target');
    for (const name of ['target', 'no-such-user']) {
      const statuses: number[] = [];
      // from different addresses: the per-IP limit is not what stops them
      for (let i = 0; i < FREE_FAILURES; i++) statuses.push((await login(name, `wrong-guess-${i}`, `10.2.0.${i}`)).statusCode);
      expect(statuses).toEqual(Array(FREE_FAILURES).fill(401));
      const locked = await login(name, 'Xu7-budget-ledger', '10.3.0.1');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^该用户名登录失败次数过多，请 \d+ 秒后再试$/) });
    }
    // the lock runs out: the right password works and clears the count
    await s.db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE username = 'target'`);
    expect((await login('target', 'Xu7-budget-ledger')).statusCode).toBe(200);
    expect(await s.db.query(`SELECT 1 FROM login_failures WHERE username = 'target'`)).toEqual([]);
    // failing again locks again, longer; an admin's password reset lifts the lock
    for (let i = 0; i < FREE_FAILURES; i++) await login('target', 'wrong');
    expect((await login('target', 'Xu7-budget-ledger')).statusCode).toBe(429);
    expect((await admin.patch(`/api/users/${id}`, { password: 'Rz8~fresh-ledger' })).statusCode).toBe(200);
    expect((await login('target', 'Rz8~fresh-ledger')).statusCode).toBe(200);
  });

  test('an unknown name and a wrong password get the same answer', async () => {
    await newEditor('known');
    const [unknown, wrong] = [await login('unknown-name', 'Some-guess-1'), await login('known', 'Some-guess-1')];
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.body).toBe(wrong.body);
  });
});

describe('TRUST_PROXY', () => {
  test('parses false, true, hop counts and address lists, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    const hops = parseTrustProxy('2') as (a: string, hop: number) => boolean;
    expect([0, 1, 2].map((h) => hops('10.0.0.1', h))).toEqual([true, true, false]);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/TRUST_PROXY/);
  });

  test('behind a trusted proxy each client has its own login limit; untrusted, X-Forwarded-For is ignored', async () => {
    const attempt = (app: Awaited<ReturnType<typeof buildApp>>, client: string) =>
      app.inject({ method: 'POST', url: '/api/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client }, payload: { username: 'admin', password: PASSWORD } });
    const proxied = await buildApp({ db: s.db, trustProxy: parseTrustProxy('127.0.0.1'), loginRateLimit: { max: 2, timeWindow: '1 minute' } });
    const direct = await buildApp({ db: s.db, loginRateLimit: { max: 2, timeWindow: '1 minute' } });
    const statuses = async (app: typeof proxied) => [
      (await attempt(app, '203.0.113.1')).statusCode,
      (await attempt(app, '203.0.113.1')).statusCode,
      (await attempt(app, '203.0.113.1')).statusCode,
      (await attempt(app, '203.0.113.2')).statusCode,
    ];
    expect(await statuses(proxied)).toEqual([200, 200, 429, 200]);
    expect(await statuses(direct)).toEqual([200, 200, 429, 429]);
    await proxied.close();
    await direct.close();
  });
});
