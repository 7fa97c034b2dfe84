/** A test server on in-memory PGlite with one user per role, and a cookie-keeping client. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { Role } from '../../src/server/access.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { type Db, openDb } from '../../src/server/db/db.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { insertUser } from '../../src/server/repo/users.ts';
import { seedExamples } from '../../src/server/seed.ts';

export const PASSWORD = 'correct horse battery';
export const EXAMPLE_104 = 'examples/hunan-104012';
export const EXAMPLE_186 = 'examples/multi-unit-department';

/** Users by name: their role and scope. */
export const USERS: Record<string, { role: Role; departmentCode?: string; unitCode?: string }> = {
  admin: { role: 'admin' },
  rev186: { role: 'reviewer', departmentCode: '186' },
  rev104: { role: 'reviewer', departmentCode: '104' },
  ed186001: { role: 'editor', unitCode: '186001' },
  ed186002: { role: 'editor', unitCode: '186002' },
  ed104012: { role: 'editor', unitCode: '104012' },
};

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  login(username: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

/** Migrated in-memory database, the users above, both examples imported (104012 published). */
export async function startServer(opts: Partial<AppOptions> = {}, seed: { publish104?: boolean } = { publish104: true }): Promise<TestServer> {
  const db = await openDb({});
  await migrate(db);
  const ids: Record<string, number> = {};
  const hash = await hashPassword(PASSWORD);
  for (const [username, u] of Object.entries(USERS)) {
    if (u.role === 'admin') ids[username] = (await insertUser(db, { username, displayName: username, role: u.role, passwordHash: hash })).id;
  }
  const admin = { id: ids.admin, username: 'admin', displayName: 'admin', role: 'admin' as const, departmentCode: null, unitCode: null };
  await seedExamples(db, admin, { dirs: [EXAMPLE_104], publish: seed.publish104 });
  await seedExamples(db, admin, { dirs: [EXAMPLE_186] });
  for (const [username, u] of Object.entries(USERS)) {
    if (u.role !== 'admin') await insertUser(db, { username, displayName: username, role: u.role, departmentCode: u.departmentCode, unitCode: u.unitCode, passwordHash: hash });
  }
  const app = await buildApp({ db, loginRateLimit: { max: 1000, timeWindow: '1 minute' }, ...opts });
  return {
    app,
    db,
    login: async (username) => {
      const c = new Client(app);
      const res = await c.post('/api/login', { username, password: PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      c.csrf = res.json().csrfToken;
      return c;
    },
    anonymous: () => new Client(app),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** A migrated in-memory server with only the admin: quicker than startServer when the examples are not needed. */
export async function startBareServer() {
  const db = await openDb({});
  await migrate(db);
  await insertUser(db, { username: 'admin', displayName: 'admin', role: 'admin', passwordHash: await hashPassword(PASSWORD) });
  const app = await buildApp({ db, loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
  return {
    app,
    db,
    login: async (username = 'admin') => {
      const c = new Client(app);
      const res = await c.post('/api/login', { username, password: PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      c.csrf = res.json().csrfToken;
      return c;
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

type Res = Awaited<ReturnType<FastifyInstance['inject']>>;

/** Keeps cookies like a browser and sends the CSRF token on writes. */
export class Client {
  cookies = new Map<string, string>();
  csrf?: string;
  constructor(readonly app: FastifyInstance) {}

  async request(opts: InjectOptions & { method: string; url: string }): Promise<Res> {
    const unsafe = !['GET', 'HEAD'].includes(opts.method);
    const res = await this.app.inject({
      ...opts,
      headers: {
        ...(unsafe && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(opts.headers ?? {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    } as InjectOptions);
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get = (url: string, headers?: Record<string, string>) => this.request({ method: 'GET', url, headers });
  post = (url: string, payload?: unknown, headers?: Record<string, string>) => this.request({ method: 'POST', url, payload: payload as object, headers });
  patch = (url: string, payload?: unknown, headers?: Record<string, string>) => this.request({ method: 'PATCH', url, payload: payload as object, headers });
  delete = (url: string, headers?: Record<string, string>) => this.request({ method: 'DELETE', url, headers });

  /** The budget's current version, as a client reads it before writing. */
  async version(unit: string, year: number): Promise<number> {
    const res = await this.get(`/api/budgets/${unit}/${year}`);
    if (res.statusCode !== 200) throw new Error(`read ${unit}/${year}: ${res.statusCode} ${res.body}`);
    return res.json().version;
  }

  /** Submits, approves and publishes the budget's current version (the workflow's three steps). */
  async publish(unit: string, year: number): Promise<void> {
    for (const step of ['submit', 'approve', 'publish']) {
      const res = await this.post(`/api/budgets/${unit}/${year}/${step}`, { version: await this.version(unit, year) });
      if (res.statusCode !== 200) throw new Error(`${unit}/${year} ${step}: ${res.statusCode} ${res.body}`);
    }
  }
}

/** A budget.json + CSV import body for some units of an example (all when `units` is omitted). */
export function importBody(dir: string, opts: { units?: string[]; year?: number; csv?: (text: string) => string } = {}) {
  const budget = JSON.parse(readFileSync(`${dir}/budget.json`, 'utf8'));
  let csv = readFileSync(`${dir}/line-items.csv`, 'utf8');
  if (opts.units) {
    const keep = new Set(opts.units);
    for (const k of ['units', 'projects', 'yearEndBalances', 'specialFunds', 'projectPerformance', 'unitPerformance']) {
      if (budget[k]) budget[k] = budget[k].filter((x: { unit?: string; code?: string }) => keep.has(x.unit ?? x.code ?? ''));
    }
    if (budget.publication?.unitNotes) budget.publication.unitNotes = budget.publication.unitNotes.filter((n: { unit: string }) => keep.has(n.unit));
    const [header, ...rows] = csv.trimEnd().split('\n');
    csv = [header, ...rows.filter((r) => keep.has(r.split(',')[0]))].join('\n') + '\n';
  }
  if (opts.year) budget.year = opts.year;
  if (opts.csv) csv = opts.csv(csv);
  return { budget, lineItemsCsv: csv };
}
