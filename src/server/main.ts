/**
 * `npm start`: migrates the database, on first run creates the admin (printing a fresh random
 * password once) and loads the examples, then serves the API on HOST:PORT (127.0.0.1:3000).
 *
 * Environment: PORT, HOST, DATABASE_URL (PostgreSQL server; else PGlite in PGLITE_DIR, default
 * ./data/pglite), COOKIE_SECURE (1/0; default on unless HOST is loopback), LOG_LEVEL (default info),
 * TRUST_PROXY (reverse proxies whose X-Forwarded-For to believe; see trust-proxy.ts).
 * `--reset-admin-password` prints a new password for the first admin.
 */
import { buildApp } from './app.ts';
import { hashPassword, randomPassword } from './auth/password.ts';
import { openDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { purgeOldFailures } from './auth/backoff.ts';
import { purgeExpiredSessions } from './repo/sessions.ts';
import { parseTrustProxy } from './trust-proxy.ts';
import { hasAdmin, updateUser } from './repo/users.ts';
import { createAdmin, seedExamples } from './seed.ts';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const loopback = /^(127\.|localhost$|::1$)/.test(host);
const secureCookies = process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === '1' : !loopback;
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);

const db = await openDb({ url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR ?? './data/pglite' });
const applied = await migrate(db);
if (applied.length) console.log(`数据库迁移：${applied.join(', ')}`);

let password: string | undefined;
if (!(await hasAdmin(db))) {
  const admin = await createAdmin(db);
  password = admin.password;
  const seeded = await seedExamples(db, admin.user, { publish: true });
  if (seeded.length) console.log(`已载入示例并公开：${seeded.map((s) => `${s.unitCode}/${s.year}`).join('、')}`);
} else if (process.argv.includes('--reset-admin-password')) {
  const [first] = await db.query<{ id: number }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`);
  password = randomPassword();
  await updateUser(db, first.id, { passwordHash: await hashPassword(password), disabled: false });
}

const purgeStale = () => Promise.all([purgeExpiredSessions(db), purgeOldFailures(db)]);
await purgeStale();
const purge = setInterval(() => purgeStale().catch(() => {}), 3600_000).unref();

const app = await buildApp({ db, secureCookies, trustProxy, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
await app.listen({ host, port });
const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
console.log(`yusuan 已启动：${url}  API 文档：${url}api/docs  存储：${db.kind === 'pg' ? 'PostgreSQL' : 'PGlite'}`);
if (password) console.log(`管理员 admin 的密码（只显示这一次，请妥善保存）：${password}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    console.log(`收到 ${signal}，正在关闭…`);
    clearInterval(purge);
    await app.close();
    await db.close();
    process.exit(0);
  });
}
