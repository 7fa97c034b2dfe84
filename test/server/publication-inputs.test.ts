/** The web app's input of 预算说明 data: read, replace with the version read, validated with located problems. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let editor: Client;
let other: Client;
const U = '/api/budgets/186001/2024/publication';

beforeAll(async () => {
  s = await startServer();
  [editor, other] = await Promise.all([s.login('ed186001'), s.login('ed186002')]);
}, 120_000);
afterAll(() => s?.close());

describe('publication inputs API', () => {
  test('saving them reopens a published budget (back to draft) and is refused while it is under review', async () => {
    const admin = await s.login('admin');
    const B = '/api/budgets/186001/2024';
    const step = async (name: string) => {
      const r = await admin.post(`${B}/${name}`, { version: await admin.version('186001', 2024) });
      expect(r.statusCode, `${name} ${r.body}`).toBe(200);
    };
    await step('submit');
    const read = (await editor.get(U)).json();
    const locked = await editor.request({ method: 'PUT', url: U, payload: { inputs: read.inputs }, headers: { 'if-match': `"${read.version}"` } });
    expect(locked.statusCode).toBe(409);
    await step('approve');
    await step('publish');
    expect((await admin.get(B)).json().status).toBe('published');

    const { inputs, version } = (await editor.get(U)).json();
    const res = await editor.request({ method: 'PUT', url: U, payload: { inputs: { ...inputs, divisions: ['办公室'] } }, headers: { 'if-match': `"${version}"` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(version + 1);
    expect((await admin.get(B)).json().status).toBe('draft');
    // The published version stays what it was until the budget is published again.
    expect((await s.anonymous().get('/api/public/packages/186001/2024/latest')).json().version).toBe(1);
  }, 120_000);

  test('the imported example’s inputs are there, amounts in 万元, unit notes of this unit only', async () => {
    const res = await editor.get(U);
    expect(res.statusCode).toBe(200);
    const { inputs, amountUnit, version } = res.json();
    expect(amountUnit).toBe('万元');
    expect(res.headers.etag).toBe(`"${version}"`);
    expect(inputs.procurement).toEqual({ goods: '386.00', works: '450.00', services: '612.50' });
    expect(inputs.unitNotes.map((n: { unit: string }) => n.unit)).toEqual(['186001']);
  });

  test('saving replaces them and bumps the version; the budget document holds 分', async () => {
    const { inputs, version } = (await editor.get(U)).json();
    const res = await editor.request({ method: 'PUT', url: U, payload: { inputs: { ...inputs, procurement: { goods: '1.50', works: '0', services: '2' } } }, headers: { 'if-match': `"${version}"` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(version + 1);
    const doc = (await editor.get('/api/budgets/186001/2024')).json().document;
    expect(doc.publication.procurement).toEqual({ goods: 1_500_000, works: 0, services: 2_000_000 });
    expect(doc.projects.length).toBeGreaterThan(0); // the rest of the document is kept
  });

  test('bad input is refused with each problem’s path, and nothing changes', async () => {
    const { inputs, version } = (await editor.get(U)).json();
    const res = await editor.request({
      method: 'PUT',
      url: U,
      payload: { inputs: { ...inputs, procurement: { goods: '1.2345678' }, staffing: { establishment: 'many', serving: 1 } } },
      headers: { 'if-match': `"${version}"` },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems.map((p: { path: string }) => p.path)).toEqual(['staffing.establishment']);
    const money = await editor.request({ method: 'PUT', url: U, payload: { inputs: { ...inputs, procurement: { goods: '1.2345678' } } }, headers: { 'if-match': `"${version}"` } });
    expect(money.statusCode).toBe(422);
    expect(money.json().details.problems.map((p: { path: string }) => p.path)).toEqual(['procurement.goods']);
    expect((await editor.get(U)).json().version).toBe(version);
  });

  test('another unit’s editor may not write, and a write needs the version read', async () => {
    const { inputs, version } = (await editor.get(U)).json();
    expect((await other.request({ method: 'PUT', url: U, payload: { inputs }, headers: { 'if-match': `"${version}"` } })).statusCode).toBe(403);
    expect((await editor.request({ method: 'PUT', url: U, payload: { inputs } })).statusCode).toBe(428);
    expect((await editor.request({ method: 'PUT', url: U, payload: { inputs }, headers: { 'if-match': `"${version - 1}"` } })).statusCode).toBe(409);
  });
});
