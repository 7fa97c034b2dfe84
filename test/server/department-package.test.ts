/**
 * The public department package: composed from the latest published snapshot of each unit, it
 * equals the tables built directly from the department's budget restricted to those units; units
 * not yet published are listed; a unit's new version gives a new package and hash.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableToJson } from '../../src/formats/json.ts';
import { formatMoney } from '../../src/money/money.ts';
import type { Budget } from '../../src/model/budget.ts';
import { buildTables } from '../../src/tables/index.ts';
import { loadExample, MULTI_DIR } from '../helpers.ts';
import { type Client, startServer, type TestServer } from './helpers.ts';

const D = '/api/public/departments/186/2024';
const example = loadExample(MULTI_DIR);

let s: TestServer;
let admin: Client;
let anon: Client;

/** The department's budget with only these units (what has been published of it). */
function restrict(b: Budget, units: string[]): Budget {
  const keep = <T extends { unit: string }>(xs: T[]) => xs.filter((x) => units.includes(x.unit));
  return {
    ...b,
    units: b.units.filter((u) => units.includes(u.code)),
    lineItems: keep(b.lineItems),
    projects: keep(b.projects),
    yearEndBalances: keep(b.yearEndBalances),
    specialFunds: keep(b.specialFunds),
    projectPerformance: keep(b.projectPerformance),
    unitPerformance: keep(b.unitPerformance),
  };
}
const expectedTables = (b: Budget) => buildTables(b, example.classification).map(tableToJson);

beforeAll(async () => {
  s = await startServer();
  admin = await s.login('admin');
  anon = s.anonymous();
  await admin.publish('186001', 2024);
  await admin.publish('186002', 2024);
}, 120_000);
afterAll(() => s?.close());

describe('department package', () => {
  let firstHash: string;

  test('is the 23 tables of the published units, says which versions, and lists the unit not yet published', async () => {
    const res = await anon.get(D);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.department).toEqual({ code: '186', name: '湖南省开放合作促进厅' });
    expect(body.units.map((u: { code: string; version: number | null }) => [u.code, u.version])).toEqual([
      ['186001', 1],
      ['186002', 1],
      ['186003', null],
    ]);
    for (const u of body.units.slice(0, 2)) {
      const latest = (await anon.get(`/api/public/packages/${u.code}/2024/latest`)).json();
      expect(u).toMatchObject({ name: latest.unit.name, contentHash: latest.contentHash, publishedAt: latest.publishedAt });
    }
    expect(body.units[2]).toMatchObject({ name: '湖南省开放合作发展研究中心', publishedAt: null, contentHash: null });

    expect(body.tables).toHaveLength(23);
    expect(body.tables).toEqual(expectedTables(restrict(example.budget, ['186001', '186002'])));
    expect(body.tables.every((t: { filer: string }) => t.filer === '湖南省开放合作促进厅')).toBe(true);
    expect(res.headers.etag).toBe(`"${body.contentHash}"`);
    expect((await anon.get(D, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    firstHash = body.contentHash;
  });

  test('charts and downloads are of the composed tables', async () => {
    const charts = (await anon.get(`${D}/charts`)).json();
    const items = example.budget.lineItems.filter((li) => li.unit !== '186003');
    expect(charts.totalSpendingFen).toBe(items.reduce((sum, li) => sum + li.amount, 0));

    const json = await anon.get(`${D}/download.json?table=03,23`);
    expect(json.statusCode).toBe(200);
    const all = (await anon.get(D)).json().tables;
    expect(JSON.parse(json.body)).toEqual([all[2], all[22]]);
    const xlsx = await anon.get(`${D}/download.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.headers['content-disposition']).toContain(`186-2024-${firstHash.slice(0, 8)}.xlsx`);
    expect((await anon.get(`${D}/download.doc`)).statusCode).toBe(404);
  }, 180_000); // composes and renders the department's xlsx: seconds alone, much longer under load

  test('a new version of a unit changes the package and its hash', async () => {
    const U = '/api/budgets/186002/2024';
    const item = (await admin.get(`${U}/line-items`)).json().items[0] as { id: number; amountFen: number };
    const patched = await admin.patch(`${U}/line-items/${item.id}`, { amount: formatMoney(item.amountFen + 1_000_000) }, { 'if-match': `"${await admin.version('186002', 2024)}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    // not public until it is published again
    expect((await anon.get(D)).json().contentHash).toBe(firstHash);
    await admin.publish('186002', 2024);

    const body = (await anon.get(D)).json();
    expect(body.contentHash).not.toBe(firstHash);
    expect(body.units.map((u: { version: number | null }) => u.version)).toEqual([1, 2, null]);
    expect(body.tables).toEqual(expectedTables(restrict(withFirst186002Raised(), ['186001', '186002'])));
  });

  test('once every unit is published, none is missing and it equals the whole department built directly', async () => {
    await admin.publish('186003', 2024);
    const body = (await anon.get(D)).json();
    expect(body.units.every((u: { version: number | null }) => u.version !== null)).toBe(true);
    expect(body.tables).toEqual(expectedTables(withFirst186002Raised()));
  });

  test('unknown department, a year with nothing published, a malformed code', async () => {
    const unknown = await anon.get('/api/public/departments/999/2024');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', message: '部门 999 不存在' });
    expect((await anon.get('/api/public/departments/186/2023')).statusCode).toBe(404);
    expect((await anon.get('/api/public/departments/999/2024/charts')).statusCode).toBe(404);
    expect((await anon.get('/api/public/departments/1x6/2024')).statusCode).toBe(400);
  });
});

/** The department with 186002's first item 1.00 万元 higher, as the test publishes it. */
function withFirst186002Raised(): Budget {
  const b = structuredClone(example.budget);
  b.lineItems.find((li) => li.unit === '186002')!.amount += 1_000_000;
  return b;
}
