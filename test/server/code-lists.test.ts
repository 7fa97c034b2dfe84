/** The finance department imports a year's official code list; pickers, checks and tables use it. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '../../src/server/auth/password.ts';
import { insertUser } from '../../src/server/repo/users.ts';
import { type Client, PASSWORD, startBareServer } from './helpers.ts';

const LIST = 'examples/codes/function-list-2025.csv';
let s: Awaited<ReturnType<typeof startBareServer>>;
let admin: Client;

function upload(c: Client, url: string, filename: string, content: Buffer | string) {
  const boundary = '----yusuancodes';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

const picker = async (year: number) => (await admin.get(`/api/classification/${year}`)).json();

beforeAll(async () => {
  s = await startBareServer();
  await s.db.query("INSERT INTO departments (code, name) VALUES ('237', '湖南省乡村建设服务局')");
  await s.db.query("INSERT INTO units (code, department_code, name, type) VALUES ('237001', '237', '湖南省乡村道路与农业技术服务中心', '事业单位')");
  await insertUser(s.db, { username: 'ed237001', displayName: 'ed', role: 'editor', unitCode: '237001', passwordHash: await hashPassword(PASSWORD) });
  admin = await s.login();
}, 120_000);
afterAll(() => s?.close());

describe('admin import of a code list', () => {
  test('only the finance department may import', async () => {
    const editor = await s.login('ed237001');
    expect((await upload(editor, '/api/admin/code-lists/2025/function', 'list.csv', readFileSync(LIST))).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'POST', url: '/api/admin/code-lists/2025/function' })).statusCode).toBe(401);
  });

  test('a list with a missing parent is refused whole, with the row and column', async () => {
    const res = await upload(admin, '/api/admin/code-lists/2025/function', 'bad.csv', '科目编码,科目名称\n213,农林水支出\n2130104,事业运行\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toEqual([{ file: 'bad.csv', row: 3, column: '科目编码', message: '编码 2130104 的上级 21301 不在表中' }]);
    // nothing stored: 2130104 stays the shipped, recalled row
    expect((await picker(2025)).function.find((x: { code: string }) => x.code === '2130104')).toMatchObject({ confidence: 'low', sources: 'K2' });
  });

  test('an imported list reaches the pickers with its provenance, and the tables print its names', async () => {
    const res = await upload(admin, '/api/admin/code-lists/2025/function', 'function-list-2025.csv', readFileSync(LIST));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2025, kind: 'function', levels: { 类: 6, 款: 6, 项: 26 } });
    const c = await picker(2025);
    expect(c.function.find((x: { code: string }) => x.code === '2130104')).toMatchObject({ name: '事业运行', confidence: 'imported', sources: 'function-list-2025.csv' });
    // shipped rows the import does not mention stay, with their own confidence
    expect(c.function.find((x: { code: string }) => x.code === '2060301')).toMatchObject({ confidence: 'high' });
    expect(c.lists.function.at(-1)).toMatchObject({ origin: 'database', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // other years are untouched
    expect((await picker(2024)).function.find((x: { code: string }) => x.code === '2130104')).toMatchObject({ confidence: 'low', sources: 'K2' });

    const budget = JSON.parse(readFileSync('examples/codes/budget.json', 'utf8'));
    const imported = await admin.post('/api/imports', { budget, lineItemsCsv: readFileSync('examples/codes/line-items.csv', 'utf8') });
    expect(imported.statusCode, imported.body).toBe(200);
    const findings = (await admin.get('/api/budgets/237001/2025/findings')).json();
    const errors = (findings.findings ?? findings).filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toEqual([]);
    const t07 = (await admin.get('/api/budgets/237001/2025/tables?table=07')).json().tables[0];
    expect(t07.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 2))).toContainEqual(['2140106', '公路养护']);
  }, 60_000);
});
