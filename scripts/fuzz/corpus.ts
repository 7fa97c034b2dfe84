/**
 * What the fuzzer mutates: the real disclosure (the seed, pdftotext output) and the PDFs and
 * workbooks yusuan writes for both examples, whole and one table at a time (small inputs run fast
 * and reach every table's reading), PDFs also uncompressed so byte damage hits the page content.
 */
import { readFileSync } from 'node:fs';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { pdfBuffer } from '../../src/formats/pdf.ts';
import { PageCanvas } from '../../src/formats/pdf/page-canvas.ts';
import { tablePages } from '../../src/formats/pdf/table-pages.ts';
import { xlsxBuffer } from '../../src/formats/xlsx.ts';
import type { Table } from '../../src/ir/table.ts';
import { buildTables } from '../../src/tables/index.ts';

export type InputKind = 'txt' | 'pdf' | 'xlsx';

export interface Input {
  name: string;
  kind: InputKind;
  bytes: Uint8Array;
  /** relative chance of being picked */
  weight: number;
}

const SEED_TEXT = new URL('../../test/fixtures/seed/000_3c3361467ddba6b8.txt', import.meta.url);
export const EXAMPLES = ['examples/hunan-104012', 'examples/multi-unit-department'];

export interface CorpusOptions {
  /** examples to build from (default: both) */
  examples?: string[];
  /** tables written one at a time (default: all) */
  tables?: string[];
  /** include the whole-package PDFs (slow to read: a second or so each) */
  wholePdf?: boolean;
}

export async function buildCorpus({ examples = EXAMPLES, tables: only, wholePdf = true }: CorpusOptions = {}): Promise<Input[]> {
  const root = new URL('../../', import.meta.url);
  const out: Input[] = [{ name: 'seed.txt', kind: 'txt', bytes: readFileSync(SEED_TEXT), weight: 40 }];
  for (const example of examples) {
    const { budget, classification } = readBudgetFolder(new URL(example, root).pathname);
    const tables = buildTables(budget, classification);
    const base = example.split('/').pop()!;
    if (wholePdf) out.push({ name: `${base}.pdf`, kind: 'pdf', bytes: await pdfBuffer(tables), weight: 2 });
    out.push({ name: `${base}.xlsx`, kind: 'xlsx', bytes: await xlsxBuffer(tables), weight: 6 });
    for (const t of tables.filter((x) => !only || only.includes(x.id))) {
      out.push({ name: `${base}-${t.mark}.pdf`, kind: 'pdf', bytes: await pdfBuffer([t]), weight: 0.3 });
      out.push({ name: `${base}-${t.mark}-raw.pdf`, kind: 'pdf', bytes: await uncompressedPdf(t), weight: 0.3 });
      out.push({ name: `${base}-${t.mark}.xlsx`, kind: 'xlsx', bytes: await xlsxBuffer([t]), weight: 0.3 });
    }
  }
  // Plain arrays: a Buffer's slice() is a view, and mutating one would change the corpus.
  return out.map((i) => ({ ...i, bytes: new Uint8Array(i.bytes) }));
}

async function uncompressedPdf(t: Table): Promise<Uint8Array> {
  const canvas = new PageCanvas({ title: t.title, author: t.filer }, { compress: false });
  const pages = tablePages([t], canvas.glyphs);
  pages.forEach((p, i) => canvas.page(p, `第 ${i + 1} 页，共 ${pages.length} 页`));
  return canvas.end();
}
