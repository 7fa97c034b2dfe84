/**
 * What a browser is told to cache and to enforce: the app's HTML is revalidated on every load (an
 * upgrade deletes the old hashed bundles), hashed assets are cached for good, and every response
 * carries the security headers (CSP without inline scripts, no framing, nosniff).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Db, openDb } from '../../src/server/db/db.ts';
import { migrate } from '../../src/server/db/migrate.ts';

let db: Db;
let app: FastifyInstance;
let webRoot: string;
const INDEX = '<!DOCTYPE html><title>yusuan test build</title><script type="module" src="/assets/index-3f2a9c.js"></script>';

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'yusuan-static-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), INDEX);
  writeFileSync(join(webRoot, 'assets', 'index-3f2a9c.js'), 'console.log(1)');
  db = await openDb({});
  await migrate(db);
  app = await buildApp({ db, webRoot });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...v]) => [name, v]));

describe('caching', () => {
  test.each(['/', '/public/104012/2024', '/budgets', '/budgets/186001/2024'])('%s is the app shell, revalidated on every load', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  test('a hashed asset is cached for a year, immutable', async () => {
    const res = await get('/assets/index-3f2a9c.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });

  test('a bundle deleted by an upgrade is a 404, not the app shell under a script URL', async () => {
    const res = await get('/assets/index-old.js');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<title>');
  });
});

describe('security headers', () => {
  test.each(['/', '/assets/index-3f2a9c.js', '/api/health', '/api/docs', '/api/public/departments', '/api/no-such-route'])('%s: CSP, no framing, nosniff', async (url) => {
    const res = await get(url);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // on plain http no HSTS and no upgrade of asset URLs to https
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  test('behind TLS (secure cookies) HSTS and upgrade-insecure-requests are added', async () => {
    const tls = await buildApp({ db, webRoot, secureCookies: true });
    const res = await tls.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(directives(String(res.headers['content-security-policy'])).has('upgrade-insecure-requests')).toBe(true);
    await tls.close();
  });
});
