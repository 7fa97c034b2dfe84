/**
 * The pages of the whole publication after its 目录, laid out in order: 第一部分 on upright A4
 * (headings, paragraphs wrapped by the measured glyph widths), 第二部分 on the tables' landscape
 * page, each table by the tables-only PDF's own layout (rows never split, header repeated, “续表”
 * and the table's title above each page it runs on to), then the closing note. Records the page
 * each 目录 entry starts on, with a named place and a bookmark there.
 */
import type { Publication } from '../../publication/document.ts';
import { renderParagraph } from '../../publication/statement.ts';
import type { Glyphs } from '../pdf/glyphs.ts';
import { PORTRAIT, type Bookmark, type PagePaint } from '../pdf/page-canvas.ts';
import { wrapProse } from '../pdf/prose.ts';
import { GAP, NOTE_SIZE, PAGE, PAGE_MARGINS } from '../pdf/table-content.ts';
import { tablePages } from '../pdf/table-pages.ts';
import { LINE_EM } from '../pdf/widths.ts';
import type { OutlineEntry } from './outline.ts';

export interface FlowPage extends PagePaint {
  bookmarks: Bookmark[];
}

/** Margins of the upright pages: left, top, right, bottom. */
export const TEXT_MARGINS = [72, 64, 72, 64] as const;
export const BODY_SIZE = 10.5;
/** Line advance of running text, in lines of the font (1.25 lines: easier to read than solid). */
export const LEADING = 1.25;
const INDENT = 2 * BODY_SIZE;
const PARAGRAPH_GAP = 4;
const CAPTION_SIZE = 8;
/** The 续表 line above a continued table, in the top margin. */
const CAPTION_Y = 12;
const HEADINGS = {
  1: { size: 16, before: 0, after: 18 },
  2: { size: 13, before: 12, after: 6 },
  3: { size: 11.5, before: 8, after: 4 },
} as const;

export interface Flow {
  pages: FlowPage[];
  /** Index in `pages` of the page each outline entry starts on, by entry id. */
  starts: Map<string, number>;
}

export function layoutFlow(p: Publication, outline: OutlineEntry[], glyphs: Glyphs): Flow {
  const entries = new Map(outline.map((e) => [e.block, e]));
  const pages: FlowPage[] = [];
  const starts = new Map<string, number>();
  let page!: FlowPage;
  let y = 0;
  let portrait = true;
  const frame = () =>
    portrait
      ? { left: TEXT_MARGINS[0], top: TEXT_MARGINS[1], width: PORTRAIT.width - TEXT_MARGINS[0] - TEXT_MARGINS[2], bottom: PORTRAIT.height - TEXT_MARGINS[3] }
      : { left: PAGE_MARGINS[0], top: PAGE_MARGINS[1], width: PAGE.width - PAGE_MARGINS[0] - PAGE_MARGINS[2], bottom: PAGE.height - PAGE_MARGINS[3] };
  const newPage = () => {
    page = { portrait, texts: [], rules: [], anchors: [], bookmarks: [] };
    pages.push(page);
    y = frame().top;
  };
  /** Starts a new page unless `height` more fits on this one. */
  const room = (height: number) => {
    if (!page || y + height > frame().bottom + 1e-6) newPage();
  };
  const mark = (e: OutlineEntry | undefined, at: FlowPage, top: number) => {
    if (!e) return;
    starts.set(e.id, pages.indexOf(at));
    at.anchors!.push({ name: e.id, y: top });
    at.bookmarks.push({ title: e.text, level: e.level });
  };
  const lines = (texts: string[], size: number, advance: number, x: (i: number) => number, bold = false) =>
    texts.forEach((text, i) => {
      room(advance);
      page.texts.push({ text, x: x(i), y, size, bold });
      y += advance;
    });

  p.blocks.forEach((b, i) => {
    const { left, width } = frame();
    switch (b.type) {
      case 'heading': {
        const h = HEADINGS[b.level];
        const advance = h.size * LINE_EM;
        if (b.part === 2) portrait = false;
        const text = wrapProse(glyphs, b.text, width, h.size, 0, true);
        if (b.level === 1) newPage();
        else {
          // A heading keeps two lines of its text with it at the foot of a page.
          if (y > frame().top) y += h.before;
          room(text.length * advance + h.after + 2 * BODY_SIZE * LINE_EM * LEADING);
        }
        mark(entries.get(i), page, y);
        const centred = b.level === 1;
        lines(text, h.size, advance, (k) => (centred ? left + (width - glyphs.em(text[k], true) * h.size) / 2 : left), true);
        y += h.after;
        break;
      }
      case 'paragraph': {
        const text = wrapProse(glyphs, renderParagraph(b.statements), width, BODY_SIZE, INDENT);
        lines(text, BODY_SIZE, BODY_SIZE * LINE_EM * LEADING, (k) => left + (k === 0 ? INDENT : 0));
        y += PARAGRAPH_GAP;
        break;
      }
      case 'note':
        y += GAP * 2;
        lines(wrapProse(glyphs, b.text, width, NOTE_SIZE), NOTE_SIZE, NOTE_SIZE * LINE_EM, () => left);
        break;
      case 'table': {
        const t = b.table;
        const caption = `${t.mark} ${t.title.trim()}（续表）`;
        for (const laid of tablePages([t], glyphs)) {
          page = { texts: laid.texts, rules: laid.rules, anchors: [], bookmarks: [] };
          pages.push(page);
          if (laid.first) mark(entries.get(i), page, PAGE_MARGINS[1]);
          // First in drawing order and highest on the page: what a reader extracts first.
          else page.texts.unshift({ text: caption, x: PAGE_MARGINS[0], y: CAPTION_Y, size: CAPTION_SIZE });
        }
        y = foot(page);
        break;
      }
    }
  });
  return { pages, starts };
}

/** How far down a page its text and rules reach. */
function foot(page: PagePaint): number {
  let y = 0;
  for (const t of page.texts) y = Math.max(y, t.y + t.size * LINE_EM);
  for (const r of page.rules) y = Math.max(y, r.y0, r.y1);
  return y;
}
