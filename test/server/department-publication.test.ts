/**
 * A department's 预算全文 from the public API: the whole 部门预算 document (cover, 目录, 说明,
 * 23 tables) of the department's package, i.e. of its units' latest published versions; it follows
 * a unit's new version; unknown formats and departments are 404.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, startServer, type TestServer } from './helpers.ts';
import { pdfText, squash } from './pdf-text.ts';

const D = '/api/public/departments/186/2024';

let s: TestServer;
let admin: Client;
let anon: Client;

beforeAll(async () => {
  s = await startServer();
  admin = await s.login('admin');
  anon = s.anonymous();
  await admin.publish('186001', 2024);
  await admin.publish('186002', 2024);
}, 120_000);
afterAll(() => s?.close());

describe('department 预算全文', () => {
  test('the PDF is the 部门预算 of the published units: cover, 说明 and the 23 tables', async () => {
    const pkg = (await anon.get(D)).json();
    const res = await anon.get(`${D}/publication.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain(`186-2024-${pkg.contentHash.slice(0, 8)}-`);
    expect(res.headers['cache-control']).toContain('no-cache');
    const text = await pdfText(res.rawPayload);
    expect(text.startsWith('湖南省开放合作促进厅2024年部门预算')).toBe(true);
    for (const h of ['目录', '第一部分2024年部门预算说明', '二、部门预算单位构成', '第二部分2024年部门预算公开表格']) expect(text, h).toContain(h);
    // 二、部门预算单位构成 names the units published, not the one that is not
    const [one, two, unpublished] = pkg.units as { name: string }[];
    expect(text).toContain('纳入本部门2024年部门预算编制范围的单位共2个');
    expect(text).toContain(squash(one.name));
    expect(text).toContain(squash(two.name));
    expect(text).not.toContain(squash(unpublished.name));
    for (const t of pkg.tables as { mark: string; title: string }[]) expect(text, t.mark).toContain(squash(`${t.mark}${t.title}`));
  }, 180_000);

  test('DOCX and HTML too; unknown format and department: 404', async () => {
    const html = await anon.get(`${D}/publication.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('第一部分 2024年部门预算说明');
    // the units carry the department file's inputs (imported unit by unit): one set, not summed
    const text = squash(html.body.replace(/<[^>]+>/g, ''));
    expect(text).toContain('本部门编制数412人，实有在职人数398人');
    expect(text).toContain('政府采购预算总额1448.50万元');
    const docx = await anon.get(`${D}/publication.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await anon.get(`${D}/publication.xlsx`)).statusCode).toBe(404);
    expect((await anon.get('/api/public/departments/999/2024/publication.pdf')).statusCode).toBe(404);
    expect((await anon.get('/api/public/departments/186/2023/publication.pdf')).statusCode).toBe(404);
  }, 180_000);

  test('follows the package: a third unit published shows in the document', async () => {
    const before = (await anon.get(`${D}/publication.html`)).body;
    await admin.publish('186003', 2024);
    const after = await anon.get(`${D}/publication.html`);
    expect(after.body).not.toBe(before);
    expect(after.body).toContain('湖南省开放合作发展研究中心');
    expect(after.headers['content-disposition']).toContain(`186-2024-${(await anon.get(D)).json().contentHash.slice(0, 8)}-`);
  }, 180_000);
});
