/**
 * The soak's request mix: what a day of use and a little abuse looks like. Each operation names the
 * statuses a healthy server may answer (a 409 for a raced edit, a 429 from a rate limit, a 4xx for
 * a hostile upload); anything else, a 5xx (except a 503 with Retry-After: a full queue), a network
 * error or a timeout counts as an error.
 */
import { readFileSync } from 'node:fs';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Ctx {
  base: string;
  /** The virtual client's address, sent as X-Forwarded-For (believed only when the server trusts the soak's loopback proxy). */
  client: string;
  admin?: Session;
  adminPassword?: string;
  /** A published PDF fetched at start, for truncated copies. */
  pdf?: Uint8Array<ArrayBuffer>;
}

export interface Op {
  name: string;
  weight: number;
  expect: number[];
  run: (ctx: Ctx, rnd: () => number) => Promise<Response>;
  /** Needs the admin's session. */
  admin?: boolean;
}

const MULTI = 'examples/multi-unit-department';
const budgetJson = JSON.parse(readFileSync(`${MULTI}/budget.json`, 'utf8'));
const lineItemsCsv = readFileSync(`${MULTI}/line-items.csv`, 'utf8');
const READS = [
  '/api/health',
  '/api/public/departments',
  '/api/public/packages/104012/2024/latest',
  '/api/public/packages/104012/2024/latest/charts',
  '/api/public/packages/186001/2024',
  '/api/public/departments/186/2024',
  '/api/public/departments/186/2024/charts',
  '/api/public/packages/104012/2024/latest/download.csv?table=03',
  '/api/classification/2024',
  '/',
  '/public/104012/2024',
];

const headers = (ctx: Ctx, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': ctx.client, ...extra });
const authed = (ctx: Ctx, extra: Record<string, string> = {}) => headers(ctx, { cookie: ctx.admin!.cookie, 'x-csrf-token': ctx.admin!.csrf, ...extra });
const send = (ctx: Ctx, path: string, init: RequestInit = {}) => fetch(`${ctx.base}${path}`, { signal: AbortSignal.timeout(60_000), redirect: 'manual', ...init });
const pick = <T>(xs: T[], rnd: () => number) => xs[Math.floor(rnd() * xs.length)];

/** Random bytes behind a file signature: what a broken or hostile upload looks like. */
function junk(signature: string, size: number, rnd: () => number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Math.floor(rnd() * 256);
  out.set(new TextEncoder().encode(signature));
  return out;
}

function upload(ctx: Ctx, path: string, field: string, name: string, bytes: Uint8Array<ArrayBuffer>, extraHeaders: Record<string, string> = {}) {
  const form = new FormData();
  form.append(field, new Blob([bytes]), name);
  return send(ctx, path, { method: 'POST', body: form, headers: { ...extraHeaders } });
}

async function version(ctx: Ctx, unit: string): Promise<number> {
  const res = await send(ctx, `/api/budgets/${unit}/2024`, { headers: authed(ctx) });
  return res.ok ? ((await res.json()) as { version: number }).version : 0;
}

export const OPS: Op[] = [
  { name: 'public read', weight: 50, expect: [200, 304], run: (ctx, rnd) => send(ctx, pick(READS, rnd), { headers: headers(ctx) }) },
  {
    name: 'login',
    weight: 6,
    expect: [200, 429],
    run: (ctx) =>
      send(ctx, '/api/login', { method: 'POST', headers: headers(ctx, { 'content-type': 'application/json' }), body: JSON.stringify({ username: 'admin', password: ctx.adminPassword }) }),
    admin: true,
  },
  {
    name: 'login, wrong password',
    weight: 4,
    expect: [401, 429],
    run: (ctx, rnd) =>
      send(ctx, '/api/login', {
        method: 'POST',
        headers: headers(ctx, { 'content-type': 'application/json' }),
        body: JSON.stringify({ username: pick(['nobody', 'guesswork', 'ed186001'], rnd), password: `guess-${Math.floor(rnd() * 1e9)}` }),
      }),
  },
  {
    name: 'private read',
    weight: 8,
    expect: [200],
    run: (ctx, rnd) => send(ctx, pick(['/api/budgets', '/api/budgets/186001/2024/findings', '/api/budgets/186002/2024/tables?table=01,03', '/api/users'], rnd), { headers: authed(ctx) }),
    admin: true,
  },
  {
    name: 'edit line item',
    weight: 8,
    expect: [200, 409],
    admin: true,
    run: async (ctx, rnd) => {
      const unit = pick(['186001', '186003'], rnd);
      const items = await send(ctx, `/api/budgets/${unit}/2024/line-items`, { headers: authed(ctx) });
      const { items: list } = (await items.json()) as { items: { id: number; amountFen: number }[] };
      const item = pick(list, rnd);
      const amount = (Math.abs(item.amountFen + (rnd() < 0.5 ? 10_000 : -10_000)) / 1_000_000).toFixed(2); // ±0.01 万元
      return send(ctx, `/api/budgets/${unit}/2024/line-items/${item.id}`, {
        method: 'PATCH',
        headers: authed(ctx, { 'content-type': 'application/json', 'if-match': `"${await version(ctx, unit)}"` }),
        body: JSON.stringify({ amount }),
      });
    },
  },
  {
    name: 'import (JSON)',
    weight: 3,
    expect: [200, 409],
    admin: true,
    run: async (ctx) =>
      send(ctx, '/api/budgets/186002/2024/import', {
        method: 'POST',
        headers: authed(ctx, { 'content-type': 'application/json' }),
        body: JSON.stringify({ budget: budgetJson, lineItemsCsv, version: await version(ctx, '186002') }),
      }),
  },
  {
    name: 'hostile: malformed PDF audit',
    weight: 4,
    expect: [200, 400, 413, 422, 429, 503],
    run: (ctx, rnd) => upload(ctx, '/api/public/audit', 'file', 'broken.pdf', junk('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog', 2_000 + Math.floor(rnd() * 200_000), rnd), headers(ctx)),
  },
  {
    name: 'hostile: truncated PDF audit',
    weight: 3,
    expect: [200, 400, 413, 422, 429, 503],
    run: (ctx, rnd) => upload(ctx, '/api/public/audit', 'file', 'cut.pdf', ctx.pdf!.subarray(0, Math.floor(ctx.pdf!.length * (0.2 + rnd() * 0.7))), headers(ctx)),
  },
  {
    name: 'hostile: junk workbook audit',
    weight: 3,
    expect: [200, 400, 413, 422, 429, 503],
    run: (ctx, rnd) => upload(ctx, '/api/public/audit', 'file', 'junk.xlsx', junk('PK\u0003\u0004', 5_000 + Math.floor(rnd() * 100_000), rnd), headers(ctx)),
  },
  {
    name: 'hostile: junk workbook import',
    weight: 2,
    expect: [400, 409, 413, 422, 503],
    admin: true,
    run: (ctx, rnd) => upload(ctx, '/api/budgets/186002/2024/import', 'workbook', 'junk.xlsx', junk('PK\u0003\u0004', 50_000, rnd), authed(ctx)),
  },
  {
    name: 'hostile: oversized upload (21 MB)',
    weight: 1,
    expect: [413, 429],
    run: (ctx, rnd) => upload(ctx, '/api/public/audit', 'file', 'huge.txt', junk('预算01表\n', 21 * 1024 * 1024, rnd), headers(ctx)),
  },
  {
    name: 'hostile: oversized JSON (3 MB)',
    weight: 1,
    expect: [413],
    admin: true,
    run: (ctx) =>
      send(ctx, '/api/budgets/186002/2024/import', { method: 'POST', headers: authed(ctx, { 'content-type': 'application/json' }), body: JSON.stringify({ budget: budgetJson, lineItemsCsv: 'x'.repeat(3 * 1024 * 1024) }) }),
  },
];

/** Whether a response counts as healthy for its operation. */
export const healthy = (op: Op, res: Response) => op.expect.includes(res.status) || (res.status === 503 && res.headers.has('retry-after'));

/** Signs the admin in (once per run; the session is shared by the virtual clients). */
export async function signIn(base: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.254' }, body: JSON.stringify({ username: 'admin', password }) });
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
