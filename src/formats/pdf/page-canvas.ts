/**
 * A pdfkit document that the laid-out pages are drawn on: text runs at their places in Noto Sans
 * SC, the rules of each page stroked as one path, a 第 N 页，共 M 页 footer, and a bookmark for
 * the first page of each table. Only public pdfkit calls are used (pdfkit is pinned all the same,
 * since the drawn output is what our own PDF reader is tested on).
 */
import PDFDocument from 'pdfkit';
import { FONT, fontFiles } from './font-files.ts';
import { Glyphs } from './glyphs.ts';
import type { LaidPage } from './table-pages.ts';
import { PAGE, PAGE_MARGINS } from './table-content.ts';
import { RULE } from './widths.ts';

const REGULAR = FONT;
const BOLD = `${FONT}-Bold`;
const FOOTER_SIZE = 8;
const FOOTER_Y = PAGE.height - PAGE_MARGINS[3] + 12;

export interface DocumentInfo {
  title: string;
  author: string;
}

export class PageCanvas {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private font = '';
  private size = 0;
  readonly glyphs: Glyphs;

  constructor(info: DocumentInfo) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Creator: 'yusuan', Producer: 'yusuan' },
    });
    const files = fontFiles();
    this.doc.registerFont(REGULAR, files.regular);
    this.doc.registerFont(BOLD, files.bold);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.glyphs = new Glyphs((ch, bold) => this.doc.font(bold ? BOLD : REGULAR, 1).widthOfString(ch));
  }

  /** Draws one page; `bookmark` names it in the document outline. */
  page(p: LaidPage, footer: string, bookmark?: string): void {
    const doc = this.doc;
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    this.font = '';
    if (bookmark) doc.outline.addItem(bookmark);
    for (const t of p.texts) this.text(t.text, t.x, t.y, t.size, t.bold);
    this.text(footer, (PAGE.width - this.glyphs.em(footer) * FOOTER_SIZE) / 2, FOOTER_Y, FOOTER_SIZE);
    if (p.rules.length) {
      for (const r of p.rules) doc.moveTo(r.x0, r.y0).lineTo(r.x1, r.y1);
      doc.lineWidth(RULE).stroke();
    }
  }

  private text(text: string, x: number, y: number, size: number, bold = false): void {
    const font = bold ? BOLD : REGULAR;
    if (font !== this.font || size !== this.size) {
      this.doc.font(font, size);
      this.font = font;
      this.size = size;
    }
    this.doc.text(text, x, y, { lineBreak: false });
  }

  /** Finishes the document. */
  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
