/**
 * The whole publication of a published snapshot, downloaded from the public API: the DOCX, HTML
 * and PDF hold the cover title, the 说明's sections and the 23 tables of the published version;
 * a version's URL is immutable; unknown formats and unpublished packages are 404.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromBuffer } from 'yauzl';
import { type Client, startServer, type TestServer } from './helpers.ts';
import { pdfText, squash } from './pdf-text.ts';

const P = '/api/public/packages/104012/2024';
const HEADINGS = ['一、单位基本概况', '三、单位收支总体情况', '六、其他重要事项的情况说明', '七、名词解释'];

let s: TestServer;
let anon: Client;
let tables: { title: string; mark: string }[];
let title: string;
beforeAll(async () => {
  s = await startServer(); // 104012 published
  anon = s.anonymous();
  const pkg = (await anon.get(`${P}/latest`)).json();
  tables = pkg.tables;
  title = `${pkg.unit.name}2024年单位预算`;
}, 120_000);
afterAll(() => s?.close());


/** The text of word/document.xml, tags removed. */
function docxText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts).toString('utf8').replace(/<[^>]+>/g, '')));
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    }),
  );
}


describe('预算全文 downloads', () => {
  test.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docxText],
    ['html', 'text/html', async (b: Buffer) => b.toString('utf8').replace(/<[^>]+>/g, '')],
    ['pdf', 'application/pdf', pdfText],
  ] as const)('%s: cover, 说明 sections and the 23 tables of the published version', async (format, type, read) => {
    const res = await anon.get(`${P}/latest/publication.${format}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['content-disposition']).toContain(`104012-2024-v1-`);
    expect(res.headers['content-disposition']).toContain(`.${format}`);
    expect(res.headers['cache-control']).toContain('no-cache');
    const text = squash(await read(res.rawPayload));
    expect(text).toContain(squash(title));
    expect(text).toContain('目录');
    for (const h of [...HEADINGS, '第一部分', '第二部分']) expect(text, h).toContain(h);
    expect(tables).toHaveLength(23);
    for (const t of tables) expect(text, t.title).toContain(squash(t.title));
  }, 120_000);

  test('a version is immutable and served the same bytes again', async () => {
    const a = await anon.get(`${P}/v/1/publication.docx`);
    expect(a.statusCode).toBe(200);
    expect(a.headers['cache-control']).toContain('immutable');
    const b = await anon.get(`${P}/latest/publication.docx`);
    expect(b.rawPayload.equals(a.rawPayload)).toBe(true);
  });

  test('the document is the published version: a later edit shows only in the next version', async () => {
    const admin = await s.login('admin');
    const U = '/api/budgets/104012/2024';
    const { inputs, version } = (await admin.get(`${U}/publication`)).json();
    const put = await admin.request({ method: 'PUT', url: `${U}/publication`, payload: { inputs: { ...inputs, procurement: { goods: '12345.67', works: '0', services: '0' } } }, headers: { 'if-match': `"${version}"` } });
    expect(put.statusCode, put.body).toBe(200);
    const html = async (ref: string) => (await anon.get(`${P}/${ref}/publication.html`)).body;
    expect(await html('latest')).not.toContain('12345.67');
    // saving the inputs reopened the budget (draft): publishing it again makes version 2
    expect((await admin.get(U)).json().status).toBe('draft');
    await admin.publish('104012', 2024);
    expect(await html('v/2')).toContain('12345.67');
    expect(await html('v/1')).not.toContain('12345.67');
  });

  test('unknown format, unknown version, unpublished package: 404', async () => {
    expect((await anon.get(`${P}/latest/publication.xlsx`)).statusCode).toBe(404);
    expect((await anon.get(`${P}/v/9/publication.docx`)).statusCode).toBe(404);
    expect((await anon.get('/api/public/packages/186001/2024/latest/publication.docx')).statusCode).toBe(404);
  });
});
