/** Import and editing: optimistic locking, all-or-nothing imports, upload formats and limits, validation. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { budgetWorkbook } from '../../src/formats/input/workbook.ts';
import { zipBombXlsx } from '../../scripts/hostile/files.ts';
import type { Queryable } from '../../src/server/db/db.ts';
import { type Client, EXAMPLE_186, importBody, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let editor: Client;
let admin: Client;
const U = '/api/budgets/186001/2024';

type BudgetView = { status: string; version: number; totalFen: number; lineItems: { id: number; amountFen: number; project?: string; kind: string }[] };
const read = async (url = U) => (await admin.get(url)).json() as BudgetView;

beforeAll(async () => {
  s = await startServer();
  [editor, admin] = await Promise.all([s.login('ed186001'), s.login('admin')]);
}, 120_000);
afterAll(() => s?.close());

/** A multipart/form-data body. */
function multipart(parts: Record<string, string | { filename: string; content: Buffer | string }>) {
  const boundary = '----yusuan' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [name, p] of Object.entries(parts)) {
    const head = typeof p === 'string' ? `content-disposition: form-data; name="${name}"` : `content-disposition: form-data; name="${name}"; filename="${p.filename}"\r\ncontent-type: application/octet-stream`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(typeof p === 'string' ? p : p.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, url: string, parts: Parameters<typeof multipart>[0]) => {
  const { payload, headers } = multipart(parts);
  return c.request({ method: 'POST', url, payload, headers });
};

describe('optimistic locking', () => {
  test('two edits based on the same version: the second gets 409 and nothing is lost', async () => {
    const before = await read();
    const [a, b] = before.lineItems;
    const first = await editor.patch(`${U}/line-items/${a.id}`, { amount: '11.11' }, { 'if-match': `"${before.version}"` });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe(`"${before.version + 1}"`);
    const second = await admin.patch(`${U}/line-items/${b.id}`, { amount: '22.22' }, { 'if-match': `"${before.version}"` });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe(`预算已被他人修改（您提交的版本为 ${before.version}，当前版本为 ${before.version + 1}），请刷新后重试`);
    let now = await read();
    expect(now.lineItems.find((x) => x.id === a.id)!.amountFen).toBe(11_110_000);
    expect(now.lineItems.find((x) => x.id === b.id)!.amountFen).toBe(b.amountFen);
    // the second writer reloads and retries: both changes are kept
    expect((await admin.patch(`${U}/line-items/${b.id}`, { amount: '22.22' }, { 'if-match': `"${now.version}"` })).statusCode).toBe(200);
    now = await read();
    expect(now.lineItems.find((x) => x.id === a.id)!.amountFen).toBe(11_110_000);
    expect(now.lineItems.find((x) => x.id === b.id)!.amountFen).toBe(22_220_000);
  });

  test('simultaneous writes with one version: exactly one wins', async () => {
    const { version, lineItems } = await read();
    const results = await Promise.all(
      lineItems.slice(0, 4).map((li, i) => admin.patch(`${U}/line-items/${li.id}`, { amount: `${i + 1}.00` }, { 'if-match': String(version) })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect((await read()).version).toBe(version + 1);
  });

  test('a write without a version is refused with 428', async () => {
    const { lineItems } = await read();
    const res = await admin.patch(`${U}/line-items/${lineItems[0].id}`, { amount: '1.00' });
    expect(res.statusCode).toBe(428);
    expect(res.json().message).toContain('If-Match');
  });

  test('create and delete keep the list and the audit trail', async () => {
    const { version, lineItems } = await read();
    const created = await editor.post(
      `${U}/line-items`,
      { functionCode: '2011301', deptEconCode: '30211', kind: '基本支出-公用经费', fund: '本年/一般公共预算拨款/经费拨款', amount: '1234.56', amountUnit: '元' },
      { 'if-match': `"${version}"` },
    );
    expect(created.statusCode).toBe(201);
    // 政府经济分类 derived from the 部门经济分类 for a 行政单位
    expect(created.json().item).toMatchObject({ amountFen: 123_456, govEconCode: '50201' });
    const id = created.json().item.id;
    expect((await read()).lineItems.length).toBe(lineItems.length + 1);
    expect((await editor.delete(`${U}/line-items/${id}`, { 'if-match': String(created.json().version) })).statusCode).toBe(200);
    expect((await read()).lineItems.map((x) => x.id)).toEqual(lineItems.map((x) => x.id));
    const history = (await editor.get(`${U}/history?limit=2`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['delete', 'create']);
    expect(history[0].before).toMatchObject({ id, amountFen: 123_456 });
  });
});

describe('line item validation', () => {
  const patch = async (body: object) => {
    const { version, lineItems } = await read();
    const project = lineItems.find((li) => li.kind === '项目支出')!;
    return admin.patch(`${U}/line-items/${project.id}`, body, { 'if-match': String(version) });
  };
  test.each([
    [{ functionCode: '20113' }, 400, '请求参数不正确'],
    [{ project: '没有登记的项目' }, 422, 'project：项目“没有登记的项目”未在本单位预算的项目中登记'],
    [{ project: '' }, 422, 'project：项目支出须填写项目名称'],
    [{ amount: '1.0000001' }, 422, '小数位超过万元所能精确表示的 6 位'],
    [{ fund: '本年/不存在的来源' }, 400, '请求参数不正确'],
  ])('%j → %i', async (body, code, message) => {
    const before = await read();
    const res = await patch(body);
    expect(res.statusCode).toBe(code);
    expect(res.json().message).toContain(message);
    expect(await read()).toEqual(before);
  });
});

describe('imports', () => {
  test('a bad row fails the import with located problems, and the budget stays as it was', async () => {
    const before = await read();
    const body = importBody(EXAMPLE_186, { units: ['186001'], csv: (t) => t.replace('186001,2011301,30102', '186001,2011301,3010X') });
    const res = await editor.post(`${U}/import`, { ...body, version: before.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toEqual([{ file: 'line-items.csv', row: 3, column: 'dept_econ_code', message: '部门预算经济分类科目应为 5 位款级编码' }]);
    expect(await read()).toEqual(before);
  });

  test('a failure halfway through a multi-unit import changes no unit', async () => {
    const units = ['186001', '186002', '186003'];
    const before = await Promise.all(units.map((u) => read(`/api/budgets/${u}/2024`)));
    // the database fails on the second unit's line items
    const realTransaction = s.db.transaction;
    let inserts = 0;
    s.db.transaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
      realTransaction.call(s.db, (tx) => {
        const failing: Queryable = {
          exec: (sql) => tx.exec(sql),
          query: <R>(sql: string, params?: unknown[]) => {
            if (sql.includes('INSERT INTO line_items') && ++inserts === 2) throw new Error('disk full (injected)');
            return tx.query<R>(sql, params);
          },
        };
        return fn(failing);
      }) as Promise<T>;
    try {
      const res = await admin.post('/api/imports', importBody(EXAMPLE_186, { csv: (t) => t.replaceAll(',520.00\n', ',521.00\n') }));
      expect(res.statusCode).toBe(500);
      expect(res.json().message).toContain('服务器内部错误');
    } finally {
      s.db.transaction = realTransaction;
    }
    expect(inserts).toBe(2);
    expect(await Promise.all(units.map((u) => read(`/api/budgets/${u}/2024`)))).toEqual(before);
  });

  test('the file must be for the unit and year asked for', async () => {
    const { version } = await read();
    const wrongYear = await editor.post(`${U}/import`, { ...importBody(EXAMPLE_186, { units: ['186001'], year: 2025 }), version });
    expect(wrongYear.statusCode).toBe(422);
    expect(wrongYear.json().message).toBe('导入文件的年度为 2025，与所选预算年度 2024 不符');
    const otherUnit = await editor.post(`${U}/import`, { ...importBody(EXAMPLE_186, { units: ['186002'] }), version });
    expect(otherUnit.statusCode).toBe(422);
    const own = importBody(EXAMPLE_186, { units: ['186001'] });
    const sneaky = await editor.post(`${U}/import`, { ...own, budget: { ...own.budget, classification: '/etc' }, version });
    expect(sneaky.statusCode).toBe(422);
    expect(sneaky.json().details.problems[0].path).toBe('classification');
  });

  test('multipart: budget.json + line-items.csv files, and the input workbook, give the same budget', async () => {
    const body = importBody(EXAMPLE_186, { units: ['186001'] });
    const viaFiles = await upload(editor, `${U}/import`, {
      budget: { filename: 'budget.json', content: JSON.stringify(body.budget) },
      lineItems: { filename: 'line-items.csv', content: body.lineItemsCsv },
      version: String((await read()).version),
    });
    expect(viaFiles.statusCode, viaFiles.body).toBe(200);
    const afterFiles = await read();

    const { budget, classification } = readBudgetFolder(EXAMPLE_186);
    const xlsx = await budgetWorkbook({ budget, classification, amountUnit: '万元' });
    const viaWorkbook = await upload(editor, `${U}/import`, { workbook: { filename: '预算.xlsx', content: xlsx }, version: String(afterFiles.version) });
    expect(viaWorkbook.statusCode, viaWorkbook.body).toBe(200);
    const afterWorkbook = await read();
    expect(viaWorkbook.json().budget).toMatchObject({ unitCode: '186001', lineItems: afterFiles.lineItems.length, totalFen: afterFiles.totalFen, status: 'draft' });
    const strip = (b: BudgetView) => b.lineItems.map(({ id: _, ...li }) => li);
    expect(strip(afterWorkbook)).toEqual(strip(afterFiles));
    const csvTotal = body.lineItemsCsv.trim().split('\n').slice(1).reduce((a, r) => a + Math.round(Number(r.split(',').at(-1)) * 1_000_000), 0);
    expect(afterFiles.totalFen).toBe(csvTotal);
  }, 120_000); // the first workbook starts the server's file worker

  test('a workbook that is not an xlsx is a located 422', async () => {
    const res = await upload(editor, `${U}/import`, { workbook: { filename: 'x.xlsx', content: 'not a zip' }, version: String((await read()).version) });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems[0]).toMatchObject({ file: 'x.xlsx' });
  }, 60_000);

  test('a zip bomb workbook is refused before it is loaded: a 422 naming the file, the part and the cap', async () => {
    const res = await upload(editor, `${U}/import`, { workbook: { filename: 'bomb.xlsx', content: await zipBombXlsx(80) }, version: String((await read()).version) });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toEqual([{ file: 'bomb.xlsx', message: '无法读取工作簿：xl/worksheets/sheet1.xml 解压后 80 MB，超过单个部件上限 64 MB' }]);
  }, 60_000);

  test('size limits: JSON over 2 MB and files over 20 MB get 413', async () => {
    const body = importBody(EXAMPLE_186, { units: ['186001'] });
    const big = await editor.post(`${U}/import`, { ...body, lineItemsCsv: body.lineItemsCsv + '#'.repeat(2.5 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('too_large');
    const huge = await upload(editor, `${U}/import`, { workbook: { filename: 'big.xlsx', content: Buffer.alloc(21 * 1024 * 1024) } });
    expect(huge.statusCode).toBe(413);
    // a 3 MB file is within the upload limit (and then fails as a workbook, not on size)
    const ok = await upload(editor, `${U}/import`, { workbook: { filename: 'mid.xlsx', content: Buffer.alloc(3 * 1024 * 1024) }, version: '1' });
    expect(ok.statusCode).toBe(422);
  }, 60_000);
});
