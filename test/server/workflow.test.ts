/** Workflow transitions, publication snapshots (immutable, versioned), the public API and the audit trail. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, EXAMPLE_104, EXAMPLE_186, importBody, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let editor: Client;
let reviewer: Client;
let admin: Client;
let anon: Client;
const U = '/api/budgets/186002/2024';
const P = '/api/public/packages/186002/2024';

const state = async () => (await admin.get(U)).json() as { status: string; version: number; reviewComment: string | null; lineItems: { id: number; amountFen: number }[] };
const act = async (c: Client, name: string, body: object = {}) => c.post(`${U}/${name}`, { version: (await state()).version, ...body });

beforeAll(async () => {
  s = await startServer();
  [editor, reviewer, admin] = await Promise.all([s.login('ed186002'), s.login('rev186'), s.login('admin')]);
  anon = s.anonymous();
}, 120_000);
afterAll(() => s?.close());

describe('transitions', () => {
  test('draft → submitted → returned → submitted → approved → published, each recorded', async () => {
    expect((await state()).status).toBe('draft');
    expect((await act(editor, 'submit')).json()).toMatchObject({ status: 'submitted' });

    // locked while under review
    const item = (await state()).lineItems[0];
    const locked = await editor.patch(`${U}/line-items/${item.id}`, { amount: '1.00' }, { 'if-match': String((await state()).version) });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain('审核期间不能修改');
    const relocked = await editor.post(`${U}/import`, { ...importBody(EXAMPLE_186, { units: ['186002'] }), version: (await state()).version });
    expect(relocked.statusCode).toBe(409);

    const noComment = await act(reviewer, 'return');
    expect(noComment.statusCode).toBe(422);
    expect(noComment.json().message).toBe('退回时须填写退回意见');
    expect((await act(reviewer, 'return', { comment: '请核对培训费' })).json()).toMatchObject({ status: 'returned' });
    expect((await state()).reviewComment).toBe('请核对培训费');

    expect((await act(editor, 'submit')).json()).toMatchObject({ status: 'submitted' });
    expect((await act(reviewer, 'approve')).json()).toMatchObject({ status: 'approved' });
    const published = (await act(reviewer, 'publish')).json();
    expect(published).toMatchObject({ status: 'published', snapshot: { unitCode: '186002', year: 2024, version: 1 } });

    const history = (await editor.get(`${U}/history`)).json() as { action: string; username: string; before: { status: string }; after: { status: string } }[];
    const steps = history.filter((h) => h.before?.status).reverse().map((h) => `${h.username}:${h.action}:${h.before.status}→${h.after.status}`);
    expect(steps).toEqual([
      'ed186002:submit:draft→submitted',
      'rev186:return:submitted→returned',
      'ed186002:submit:returned→submitted',
      'rev186:approve:submitted→approved',
      'rev186:publish:approved→published',
    ]);
  });

  test.each([
    ['draft', ['withdraw', 'approve', 'return', 'publish']],
    ['submitted', ['submit', 'publish']],
    ['approved', ['submit', 'withdraw', 'approve', 'return']],
  ])('from %s these are refused with 409 and change nothing: %j', async (from, refused) => {
    const u = '/api/budgets/186003/2024';
    const v = async () => (await admin.get(u)).json() as { status: string; version: number };
    if (from !== 'draft') await admin.post(`${u}/submit`, { version: (await v()).version });
    if (from === 'approved') await admin.post(`${u}/approve`, { version: (await v()).version });
    const before = await v();
    expect(before.status).toBe(from);
    for (const name of refused) {
      const res = await admin.post(`${u}/${name}`, { version: before.version, comment: 'x' });
      expect(res.statusCode, name).toBe(409);
      expect(res.json().message).toMatch(/^当前状态为/);
    }
    expect(await v()).toEqual(before);
  });

  test('a transition with a stale version gets 409', async () => {
    const u = '/api/budgets/186001/2024';
    const { version } = (await admin.get(u)).json();
    const res = await admin.post(`${u}/submit`, { version: version - 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual({ expectedVersion: version - 1, currentVersion: version });
    expect((await admin.post(`${u}/submit`, {})).statusCode).toBe(428);
  });

  test('publishing is refused while the checks report errors', async () => {
    const u = '/api/budgets/186001/2024';
    const b = (await admin.get(u)).json();
    const personnel = b.lineItems.find((li: { kind: string }) => li.kind === '基本支出-人员经费');
    // 30217 公务接待费 is not a personnel expense: rule R2 is an error
    await admin.patch(`${u}/line-items/${personnel.id}`, { deptEconCode: '30217' }, { 'if-match': String(b.version) });
    const findings = (await admin.get(`${u}/findings`)).json();
    expect(findings.errors).toBeGreaterThan(0);
    for (const step of ['submit', 'approve']) await admin.post(`${u}/${step}`, { version: (await admin.get(u)).json().version });
    const res = await admin.post(`${u}/publish`, { version: (await admin.get(u)).json().version });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.findings.map((f: { rule: string }) => f.rule)).toContain('R2-basic-econ');
    expect((await admin.get(u)).json().status).toBe('approved');
    expect((await anon.get('/api/public/packages/186001/2024/latest')).statusCode).toBe(404);
  });
});

describe('published snapshots', () => {
  test('are immutable and versioned: an edit goes back to draft, v1 stays, a new publish makes v2', async () => {
    const v1 = await anon.get(`${P}/v/1`);
    const v1Body = v1.body;
    const hash1 = v1.json().contentHash;
    const content1 = (await anon.get(`${P}/v/1/content`)).body;
    expect(createHash('sha256').update(content1).digest('hex')).toBe(hash1);

    const b = await state();
    const item = b.lineItems[0];
    const edited = await editor.patch(`${U}/line-items/${item.id}`, { amount: '123.45' }, { 'if-match': `"${b.version}"` });
    expect(edited.json()).toMatchObject({ status: 'draft', item: { amountFen: 123_450_000 } });
    // the public still sees v1, unchanged
    expect((await anon.get(`${P}/latest`)).body).toBe(v1Body);

    for (const [c, step] of [[editor, 'submit'], [reviewer, 'approve'], [admin, 'publish']] as const) expect((await act(c, step)).statusCode).toBe(200);
    const latest = (await anon.get(`${P}/latest`)).json();
    expect(latest.version).toBe(2);
    expect(latest.contentHash).not.toBe(hash1);
    expect((await anon.get(`${P}/v/1`)).body).toBe(v1Body);
    expect((await anon.get(`${P}/v/1/content`)).body).toBe(content1);
    const versions = (await anon.get(P)).json();
    expect(versions.map((x: { version: number }) => x.version)).toEqual([1, 2]);
    const v2Items = JSON.parse((await anon.get(`${P}/v/2/content`)).body).budget.lineItems;
    expect(v2Items[0].amount).toBe(123_450_000);
    expect(JSON.parse(content1).budget.lineItems[0].amount).toBe(item.amountFen);
  });

  test('the database refuses to change or delete a snapshot', async () => {
    await expect(s.db.query(`UPDATE published_snapshots SET content = '{}' WHERE unit_code = '186002'`)).rejects.toThrow(/只能追加/);
    await expect(s.db.query(`DELETE FROM published_snapshots WHERE unit_code = '186002'`)).rejects.toThrow(/只能追加/);
    await expect(s.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/只能追加/);
    expect((await s.db.query(`SELECT 1 FROM published_snapshots WHERE unit_code = '186002'`)).length).toBe(2);
  });

  test('a version URL is cacheable forever; latest revalidates by content hash', async () => {
    const res = await anon.get(`${P}/v/1`);
    expect(res.headers['cache-control']).toContain('immutable');
    const latest = await anon.get(`${P}/latest`);
    expect(latest.headers['cache-control']).toBe('public, no-cache');
    expect((await anon.get(`${P}/latest`, { 'if-none-match': latest.headers.etag as string })).statusCode).toBe(304);
    expect((await anon.get(`${P}/v/9`)).statusCode).toBe(404);
    expect((await anon.get('/api/public/packages/186003/2024/latest')).json().message).toContain('尚未公开');
  });
});

describe('public data', () => {
  test('tables are the 23 tables in 万元; charts add up to the line items', async () => {
    const pkg = (await anon.get('/api/public/packages/104012/2024/latest')).json();
    expect(pkg.tables.map((t: { mark: string }) => t.mark)).toEqual(Array.from({ length: 23 }, (_, i) => `预算${String(i + 1).padStart(2, '0')}表`));
    const content = JSON.parse((await anon.get('/api/public/packages/104012/2024/latest/content')).body);
    const total = content.budget.lineItems.reduce((sum: number, li: { amount: number }) => sum + li.amount, 0);
    const charts = (await anon.get('/api/public/packages/104012/2024/latest/charts')).json();
    expect(charts.totalSpendingFen).toBe(total);
    const sum = (xs: { amountFen: number }[]) => xs.reduce((a, x) => a + x.amountFen, 0);
    expect(sum(charts.spendingByFunction)).toBe(total);
    for (const cls of charts.spendingByFunction) expect(sum(cls.children)).toBe(cls.amountFen);
    expect(sum(charts.spendingByKind)).toBe(total);
    // 预算03表 合计 in 万元 equals the chart total
    const t03 = pkg.tables.find((t: { id: string }) => t.id === '03');
    expect(Math.round(t03.rows[0].cells[2] * 1_000_000)).toBe(total);
    // income = spending + planned year-end balances (预算02表 R6)
    const balances = content.budget.yearEndBalances.reduce((a: number, b: { amount: number }) => a + b.amount, 0);
    expect(sum(charts.incomeBySource)).toBe(total + balances);
  });

  test('year on year needs both years published', async () => {
    const yoy = '/api/public/packages/104012/2024/yoy';
    expect((await anon.get(yoy)).statusCode).toBe(404);
    const imported = (await admin.post('/api/imports', importBody(EXAMPLE_104, { year: 2023, csv: (t) => t.replace(',32.00\n', ',30.00\n') }))).json();
    expect(imported.budgets[0]).toMatchObject({ unitCode: '104012', year: 2023 });
    for (const step of ['submit', 'approve', 'publish']) {
      const version = (await admin.get('/api/budgets/104012/2023')).json().version;
      expect((await admin.post(`/api/budgets/104012/2023/${step}`, { version })).statusCode).toBe(200);
    }
    const res = (await anon.get(yoy)).json();
    expect(res.years).toEqual([2023, 2024]);
    const total = res.rows.find((r: { key: string }) => r.key === 'total');
    expect(total.changeFen).toBe(2_000_000); // 32.00 − 30.00 万元 = 2 000 000 分
    expect(total.currentFen - total.previousFen).toBe(total.changeFen);
    const depts = (await anon.get('/api/public/departments')).json();
    const unit104 = depts.find((d: { code: string }) => d.code === '104').units[0];
    expect(unit104.years.map((y: { year: number }) => y.year).sort()).toEqual([2023, 2024]);
  });

  test('downloads of a published version', async () => {
    const xlsx = await anon.get('/api/public/packages/104012/2024/v/1/download.xlsx?table=01,03');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('104012-2024-v1.xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await anon.get('/api/public/packages/104012/2024/latest/download.csv?table=03');
    expect(csv.body.split('\r\n')[0]).toContain('科目编码');
    const html = await anon.get('/api/public/packages/104012/2024/v/1/download.html?table=14');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('“三公”经费');
    expect(html.body).not.toContain('预算01表');
    const pdf = await anon.get('/api/public/packages/104012/2024/v/1/download.pdf?table=01');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await anon.get('/api/public/packages/104012/2024/v/1/download.doc')).statusCode).toBe(404);
  });
});
