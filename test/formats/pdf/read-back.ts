/**
 * Test helper: a PDF read back with pdf.js (a dependency, so these tests need no poppler): the
 * text of each page in drawing order (one string per text run, joined by a space), the outline
 * with the page each bookmark opens, and the document info.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { headerGrid, type Table } from '../../../src/ir/table.ts';
import { formatMoney } from '../../../src/money/money.ts';

export interface ReadBack {
  pages: string[];
  outline: { title: string; page: number }[];
  info: Record<string, unknown>;
}

export async function readBack(pdf: Buffer): Promise<ReadBack> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => (i as TextItem).str).join(' '));
    }
    const outline = await Promise.all(
      ((await doc.getOutline()) ?? []).map(async (o) => {
        const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
        return { title: o.title, page: await doc.getPageIndex(dest![0] as never) };
      }),
    );
    const { info } = await doc.getMetadata();
    return { pages, outline, info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

export const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
export const AMOUNT = /-?\d+\.\d{2}/g;
export const amountsOf = (t: Table) => t.rows.flatMap((r) => r.cells.filter((c): c is number => typeof c === 'number').map((c) => formatMoney(c, t.unit)));

/** The whole merged header as printed: line by line, left to right, squashed. */
export const headerText = (t: Table) =>
  squash(
    headerGrid(t.header)
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((h) => h.label)
      .join(''),
  );

/** Page ranges [first, end) of each table, found by its 预算NN表 mark, which only its first page carries. */
export function tableRanges(pages: string[], tables: Table[]): [number, number][] {
  const starts = tables.map((t) => pages.findIndex((p) => p.includes(t.mark)));
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : pages.length]);
}
