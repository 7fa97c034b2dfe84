/**
 * The access matrix: every route × every principal, allowed or denied. Denied means 401 for an
 * anonymous visitor and 403 for a signed-in user; allowed means success (2xx). Before each
 * workflow request the admin puts the budget into the state the transition starts from.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, EXAMPLE_186, importBody, PASSWORD, startServer, type TestServer } from './helpers.ts';

const PRINCIPALS = ['admin', 'rev186', 'rev104', 'ed186001', 'ed186002', 'anon'] as const;
type Principal = (typeof PRINCIPALS)[number];

const U = '/api/budgets/186001/2024';
const LOGGED_IN: Principal[] = ['admin', 'rev186', 'rev104', 'ed186001', 'ed186002'];
const READ: Principal[] = ['admin', 'rev186', 'ed186001'];
const EDIT: Principal[] = ['admin', 'ed186001'];
const REVIEW: Principal[] = ['admin', 'rev186'];
const ADMIN: Principal[] = ['admin'];
const EVERYONE: Principal[] = [...PRINCIPALS];

type State = 'draft' | 'submitted' | 'approved';

interface Case {
  route: string;
  allowed: Principal[];
  state?: State;
  send: (c: Client, who: Principal) => Promise<{ statusCode: number; body: string }>;
}

let s: TestServer;
const clients = {} as Record<Principal, Client>;
const v = () => clients.admin.version('186001', 2024);
const ifMatch = async () => ({ 'if-match': `"${await v()}"` });
const lastItem = async () => {
  const items = (await clients.admin.get(`${U}/line-items`)).json().items;
  return items[items.length - 1].id as number;
};
const userId = async (name: string) => (await clients.admin.get('/api/users')).json().find((u: { username: string }) => u.username === name).id as number;
/** Brings 186001/2024 into `state` through the admin. */
async function bring(state: State) {
  const a = clients.admin;
  let { status } = (await a.get(U)).json();
  if (status === 'submitted') ({ status } = (await a.post(`${U}/withdraw`, { version: await v() })).json());
  if (status !== 'draft') ({ status } = (await a.patch(`${U}/line-items/${await lastItem()}`, {}, await ifMatch())).json());
  if (state === 'draft') return expect(status).toBe('draft');
  await a.post(`${U}/submit`, { version: await v() });
  if (state === 'approved') await a.post(`${U}/approve`, { version: await v() });
  expect((await a.get(U)).json().status).toBe(state);
}

const NEW_ITEM = { functionCode: '2011301', deptEconCode: '30201', kind: '基本支出-公用经费', fund: '本年/一般公共预算拨款/经费拨款', amount: '1.00' };

const CASES: Case[] = [
  { route: 'GET /api/me', allowed: LOGGED_IN, send: (c) => c.get('/api/me') },
  {
    route: 'POST /api/me/password',
    allowed: LOGGED_IN,
    send: async (c) => {
      const changed = await c.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Tq4!ledger-books' });
      if (changed.statusCode === 204) await c.post('/api/me/password', { currentPassword: 'Tq4!ledger-books', newPassword: PASSWORD });
      return changed;
    },
  },
  { route: 'POST /api/logout', allowed: LOGGED_IN, send: async (c, who) => (who === 'anon' ? c.post('/api/logout') : { statusCode: 204, body: '' }) },
  { route: 'GET /api/departments', allowed: LOGGED_IN, send: (c) => c.get('/api/departments') },
  { route: 'GET /api/budgets', allowed: LOGGED_IN, send: (c) => c.get('/api/budgets') },
  { route: 'GET /api/audit', allowed: LOGGED_IN, send: (c) => c.get('/api/audit') },
  { route: 'GET /api/users', allowed: ADMIN, send: (c) => c.get('/api/users') },
  {
    route: 'POST /api/users',
    allowed: ADMIN,
    send: (c, who) => c.post('/api/users', { username: `new-${who}`, displayName: '新用户', role: 'editor', unitCode: '186003' }),
  },
  { route: 'PATCH /api/users/:id', allowed: ADMIN, send: async (c) => c.patch(`/api/users/${await userId('ed186002')}`, { displayName: '改名' }) },
  { route: 'GET budget', allowed: READ, send: (c) => c.get(U) },
  { route: 'GET line-items', allowed: READ, send: (c) => c.get(`${U}/line-items`) },
  { route: 'GET tables', allowed: READ, send: (c) => c.get(`${U}/tables?table=01`) },
  { route: 'GET findings', allowed: READ, send: (c) => c.get(`${U}/findings`) },
  { route: 'GET history', allowed: READ, send: (c) => c.get(`${U}/history`) },
  { route: 'GET download.json', allowed: READ, send: (c) => c.get(`${U}/download.json`) },
  { route: 'GET download.csv', allowed: READ, send: (c) => c.get(`${U}/download.csv?table=03`) },
  {
    route: 'POST import (unit, year)',
    allowed: EDIT,
    state: 'draft',
    send: async (c) => c.post(`${U}/import`, { ...importBody(EXAMPLE_186, { units: ['186001'] }), version: await v() }),
  },
  { route: 'POST /api/imports', allowed: EDIT, state: 'draft', send: (c) => c.post('/api/imports', importBody(EXAMPLE_186, { units: ['186001'] })) },
  { route: 'POST line-items', allowed: EDIT, state: 'draft', send: async (c) => c.post(`${U}/line-items`, NEW_ITEM, await ifMatch()) },
  { route: 'PATCH line-items/:id', allowed: EDIT, state: 'draft', send: async (c) => c.patch(`${U}/line-items/${await lastItem()}`, { amount: '2.00' }, await ifMatch()) },
  { route: 'DELETE line-items/:id', allowed: EDIT, state: 'draft', send: async (c) => c.delete(`${U}/line-items/${await lastItem()}`, await ifMatch()) },
  { route: 'POST submit', allowed: EDIT, state: 'draft', send: async (c) => c.post(`${U}/submit`, { version: await v() }) },
  { route: 'POST withdraw', allowed: EDIT, state: 'submitted', send: async (c) => c.post(`${U}/withdraw`, { version: await v() }) },
  { route: 'POST approve', allowed: REVIEW, state: 'submitted', send: async (c) => c.post(`${U}/approve`, { version: await v() }) },
  { route: 'POST return', allowed: REVIEW, state: 'submitted', send: async (c) => c.post(`${U}/return`, { version: await v(), comment: '请补充说明' }) },
  { route: 'POST publish', allowed: REVIEW, state: 'approved', send: async (c) => c.post(`${U}/publish`, { version: await v() }) },
  { route: 'GET public departments', allowed: EVERYONE, send: (c) => c.get('/api/public/departments') },
  { route: 'GET public versions', allowed: EVERYONE, send: (c) => c.get('/api/public/packages/104012/2024') },
  { route: 'GET public latest', allowed: EVERYONE, send: (c) => c.get('/api/public/packages/104012/2024/latest') },
  { route: 'GET public v/1', allowed: EVERYONE, send: (c) => c.get('/api/public/packages/104012/2024/v/1') },
  { route: 'GET public charts', allowed: EVERYONE, send: (c) => c.get('/api/public/packages/104012/2024/v/1/charts') },
  { route: 'GET public content', allowed: EVERYONE, send: (c) => c.get('/api/public/packages/104012/2024/latest/content') },
  { route: 'GET public download', allowed: EVERYONE, send: (c) => c.get('/api/public/packages/104012/2024/v/1/download.json') },
  { route: 'GET public department', allowed: EVERYONE, send: (c) => c.get('/api/public/departments/104/2024') },
  { route: 'GET classification', allowed: EVERYONE, send: (c) => c.get('/api/classification/2024') },
  { route: 'GET docs', allowed: EVERYONE, send: (c) => c.get('/api/docs/json') },
];

beforeAll(async () => {
  s = await startServer();
  for (const p of PRINCIPALS) clients[p] = p === 'anon' ? s.anonymous() : await s.login(p);
}, 120_000);
afterAll(() => s?.close());

describe('access matrix', () => {
  const rows = CASES.flatMap((c) => PRINCIPALS.map((who) => ({ ...c, who, allow: c.allowed.includes(who) })));
  test.each(rows)('$route as $who → allowed: $allow', async ({ send, who, allow, state }) => {
    if (state) await bring(state);
    const res = await send(clients[who], who);
    if (allow) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(who === 'anon' ? 401 : 403);
    }
  });
});

describe('lists are scoped', () => {
  const units = async (who: Principal, url: string) => (await clients[who].get(url)).json();

  test('budgets: admin all, reviewer its department, editor its unit', async () => {
    const codes = async (who: Principal) => (await units(who, '/api/budgets')).map((b: { unitCode: string }) => b.unitCode).sort();
    expect(await codes('admin')).toEqual(['104012', '186001', '186002', '186003']);
    expect(await codes('rev186')).toEqual(['186001', '186002', '186003']);
    expect(await codes('rev104')).toEqual(['104012']);
    expect(await codes('ed186002')).toEqual(['186002']);
  });

  test('departments and units', async () => {
    const shape = async (who: Principal) => (await units(who, '/api/departments')).map((d: { code: string; units: { code: string }[] }) => [d.code, d.units.map((u) => u.code)]);
    expect(await shape('admin')).toEqual([['104', ['104012']], ['186', ['186001', '186002', '186003']]]);
    expect(await shape('rev186')).toEqual([['186', ['186001', '186002', '186003']]]);
    expect(await shape('ed186001')).toEqual([['186', ['186001']]]);
  });

  test('audit log: an editor sees only its unit', async () => {
    const entries: { unitCode: string }[] = await units('ed186002', '/api/audit');
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.unitCode))).toEqual(new Set(['186002']));
  });

  test('an editor cannot import a file that also holds other units', async () => {
    const res = await clients.ed186001.post('/api/imports', importBody(EXAMPLE_186));
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('无权修改');
  });
});
