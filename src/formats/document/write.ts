/** `yusuan build` writers of the whole publication: the document is built once per package from its model and tables. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Publication } from '../../publication/document.ts';
import { buildPublication } from '../../publication/publication.ts';
import type { Writer, WriteContext } from '../writers.ts';
import type { Table } from '../../ir/table.ts';

const cache = new WeakMap<Table[], Publication>();
function publicationOf(tables: Table[], ctx: WriteContext): Publication {
  if (!ctx.budget || !ctx.classification) throw new Error('文档格式需要预算模型（budget）');
  let p = cache.get(tables);
  if (!p) cache.set(tables, (p = buildPublication(ctx.budget, ctx.classification, tables)));
  return p;
}

const writer =
  (ext: string, render: (p: Publication) => Promise<Buffer | string>): Writer =>
  async (tables, ctx) => {
    const path = join(ctx.dir, `${ctx.baseName}.${ext}`);
    writeFileSync(path, await render(publicationOf(tables, ctx)));
    return [path];
  };

export const writeDocumentPdf = writer('pdf', async (p) => (await import('./pdf.ts')).publicationPdf(p));
export const writeDocx = writer('docx', async (p) => (await import('./docx.ts')).publicationDocx(p));
export const writeDocumentHtml = writer('html', async (p) => (await import('./html.ts')).publicationHtml(p));
