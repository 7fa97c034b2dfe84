/**
 * The province overview on the synthetic province: 100 departments / 2,000 units (bench/generate.ts),
 * each unit published as a snapshot (its model and its 23 tables, as a real publish stores them) in
 * in-memory PGlite without stored summaries (as before migration 004); then GET /api/public/overview:
 * the first answer (every snapshot read, summarised and its summary stored), a new app's first
 * answer (stored summaries: cold) and its later ones (nothing new published: warm).
 *
 *   node --import tsx bench/overview.ts [departments] [units] [lineItems]
 *
 * With OVERVIEW_BENCH_DB=dir the database is kept there (PGlite) and loaded only when empty, so
 * that repeated runs measure the route alone.
 */
import { pathToFileURL } from 'node:url';
import { loadClassification } from '../src/classification/load.ts';
import { unitBudget } from '../src/model/split.ts';
import { buildApp } from '../src/server/app.ts';
import { openDb } from '../src/server/db/db.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { upsertDepartment, upsertUnit } from '../src/server/repo/org.ts';
import { insertSnapshot } from '../src/server/repo/snapshots.ts';
import { PACKAGE_FORMAT, type SnapshotContent } from '../src/server/services/snapshot.ts';
import { buildTables } from '../src/tables/index.ts';
import { generateProvince } from './generate.ts';
import { ms, peakRss, timeAsync } from './measure.ts';

export async function benchOverview(departments = 100, units = 2_000, lineItems = 300_000) {
  const classification = loadClassification(2024);
  const province = generateProvince({ departments, units, lineItems, seed: 1 });
  const dir = process.env.OVERVIEW_BENCH_DB;
  const db = await openDb(dir ? { dir } : {});
  await migrate(db);
  const loaded = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM published_snapshots'))[0].n);
  const [load] = await timeAsync(async () => {
    if (loaded) return;
    for (const dept of province) {
      await upsertDepartment(db, dept.department.code, dept.department.name);
      for (const u of dept.units) {
        await upsertUnit(db, { code: u.code, departmentCode: dept.department.code, name: u.name, type: u.type });
        const budget = unitBudget(dept, u.code);
        const content: SnapshotContent = { format: PACKAGE_FORMAT, department: dept.department, unit: u, year: dept.year, version: 1, publishedAt: new Date().toISOString(), budget, tables: buildTables(budget, classification) };
        await insertSnapshot(db, { unitCode: u.code, year: dept.year, version: 1, budgetVersion: 1, content: JSON.stringify(content), publishedAt: content.publishedAt, userId: null as unknown as number }); // published_by may be null: no user published these
      }
    }
  });
  // Snapshots inserted directly have no stored summary, like those published before migration 004:
  // the first answer summarises and stores them (backfill). A second app is a new server process on
  // the same data: its first answer reads the stored summaries (cold); later answers are kept (warm).
  const summarised = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM snapshot_summaries'))[0].n);
  const answer = async (app: Awaited<ReturnType<typeof buildApp>>) => {
    const [t, res] = await timeAsync(() => app.inject({ method: 'GET', url: '/api/public/overview' }));
    if (res.statusCode !== 200) throw new Error(`overview: ${res.statusCode} ${res.body}`);
    return [t, res] as const;
  };
  const first = await buildApp({ db });
  const [backfill] = await answer(first).finally(() => first.close());
  const app = await buildApp({ db });
  try {
    const [cold, res] = await answer(app);
    const o = res.json();
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) runs.push((await answer(app))[0]);
    runs.sort((a, b) => a - b);
    return [
      `overview (${o.departments.length} departments, ${o.departments.reduce((s: number, d: { units: unknown[] }) => s + d.units.length, 0)} units, ${lineItems} line items; ${loaded ? 'kept from an earlier run' : `loaded and published in ${ms(load)}`}):`,
      `  GET /api/public/overview: ${summarised ? `first answer ${ms(backfill)} (summaries already stored)` : `first answer ${ms(backfill)} (reads every snapshot, stores its summary)`}; new process: cold ${ms(cold)} (stored summaries), then warm median ${ms(runs[10])}, max ${ms(runs.at(-1)!)} over 20; body ${(res.body.length / 1024).toFixed(0)} KB; peak RSS ${peakRss()}`,
    ].join('\n');
  } finally {
    await app.close();
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [d, u, li] = process.argv.slice(2).map(Number);
  console.log(await benchOverview(d || undefined, u || undefined, li || undefined));
}
