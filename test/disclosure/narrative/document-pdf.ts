/**
 * Test helper: a whole disclosure as PDF — the 说明 pages (one paragraph a line) followed by the
 * tables as yusuan prints them — so the audit can be run on text and tables from one file.
 */
import { PageCanvas, type PagePaint } from '../../../src/formats/pdf/page-canvas.ts';
import { wrapProse } from '../../../src/formats/pdf/prose.ts';
import { PAGE, PAGE_MARGINS } from '../../../src/formats/pdf/table-content.ts';
import { tablePages } from '../../../src/formats/pdf/table-pages.ts';
import { LINE_EM } from '../../../src/formats/pdf/widths.ts';
import type { Table } from '../../../src/ir/table.ts';

const SIZE = 11;

export async function documentPdf(pages: string[][], tables: Table[]): Promise<Buffer> {
  const canvas = new PageCanvas({ title: '', author: '' });
  const width = PAGE.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
  const text = pages.map((lines): PagePaint => {
    let y = PAGE_MARGINS[1];
    const texts = lines.flatMap((line) => {
      const runs = wrapProse(canvas.glyphs, line, width, SIZE).map((l, k) => ({ text: l, x: PAGE_MARGINS[0], y: y + k * SIZE * LINE_EM, size: SIZE }));
      y += runs.length * SIZE * LINE_EM + 4;
      return runs;
    });
    return { texts, rules: [] };
  });
  const all = [...text, ...tablePages(tables, canvas.glyphs)];
  all.forEach((p, i) => canvas.page(p, `第 ${i + 1} 页，共 ${all.length} 页`));
  return canvas.end();
}
