/**
 * Pages read on two threads (the CLI's audits: read/pdf/page-helper.ts) come back exactly as read
 * on one: same pages in the same order, same words and ruled lines, same warnings. The helper is
 * started first, so that it loads pdf.js before the document and takes its share of the pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfContent } from '../../../src/disclosure/read/pdf/document.ts';
import { warmHelper } from '../../../src/disclosure/read/pdf/page-helper.ts';

const dir = new URL('../fixtures/corpus/', import.meta.url).pathname;
const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));

describe('PDF reader: pages read on two threads', () => {
  beforeAll(() => warmHelper(), 120_000);

  it.each(pdfs)('%s reads the same as on one thread', async (pdf) => {
    const bytes = new Uint8Array(readFileSync(dir + pdf));
    const one = await readPdfContent(bytes, pdf);
    const two = await readPdfContent(bytes, pdf, { parallel: true });
    expect(two.pages.map((p) => p.number)).toEqual(one.pages.map((p) => p.number));
    expect(two).toEqual(one);
  }, 120_000);

  it('a truncated PDF is refused the same way', async () => {
    const bytes = readFileSync(dir + pdfs[0]);
    const cut = new Uint8Array(bytes.subarray(0, bytes.length >> 1));
    const one = await readPdfContent(cut, 'cut.pdf').then(() => 'read', (e: Error) => e.message);
    const two = await readPdfContent(cut, 'cut.pdf', { parallel: true }).then(() => 'read', (e: Error) => e.message);
    expect(two).toBe(one);
  }, 120_000);
});
