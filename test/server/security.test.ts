/** Sessions, CSRF, login rate limiting, password storage. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { Client, PASSWORD, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({}, { publish104: false });
}, 120_000);
afterAll(() => s?.close());

const submit = (c: Client, headers: Record<string, string> = {}) => c.post('/api/budgets/186001/2024/submit', { version: 1 }, headers);

describe('CSRF', () => {
  test('a write without the token is refused, with a token of another session too; with its own it passes', async () => {
    const c = await s.login('admin');
    const other = await s.login('admin');
    const token = c.csrf!;
    c.csrf = undefined;
    const none = await submit(c);
    expect(none.statusCode).toBe(403);
    expect(none.json()).toMatchObject({ code: 'csrf', message: expect.stringContaining('x-csrf-token') });
    expect((await submit(c, { 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await submit(c, { 'x-csrf-token': other.csrf! })).statusCode).toBe(403);
    expect((await s.db.query(`SELECT status FROM budgets WHERE unit_code = '186001'`))[0]).toEqual({ status: 'draft' });
    const ok = await submit(c, { 'x-csrf-token': token });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  test('GET /api/me hands out a working token for the session', async () => {
    const c = await s.login('ed186002');
    const me = (await c.get('/api/me')).json();
    expect(me.user).toMatchObject({ username: 'ed186002', role: 'editor', unitCode: '186002' });
    c.csrf = me.csrfToken;
    expect((await c.post('/api/budgets/186002/2024/submit', { version: 1 })).statusCode).toBe(200);
  });

  test('a write without a session is 401 before any CSRF check', async () => {
    expect((await submit(s.anonymous())).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  test('the session cookie is HttpOnly, SameSite=Lax, not Secure on localhost; the database keeps only its hash', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/login', payload: { username: 'rev186', password: PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'yusuan_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const stored = await s.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
    expect(stored.some((r) => r.id_hash === cookie.value)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
  });

  test('logout ends the session', async () => {
    const c = await s.login('rev104');
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const session = c.cookies.get('yusuan_session')!;
    expect((await c.post('/api/logout')).statusCode).toBe(204);
    c.cookies.set('yusuan_session', session); // a stolen copy of the cookie is worthless now
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  test('passwords are stored as scrypt hashes; a disabled user cannot sign in and loses its sessions', async () => {
    const rows = await s.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      expect(r.password_hash).not.toContain(PASSWORD);
    }
    const admin = await s.login('admin');
    const created = (await admin.post('/api/users', { username: 'temp', displayName: '临时', role: 'editor', unitCode: '186003' })).json();
    expect(created.password).toMatch(/^[\w-]{16}$/);
    const temp = new Client(s.app);
    expect((await temp.post('/api/login', { username: 'temp', password: created.password })).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${created.user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await temp.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(s.app).post('/api/login', { username: 'temp', password: created.password })).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  test('after 3 attempts a minute from one address the 4th is 429, right password or not', async () => {
    const app = await buildApp({ db: s.db, loginRateLimit: { max: 3, timeWindow: '1 minute' } });
    const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/login', remoteAddress: '10.9.9.9', payload: { username: 'admin', password } });
    const statuses = [];
    for (const pw of ['wrong', 'wrong', 'wrong', PASSWORD]) statuses.push((await attempt(pw)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt(PASSWORD);
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'rate_limited', message: expect.stringMatching(/^尝试过于频繁，请 \d+ 秒后再试$/) });
    // another address is not affected
    const other = await app.inject({ method: 'POST', url: '/api/login', remoteAddress: '10.9.9.8', payload: { username: 'admin', password: PASSWORD } });
    expect(other.statusCode).toBe(200);
    await app.close();
  });
});
