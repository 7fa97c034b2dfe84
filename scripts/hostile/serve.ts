/**
 * The server as scripts/hostile-uploads.ts attacks it: the real app on an in-memory database,
 * default file workers, loopback only, with the anonymous audit rate limit lifted so that the
 * uploads reach the workers instead of stopping at 429. Prints `ready` when it listens.
 */
import { buildApp } from '../../src/server/app.ts';
import { openDb } from '../../src/server/db/db.ts';
import { migrate } from '../../src/server/db/migrate.ts';

const db = await openDb({});
await migrate(db);
const app = await buildApp({ db, auditRateLimit: { max: 100_000, timeWindow: '1 minute' } });
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3130) });
console.log('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await db.close();
  process.exit(0);
});
