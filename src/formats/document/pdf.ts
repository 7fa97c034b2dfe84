/**
 * The whole publication as PDF, drawn by the same machinery as the tables-only PDF (measured
 * glyph widths, our own page layout, pdfkit): a cover with the body's name and the year, 目录
 * whose entries link to and give the page each part, section and table starts on, then the pages
 * of `layoutFlow` (第一部分 upright, 第二部分 the tables landscape). Nested bookmarks for the parts,
 * sections and tables; the title and year in the metadata; 第 N 页，共 M 页 on all but the cover.
 */
import type { Publication } from '../../publication/document.ts';
import type { Glyphs } from '../pdf/glyphs.ts';
import { PageCanvas, PORTRAIT } from '../pdf/page-canvas.ts';
import { LINE_EM } from '../pdf/widths.ts';
import { BODY_SIZE, layoutFlow, TEXT_MARGINS, type FlowPage } from './pdf-flow.ts';
import { outlineOf, type OutlineEntry } from './outline.ts';

const LEFT = TEXT_MARGINS[0];
const WIDTH = PORTRAIT.width - TEXT_MARGINS[0] - TEXT_MARGINS[2];
const BOTTOM = PORTRAIT.height - TEXT_MARGINS[3];
/** Width kept at the right of a 目录 line for its page number. */
const NUMBER_WIDTH = 36;
/** Indentation of a 目录 entry per level, in pt (tables one step further in). */
const TOC_INDENT = 16;
const TOC_ADVANCE = BODY_SIZE * LINE_EM * 1.2;

const blank = (): FlowPage => ({ portrait: true, texts: [], rules: [], links: [], anchors: [], bookmarks: [] });

function centred(page: FlowPage, text: string, y: number, size: number, glyphs: Glyphs) {
  page.texts.push({ text, x: (PORTRAIT.width - glyphs.em(text, true) * size) / 2, y, size, bold: true });
}

function cover(p: Publication, glyphs: Glyphs): FlowPage {
  const page = blank();
  centred(page, p.body, 264, 22, glyphs);
  centred(page, `${p.year}年${p.word}预算`, 264 + 22 * LINE_EM + 24, 28, glyphs);
  return page;
}

/**
 * The 目录 pages. Entries are laid out before their page numbers are known (those depend on how
 * many pages the 目录 takes); `numbers` says where each number goes.
 */
function contents(entries: OutlineEntry[], glyphs: Glyphs): { pages: FlowPage[]; numbers: { page: FlowPage; id: string; y: number }[] } {
  const pages = [blank()];
  let page = pages[0];
  const title = '目    录';
  centred(page, title, TEXT_MARGINS[1], 16, glyphs);
  let y = TEXT_MARGINS[1] + 16 * LINE_EM + 18;
  const numbers: { page: FlowPage; id: string; y: number }[] = [];
  for (const e of entries) {
    const indent = (e.level - 1) * TOC_INDENT + (e.table ? TOC_INDENT : 0);
    const bold = e.level === 1;
    const lines = glyphs.wrap(e.text, WIDTH - indent - NUMBER_WIDTH, BODY_SIZE, bold);
    if (y + lines.length * TOC_ADVANCE > BOTTOM) {
      pages.push((page = blank()));
      y = TEXT_MARGINS[1];
    }
    page.links!.push({ x: LEFT, y, w: WIDTH, h: lines.length * TOC_ADVANCE, to: e.id });
    lines.forEach((text, k) => page.texts.push({ text, x: LEFT + indent, y: y + k * TOC_ADVANCE, size: BODY_SIZE, bold }));
    numbers.push({ page, id: e.id, y });
    y += lines.length * TOC_ADVANCE;
  }
  return { pages, numbers };
}

/** The publication's PDF, in memory. */
export async function publicationPdf(p: Publication): Promise<Buffer> {
  const canvas = new PageCanvas({
    title: p.title,
    author: p.body,
    subject: `${p.year}年${p.word}预算公开`,
    keywords: `${p.year}, ${p.word}预算, 预算公开`,
  });
  const { glyphs } = canvas;
  const outline = outlineOf(p);
  const flow = layoutFlow(p, outline, glyphs);
  const toc = contents(
    outline.filter((e) => e.inToc),
    glyphs,
  );
  const before = 1 + toc.pages.length;
  for (const n of toc.numbers) {
    const number = String(before + flow.starts.get(n.id)! + 1);
    n.page.texts.push({ text: number, x: LEFT + WIDTH - glyphs.em(number) * BODY_SIZE, y: n.y, size: BODY_SIZE });
  }
  const pages = [cover(p, glyphs), ...toc.pages, ...flow.pages];
  pages.forEach((page, i) => canvas.page(page, i === 0 ? undefined : `第 ${i + 1} 页，共 ${pages.length} 页`, page.bookmarks));
  return canvas.end();
}
