/**
 * The whole system in a real browser (Debian chromium driven by playwright-core): an editor signs
 * in, imports the seed example, edits a line item, meets a conflict, previews the 23 tables,
 * downloads xlsx and submits; a reviewer returns it, then approves and publishes it; the public sees
 * the tables and the charts, and the department's package; an audit of a broken disclosure points
 * at the cell. Then an officer breaks a cell (the error at the cell, one grouped finding, at 1400
 * and 800 px) and a citizen on a phone reads the province overview and a unit's charts and tables.
 * Screenshots go to test-artifacts/web/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTemplate } from '../../src/cli/template.ts';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { type Db, openDb } from '../../src/server/db/db.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { upsertDepartment, upsertUnit } from '../../src/server/repo/org.ts';
import { insertUser } from '../../src/server/repo/users.ts';
import { SEED_TEXT } from '../helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = 'examples/hunan-104012';
const SHOTS = 'test-artifacts/web';
const PASSWORD = 'correct horse battery';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`web e2e skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

describe.skipIf(!hasChromium)('web app in chromium', () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let webRoot: string;

  beforeAll(async () => {
    // the app as `npm run build:web` builds it, into a private folder so web/dist is left alone
    webRoot = mkdtempSync(join(tmpdir(), 'yusuan-web-'));
    const built = spawnSync('node_modules/.bin/vite', ['build', '--config', 'web/vite.config.ts', '--outDir', webRoot, '--logLevel', 'error'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
    // the seed example as an Excel input workbook, for the second import
    expect(await runTemplate([], { example: EXAMPLE, out: join(webRoot, 'input.xlsx') })).toBe(0);

    db = await openDb({});
    await migrate(db);
    // the finance department has registered the unit and its people; the budget itself is not there yet
    const seed = JSON.parse(readFileSync(`${EXAMPLE}/budget.json`, 'utf8'));
    await upsertDepartment(db, seed.department.code, seed.department.name);
    await upsertUnit(db, { code: '104012', departmentCode: seed.department.code, name: seed.units[0].name, type: seed.units[0].type });
    const passwordHash = await hashPassword(PASSWORD);
    await insertUser(db, { username: 'ed104012', displayName: '单位编制人', role: 'editor', unitCode: '104012', passwordHash });
    await insertUser(db, { username: 'rev104', displayName: '部门审核人', role: 'reviewer', departmentCode: '104', passwordHash });
    await insertUser(db, { username: 'admin', displayName: '财政管理员', role: 'admin', passwordHash });

    app = await buildApp({ db, webRoot, loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    mkdirSync(SHOTS, { recursive: true });
    // a vite build and a fresh database: seconds alone, much longer on a busy 2-core machine
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  const newPage = async (): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the server's Content-Security-Policy: anything it blocks is a failure, not a silent gap
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('Content Security Policy')) errors.push(m.text());
    });
    return { ctx, page, errors };
  };
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
  const login = async (page: Page, username: string) => {
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('form button[type=submit]');
    await page.waitForURL(`${base}/budgets`);
  };
  /** Waits until the findings panel shows the checks of the budget's current version. */
  const findingsOfCurrentVersion = async (page: Page) => {
    const version = await page.locator('section.workflow').getAttribute('data-version');
    const counts = page.locator(`[data-testid=findings-counts][data-version="${version}"]`);
    await counts.waitFor();
    return { version: Number(version), errors: Number(await counts.getAttribute('data-errors')) };
  };
  const downloadBytes = async (page: Page, selector: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return readFileSync((await download.path())!);
  };

  it('takes a budget from import to publication and shows it to the public', async () => {
    // — editor: import the seed example as budget.json + line-items.csv
    const editor = await newPage();
    const { page } = editor;
    await login(page, 'ed104012');
    await page.setInputFiles('input[name=budget]', `${EXAMPLE}/budget.json`);
    await page.setInputFiles('input[name=lineItems]', `${EXAMPLE}/line-items.csv`);
    await page.click('form.import-form button[type=submit]');
    await page.waitForURL(`${base}/budgets/104012/2024`);
    const csvRows = readFileSync(`${EXAMPLE}/line-items.csv`, 'utf8').trim().split('\n').length - 1;
    await expect.poll(() => page.locator('table.line-items tbody tr').count()).toBe(csvRows);
    const first = await findingsOfCurrentVersion(page);
    expect(first.errors).toBe(0);
    await shot(page, '01-editor-workspace');

    // — an inline edit is saved with the version it was based on, and checked again
    const amount1 = page.getByLabel('金额（万元） 1', { exact: true });
    const before = await amount1.inputValue();
    await amount1.fill('33.5');
    await amount1.press('Enter');
    await page.locator(`section.workflow[data-version="${first.version + 1}"]`).waitFor();
    expect((await findingsOfCurrentVersion(page)).version).toBe(first.version + 1);
    await expect.poll(() => amount1.inputValue()).toBe('33.50');

    // — someone else changes the budget meanwhile: the next edit here is refused with a conflict, not lost
    const other = await apiSession(base, 'ed104012');
    const itemId = await page.locator('table.line-items tbody tr').first().getAttribute('data-id');
    const patched = await other.request('PATCH', `/api/budgets/104012/2024/line-items/${itemId}`, { amount: before }, first.version + 1);
    expect(patched.status).toBe(200);
    await amount1.fill('34');
    await amount1.press('Enter');
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    await shot(page, '02-conflict');
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => amount1.inputValue()).toBe(before);
    expect(await conflict.count()).toBe(0);
    expect((await findingsOfCurrentVersion(page)).errors).toBe(0);

    // — code picker: search by name, shows code and name
    const picker = page.getByRole('combobox', { name: '支出功能分类' }).first();
    await picker.click();
    await picker.fill('社会公益研究');
    await expect.poll(() => page.locator('.picker-list [role=option]').first().textContent()).toContain('2060302');
    await shot(page, '03-code-picker');
    await picker.press('Escape');

    // — a wrong kind for a salary line is an error that links back to its line item
    const kind1 = page.getByRole('combobox', { name: '支出类型' }).first();
    const v0 = (await findingsOfCurrentVersion(page)).version;
    await kind1.selectOption('基本支出-公用经费');
    await page.locator(`section.workflow[data-version="${v0 + 1}"]`).waitFor();
    expect((await findingsOfCurrentVersion(page)).errors).toBeGreaterThan(0);
    await page.locator('.finding.error').filter({ hasText: 'R2-basic-econ' }).getByRole('button', { name: '明细第 1 行' }).click();
    await page.locator('#item-1.highlight').waitFor();
    await shot(page, '04-finding-to-line-item');
    await kind1.selectOption('基本支出-人员经费');
    await page.locator(`section.workflow[data-version="${v0 + 2}"]`).waitFor();
    expect((await findingsOfCurrentVersion(page)).errors).toBe(0);

    // — preview of the 23 tables
    await page.getByRole('tab', { name: '23 张表' }).click();
    await expect.poll(() => page.locator('table.budget').count()).toBe(23);
    expect(await page.locator('#table-01 caption .title').textContent()).toMatch(/收\s*支\s*总\s*表/);
    await shot(page, '05-tables-preview');

    // — xlsx download of the draft
    await page.getByRole('tab', { name: '导入与下载' }).click();
    const draftXlsx = await downloadBytes(page, 'a[data-format=xlsx]');
    expect(draftXlsx.subarray(0, 2).toString()).toBe('PK');

    // — import again, from the Excel input workbook: same items, a new version, still no error
    const vBefore = (await findingsOfCurrentVersion(page)).version;
    await page.setInputFiles('input[name=workbook]', join(webRoot, 'input.xlsx'));
    await page.click('form.import-form button[type=submit]');
    expect(await page.locator('.import-form .ok').textContent()).toContain(`已导入 ${csvRows} 条明细`);
    await page.locator(`section.workflow[data-version="${vBefore + 1}"]`).waitFor();
    expect((await findingsOfCurrentVersion(page)).errors).toBe(0);

    // — submit
    await page.getByRole('button', { name: '送审', exact: true }).click();
    await page.locator('section.workflow[data-status=submitted]').waitFor();
    await shot(page, '06-submitted');

    // — reviewer: sees it waiting and returns it with a comment
    const reviewer = await newPage();
    const rp = reviewer.page;
    await login(rp, 'rev104');
    await rp.getByRole('link', { name: /104012/ }).click();
    await rp.getByRole('button', { name: '退回', exact: true }).click();
    await rp.locator('.comment-form textarea').fill('请核对“三公”经费。');
    await rp.locator('.comment-form button.primary').click();
    await rp.locator('section.workflow[data-status=returned]').waitFor();

    // — editor: sees the comment and the history, submits again
    await page.reload();
    await page.locator('section.workflow[data-status=returned]').waitFor();
    expect(await page.locator('.review-comment').textContent()).toContain('请核对“三公”经费。');
    await page.getByRole('tab', { name: '修改记录' }).click();
    await expect.poll(() => page.locator('.history tbody tr').count()).toBeGreaterThanOrEqual(8); // 2 imports, 4 edits, submit, return
    expect(await page.locator('.history tbody tr').first().textContent()).toContain('退回');
    await shot(page, '07-returned-history');
    await page.getByRole('button', { name: '送审', exact: true }).click();
    await page.locator('section.workflow[data-status=submitted]').waitFor();

    // — reviewer: approves and publishes
    await rp.reload();
    await rp.getByRole('button', { name: '审核通过', exact: true }).click();
    await rp.locator('.comment-form textarea').fill('数据无误，同意。');
    await rp.locator('.comment-form button.primary').click();
    await rp.locator('section.workflow[data-status=approved]').waitFor();
    await rp.getByRole('button', { name: '公开', exact: true }).click();
    await rp.locator('section.workflow[data-status=published]').waitFor();
    await shot(rp, '08-reviewer-published');

    // — the public: department → unit → year, charts and the tables
    const visitor = await newPage();
    const pub = visitor.page;
    await pub.goto(base);
    await pub.locator('a.year-link[href="/public/104012/2024"]').click();
    await pub.waitForURL(`${base}/public/104012/2024`);
    const canvas = pub.locator('[data-chart=function] canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    await pub.waitForTimeout(600); // let the chart animation finish before the screenshot
    await shot(pub, '09-public-charts', true);
    await pub.getByRole('tab', { name: '23 张表' }).click();
    await expect.poll(() => pub.locator('table.budget').count()).toBe(23);
    await shot(pub, '10-public-tables');
    await pub.getByRole('tab', { name: '下载' }).click();
    const publicXlsx = await downloadBytes(pub, 'a[data-format=xlsx]');
    expect(publicXlsx.subarray(0, 2).toString()).toBe('PK');
    // 预算全文: the whole document as Word (a zip whose main part is named in its local headers)
    const publicDocx = await downloadBytes(pub, 'a[data-publication=docx]');
    expect(publicDocx.subarray(0, 2).toString()).toBe('PK');
    expect(publicDocx.includes('word/document.xml')).toBe(true);

    // — last year published too (through the API, with one amount 2.00 lower): the year-on-year view appears
    const lastYear = JSON.parse(readFileSync(`${EXAMPLE}/budget.json`, 'utf8'));
    lastYear.year = 2023;
    const csv = readFileSync(`${EXAMPLE}/line-items.csv`, 'utf8').replace('104012,2060301,30101,50501,基本支出-人员经费,,本年/一般公共预算拨款/经费拨款,32.00', '104012,2060301,30101,50501,基本支出-人员经费,,本年/一般公共预算拨款/经费拨款,30.00');
    const ed = await apiSession(base, 'ed104012');
    const rev = await apiSession(base, 'rev104');
    const imported = await ed.request('POST', '/api/imports', { budget: lastYear, lineItemsCsv: csv });
    let version: number = (await imported.json()).budgets[0].version;
    for (const [who, step] of [[ed, 'submit'], [rev, 'approve'], [rev, 'publish']] as const) {
      const res = await who.request('POST', `/api/budgets/104012/2023/${step}`, {}, version);
      expect(res.status, step).toBe(200);
      version = (await res.json()).version;
    }
    await pub.reload();
    await pub.getByRole('tab', { name: '年度对比' }).click();
    const total = pub.locator('table.yoy tr.total');
    await total.waitFor();
    expect(await total.locator('td').allTextContents()).toEqual(['301.74', '303.74', '+2.00', '+0.7%']);
    await shot(pub, '11-public-year-on-year');

    // — English: UI strings and table labels
    await pub.getByRole('button', { name: 'English' }).click();
    await pub.getByRole('tab', { name: 'The 23 tables' }).click();
    expect(await pub.locator('#table-01 caption .title').textContent()).toBe('Summary of revenue and expenditure');
    await shot(pub, '12-public-tables-en');

    // — the department's package, from the front page: its 23 tables rolled up from its units (合计 first, 填报部门 the department)
    await pub.getByRole('button', { name: '中文' }).click();
    await pub.getByRole('link', { name: '公开预算', exact: true }).first().click();
    await pub.locator('a.year-link[href="/public/departments/104/2024"]').click();
    await pub.getByRole('tab', { name: '23 张表' }).click();
    await expect.poll(() => pub.locator('table.budget').count()).toBe(23);
    const totalRow = pub.locator('#table-03 tbody tr').first();
    expect(await totalRow.getAttribute('class')).toBe('total');
    expect(await totalRow.locator('th').first().textContent()).toBe('合计');
    expect(await pub.locator('#table-03 caption .meta').textContent()).toContain('填报部门：湖南省科技厅');
    await shot(pub, '14-public-department');
    // its 预算全文 too: the whole 部门预算 document as PDF
    await pub.getByRole('tab', { name: '下载' }).click();
    const deptPdf = await downloadBytes(pub, 'a[data-publication=pdf]');
    expect(deptPdf.subarray(0, 5).toString()).toBe('%PDF-');

    // — audit of a disclosure: the seed's text with one figure changed is caught, and the finding points at the cell
    {
      const broken = join(webRoot, 'broken-disclosure.txt');
      writeFileSync(broken, readFileSync(SEED_TEXT, 'utf8').replace('    206     科学技术支出 256.35 142.41 113.94', '    206     科学技术支出 256.35 142.41 113.95'));
      await page.goto(`${base}/audit`);
      await page.setInputFiles('input[name=file]', broken);
      await page.click('form button[type=submit]');
      const counts = page.getByTestId('findings-counts');
      await counts.waitFor();
      expect(Number(await counts.getAttribute('data-errors'))).toBeGreaterThan(0);
      await expect.poll(() => page.locator('table.budget').count()).toBe(23);
      await page.locator('.finding.error .where button').first().click();
      const cell = page.locator('table.budget .highlight').first();
      await cell.waitFor();
      // the page scrolls smoothly to the cell: wait until it is on screen and the scrolling has stopped
      const settled = async () => {
        const y = await page.evaluate(() => scrollY);
        await page.waitForTimeout(150);
        return y === (await page.evaluate(() => scrollY)) && cell.evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().bottom < innerHeight);
      };
      await expect.poll(settled).toBe(true);
      await shot(page, '13-audit');
    }

    for (const p of [editor, reviewer, visitor]) {
      expect(p.errors).toEqual([]);
      await p.ctx.close();
    }
    // ~20 s alone; the margin is for a busy machine (load 20 on 2 cores has been seen) running other tests too
  }, 240_000);

  it('shows an officer the error at the cell and one grouped finding; shows a citizen on a phone the province and a unit', async () => {
    // — the officer, at a desktop width: a bad amount is refused at the cell, in 万元 terms, before anything is sent
    const editor = await newPage();
    const { page } = editor;
    await login(page, 'ed104012');
    await page.goto(`${base}/budgets/104012/2024`);
    const start = await findingsOfCurrentVersion(page);
    const amount1 = page.getByLabel('金额（万元） 1', { exact: true });
    const cell1 = page.locator('#item-1 td[data-field=amount]');
    await amount1.fill('-5');
    await amount1.press('Enter');
    await expect.poll(() => cell1.locator('.cell-note').textContent()).toContain('金额应大于 0');
    expect(await cell1.locator('.cell-note').isVisible()).toBe(true);
    await amount1.fill('1.1234567');
    await amount1.press('Enter');
    await expect.poll(() => cell1.locator('.cell-note').textContent()).toContain('最多 6 位小数');
    await amount1.press('Escape');
    expect(await page.locator('section.workflow').getAttribute('data-version')).toBe(String(start.version)); // nothing was saved

    // — one wrong code (30101 工资 on a project row): the cell says so, and the panel shows one group with the broken identities folded under it
    const row = 21; // 30299 其他商品和服务支出, 项目支出
    const econ = page.locator(`#item-${row} td[data-field=deptEconCode]`);
    const original = (await econ.locator('input').inputValue()).split(' ')[0];
    await econ.locator('input').click();
    await econ.locator('input').fill('30101');
    await page.locator('.picker-list [role=option]').first().waitFor();
    await econ.locator('input').press('Enter');
    await page.locator(`section.workflow[data-version="${start.version + 1}"]`).waitFor();
    const broken = await findingsOfCurrentVersion(page);
    expect(broken.errors).toBeGreaterThan(2);
    await expect.poll(() => econ.locator('.cell-note').first().textContent()).toMatch(/301/);
    const groups = page.locator('.finding-list > li.error');
    expect(await groups.count()).toBe(1);
    expect(await groups.first().getAttribute('data-row')).toBe(String(row));
    const folded = groups.first().locator('details.consequences');
    expect(await folded.getAttribute('open')).toBeNull();
    expect(Number(/\d+/.exec((await folded.locator('summary').textContent())!)![0])).toBeGreaterThan(0);
    await econ.scrollIntoViewIfNeeded();
    await shot(page, '15-officer-cell-error');
    // — in English the group, its identities and their table labels read in English
    await page.getByRole('button', { name: 'English' }).click();
    await folded.locator('summary').click();
    expect(await folded.locator('summary').textContent()).toMatch(/^Table identities it breaks \(\d+\)$/);
    const identity = (await folded.locator('.one-finding p').first().textContent())!;
    expect(identity).toMatch(/^Identity [IX]\d/);
    await shot(page, '15b-officer-findings-en');
    await page.getByRole('button', { name: '中文' }).click();

    // — at 800 px: the findings stay on screen above the row being fixed, and the amount column stays on screen too
    await page.setViewportSize({ width: 800, height: 900 });
    await page.locator(`#item-${row}`).scrollIntoViewIfNeeded();
    const panel = (await page.locator('aside.findings').boundingBox())!;
    const rowBox = (await page.locator(`#item-${row}`).boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(0);
    expect(panel.y + panel.height).toBeLessThanOrEqual(rowBox.y + 1);
    expect(await page.locator('.finding-list > li.error').first().isVisible()).toBe(true);
    const amountBox = (await page.getByLabel(`金额（万元） ${row}`, { exact: true }).boundingBox())!;
    expect(amountBox.x + amountBox.width).toBeLessThanOrEqual(800);
    await shot(page, '16-officer-800px');
    await page.setViewportSize({ width: 1400, height: 900 });

    // — history: row numbers, display names, before → after; no database ids
    await page.getByRole('tab', { name: '修改记录' }).click();
    const last = page.locator('.history tbody tr').first();
    await last.waitFor();
    expect(await last.textContent()).toContain(`第 ${row} 行`);
    expect(await last.textContent()).toContain('单位编制人');
    expect(await last.textContent()).toMatch(new RegExp(`${original}.*→.*30101`));
    expect(await page.locator('.history').textContent()).not.toMatch(/#\d+/);
    await shot(page, '17-history');
    await page.getByRole('tab', { name: /明细/ }).click();
    await econ.locator('input').click();
    await econ.locator('input').fill(original);
    await page.locator('.picker-list [role=option]').first().waitFor();
    await econ.locator('input').press('Enter');
    await page.locator(`section.workflow[data-version="${start.version + 2}"]`).waitFor();
    expect((await findingsOfCurrentVersion(page)).errors).toBe(0);

    // — pages that do not exist, or that the user may not see, say so
    await upsertUnit(db, { code: '104099', departmentCode: '104', name: '另一个单位', type: '事业单位' });
    await page.goto(`${base}/budgets/104099/2024`);
    await page.getByTestId('forbidden').waitFor();
    await page.goto(`${base}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
    await page.goto(`${base}/public/999999/2024`);
    await page.getByTestId('not-found').waitFor();

    // — the citizen on a phone: the province overview, readable without hovering
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true });
    const pub = await phone.newPage();
    const errors: string[] = [];
    pub.on('pageerror', (e) => errors.push(e.message));
    await pub.goto(base);
    await pub.getByRole('link', { name: '全省总览' }).first().click();
    await pub.waitForURL(`${base}/public/overview`);
    const dept = pub.locator('[data-dept="104"]');
    await dept.waitFor();
    expect(await dept.locator('.dept-name').textContent()).toBe('湖南省科技厅');
    expect(await dept.locator('.dept-total').textContent()).toBe('303.74');
    expect(await pub.getByTestId('overview-total').textContent()).toContain('303.74');
    const treemap = pub.locator('[data-chart=overview-functions] canvas').first();
    await treemap.waitFor();
    expect((await treemap.boundingBox())!.width).toBeLessThanOrEqual(390);
    await shot(pub, '18-phone-overview', true);
    await pub.getByRole('searchbox').fill('科学技术');
    const hit = pub.locator('.function-hit[data-function="206"]');
    await hit.waitFor();
    expect(await hit.textContent()).toContain('湖南省科技厅');
    await shot(pub, '19-phone-overview-search');
    await pub.getByRole('searchbox').fill('');
    await dept.getByRole('link', { name: '湖南省科技厅' }).click();
    await pub.waitForURL(`${base}/public/departments/104/2024`);

    // — a unit's charts on the phone: labelled bars that open the next level, every chart also a table, 三公 beside last year
    await pub.goto(`${base}/public/104012/2024`);
    const fn = pub.locator('[data-chart=function]');
    const fnCanvas = fn.locator('canvas').first();
    await fnCanvas.waitFor();
    const box = (await fnCanvas.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    await pub.mouse.click(box.x + 40, box.y + 18 + 44 / 2 + 2); // the first (largest) bar
    await expect.poll(() => fn.locator('.drill').textContent()).toMatch(/› \d{3} /);
    await fn.getByRole('button', { name: '表', exact: true }).click();
    const fnTable = fn.locator('table.chart-table');
    expect(await fnTable.textContent()).toContain('2060302');
    expect((await fnTable.locator('td').allTextContents()).filter((x) => x.endsWith('%')).every((x) => /^\d+\.\d%$/.test(x))).toBe(true);
    const three = pub.locator('[data-chart=three-public]');
    await three.getByRole('button', { name: '表', exact: true }).click();
    expect(await three.locator('thead').textContent()).toContain('2023');
    await pub.waitForTimeout(300);
    await shot(pub, '20-phone-unit-charts', true);
    const income = pub.locator('[data-chart=income]');
    await income.locator('canvas').waitFor();
    const [png] = await Promise.all([pub.waitForEvent('download'), income.locator('[data-download=png]').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    const [svg] = await Promise.all([pub.waitForEvent('download'), income.locator('[data-download=svg]').click()]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg[\s\S]*上年结转结余/);

    // — its tables on the phone: a jump lands on the title, which fits the screen even for a wide table
    await pub.getByRole('tab', { name: '23 张表' }).click();
    await pub.locator('.toc a[href="#table-05"]').click();
    const title = pub.locator('#table-05 caption .title');
    const visible = async () => {
      const b = await title.boundingBox();
      return !!b && b.y >= 0 && b.y < 844 && b.x >= 0 && b.x + b.width <= 390;
    };
    await expect.poll(visible).toBe(true);
    await pub.waitForTimeout(400);
    await shot(pub, '21-phone-wide-table');

    // — the overview in English: function names from the glossary, a name without one marked [zh]
    await pub.goto(`${base}/public/overview`);
    await pub.getByRole('button', { name: 'English' }).click();
    const yoyRows = pub.locator('table.yoy tbody th');
    await yoyRows.first().waitFor();
    expect(await yoyRows.allTextContents()).toContain('206 Science and technology');
    await pub.getByRole('button', { name: '中文' }).click();
    await pub.goto(`${base}/public/104012/2024`);
    await pub.getByRole('tab', { name: '23 张表' }).click();

    // — and at a desktop width the jump lands below the sticky header
    await pub.setViewportSize({ width: 1400, height: 900 });
    await pub.locator('.toc a[href="#table-21"]').click();
    const header = (await pub.locator('header.app-header').boundingBox())!;
    await expect.poll(async () => ((await pub.locator('#table-21 caption .title').boundingBox())?.y ?? -1) > header.y + header.height).toBe(true);
    await pub.waitForTimeout(400);
    await shot(pub, '22-desktop-table-anchor');

    expect(errors).toEqual([]);
    expect(editor.errors).toEqual([]);
    await phone.close();
    await editor.ctx.close();
  }, 240_000);

  it('lets the admin open an account that then changes its own password', async () => {
    const admin = await newPage();
    await login(admin.page, 'admin');
    await admin.page.click('nav a[href="/users"]');
    await admin.page.waitForURL(`${base}/users`);
    const form = admin.page.locator('form.new-user');
    await form.locator('input[name=username]').fill('ed104012b');
    await form.locator('input[name=displayName]').fill('第二编制人');
    await form.locator('select[name=scope]').selectOption('104012');
    // a common password is refused with the rule's reason
    await form.locator('input[name=password]').fill('password12');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.getByTestId('error').textContent()).toContain('常见密码');
    // no password: the server generates one and the page shows it once
    await form.locator('input[name=password]').fill('');
    await form.locator('button[type=submit]').click();
    const notice = admin.page.getByTestId('users-notice');
    await expect.poll(() => notice.textContent()).toMatch(/ed104012b.*[\w-]{16}$/);
    const generated = (await notice.textContent())!.match(/([\w-]{16})$/)![1];
    await expect.poll(() => admin.page.locator('tr[data-username=ed104012b]').count()).toBe(1);
    await shot(admin.page, '15-users');

    const user = await newPage();
    await user.page.goto(`${base}/login`);
    await user.page.fill('input[name=username]', 'ed104012b');
    await user.page.fill('input[name=password]', generated);
    await user.page.click('form button[type=submit]');
    await user.page.waitForURL(`${base}/budgets`);
    await user.page.click('a[href="/account/password"]');
    await user.page.fill('input[name=currentPassword]', generated);
    await user.page.fill('input[name=newPassword]', 'Lz6~ledger-of-2024');
    await user.page.fill('input[name=confirmPassword]', 'Lz6~ledger-of-2024');
    await user.page.click('form button[type=submit]');
    await user.page.getByTestId('password-changed').waitFor();
    const relogin = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ed104012b', password: 'Lz6~ledger-of-2024' }) });
    expect(relogin.status).toBe(200);

    // the admin disables the account: it can no longer sign in
    await admin.page.locator('tr[data-username=ed104012b] td.actions button').first().click();
    await expect.poll(() => admin.page.locator('tr[data-username=ed104012b]').getAttribute('class')).toBe('muted');
    const refused = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ed104012b', password: 'Lz6~ledger-of-2024' }) });
    expect(refused.status).toBe(401);
    for (const p of [admin, user]) {
      expect(p.errors).toEqual([]);
      await p.ctx.close();
    }
  }, 180_000);

  it('renders the API documentation (Swagger UI) under the same CSP', async () => {
    const { ctx, page, errors } = await newPage();
    const res = await page.goto(`${base}/api/docs`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    // Swagger UI builds the operations list from /api/docs/json with its own scripts
    await expect.poll(() => page.locator('.opblock-summary-path').count(), { timeout: 30_000 }).toBeGreaterThan(20);
    await expect.poll(() => page.locator('.opblock-summary-path', { hasText: '/api/me/password' }).count()).toBe(1);
    await shot(page, '14-api-docs');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});

/** A second sign-in of a user through the API, as another browser would do. */
async function apiSession(base: string, username: string) {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    request: (method: string, path: string, body: unknown, version?: number) =>
      fetch(`${base}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
        body: JSON.stringify(body),
      }),
  };
}
