/**
 * The province overview on the synthetic province: 100 departments / 2,000 units (bench/generate.ts),
 * each unit published as a snapshot (its model and its 23 tables, as a real publish stores them) in
 * in-memory PGlite; then GET /api/public/overview, first (every snapshot read and summarised once)
 * and again (nothing new published: one query for the versions, then the kept answer).
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
  const app = await buildApp({ db });
  try {
    const get = () => app.inject({ method: 'GET', url: '/api/public/overview' });
    const [first, res] = await timeAsync(get);
    if (res.statusCode !== 200) throw new Error(`overview: ${res.statusCode} ${res.body}`);
    const o = res.json();
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) runs.push((await timeAsync(get))[0]);
    runs.sort((a, b) => a - b);
    return [
      `overview (${o.departments.length} departments, ${o.departments.reduce((s: number, d: { units: unknown[] }) => s + d.units.length, 0)} units, ${lineItems} line items; ${loaded ? 'kept from an earlier run' : `loaded and published in ${ms(load)}`}):`,
      `  GET /api/public/overview first ${ms(first)} (reads and summarises every snapshot), then median ${ms(runs[10])}, max ${ms(runs.at(-1)!)} over 20; body ${(res.body.length / 1024).toFixed(0)} KB; peak RSS ${peakRss()}`,
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
