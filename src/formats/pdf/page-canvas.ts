/**
 * A pdfkit document that the laid-out pages are drawn on (A4, landscape or portrait): text runs at
 * their places in Noto Sans SC, the rules of each page stroked as one path, a 第 N 页，共 M 页
 * footer, nested bookmarks, and links to named places (the 目录 of the whole publication).
 *
 * Each page's content is written as one PDF content stream: pdfkit's `text()` shapes every string
 * with the font's layout engine and writes a buffer per operator, which cost a large department
 * most of its PDF time. Glyphs are encoded one character at a time through pdfkit's embedded font
 * instead (so pdfkit still subsets the font and maps each glyph back to its character for text
 * extraction), and set without kerning, as the widths the layout measured. That uses pdfkit
 * internals (`_font`, `encode`, the page's font resources): pdfkit is pinned to an exact version.
 */
import PDFDocument from 'pdfkit';
import { FONT, fontFiles } from './font-files.ts';
import { Glyphs } from './glyphs.ts';
import type { Segment, TextRun } from './table-grid.ts';
import { PAGE } from './table-content.ts';
import { RULE } from './widths.ts';

const REGULAR = FONT;
const BOLD = `${FONT}-Bold`;
const FOOTER_SIZE = 8;
/** The footer's line, this far above the bottom edge (12 pt under the tables' bottom margin). */
const FOOTER_FROM_BOTTOM = 24;
/** A4 upright, for the text of the whole publication. */
export const PORTRAIT = { width: PAGE.height, height: PAGE.width };

/** What is drawn on one page, in the layout's space: pt from the top left corner. */
export interface PagePaint {
  texts: TextRun[];
  rules: Segment[];
  /** A4 upright; landscape (the tables' page) otherwise. */
  portrait?: boolean;
  /** Areas that jump to a named place when clicked. */
  links?: { x: number; y: number; w: number; h: number; to: string }[];
  /** Named places on the page (targets of links), at the height `y`. */
  anchors?: { name: string; y: number }[];
}

/** A bookmark of the page; level 1 is the top of the outline, level 2 under the last level 1, … */
export interface Bookmark {
  title: string;
  level: number;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
}

/** The part of pdfkit's embedded font used here. */
interface EmbeddedFont {
  id: string;
  /** per 1000 units of the font size */
  ascender: number;
  encode(text: string): [string[], unknown[]];
  ref(): unknown;
}

/** A face of the font in this document, with its glyph codes by character. */
interface Face {
  font: EmbeddedFont;
  codes: Map<string, string>;
}

let measured: Glyphs | undefined;

/** Widths of Noto Sans SC, measured once per process in a document of its own that is never written. */
function sharedGlyphs(): Glyphs {
  if (measured) return measured;
  const doc = new PDFDocument({ autoFirstPage: false });
  const files = fontFiles();
  doc.registerFont(REGULAR, files.regular);
  doc.registerFont(BOLD, files.bold);
  measured = new Glyphs((ch, bold) => doc.font(bold ? BOLD : REGULAR, 1).widthOfString(ch));
  return measured;
}

const num = (x: number) => (Math.round(x * 100) / 100).toString();

export class PageCanvas {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly faces: Face[];
  /** The last bookmark at each level, parents of the next deeper ones. */
  private readonly outline: PDFKit.PDFOutline[] = [];
  /** Widths of the document's font. */
  readonly glyphs: Glyphs;

  constructor(info: DocumentInfo, opts: { compress?: boolean } = {}) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      compress: opts.compress ?? true,
      displayTitle: true,
      info: {
        Title: info.title,
        Author: info.author,
        ...(info.subject && { Subject: info.subject }),
        ...(info.keywords && { Keywords: info.keywords }),
        Creator: 'yusuan',
        Producer: 'yusuan',
      },
    });
    const files = fontFiles();
    this.doc.registerFont(REGULAR, files.regular);
    this.doc.registerFont(BOLD, files.bold);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    const face = (name: string): Face => ({ font: (this.doc.font(name) as unknown as { _font: EmbeddedFont })._font, codes: new Map() });
    this.faces = [face(REGULAR), face(BOLD)];
    this.glyphs = sharedGlyphs();
  }

  /** Draws one page with its footer (none: no footer) and the bookmarks that open on it. */
  page(p: PagePaint, footer?: string, bookmarks: Bookmark[] = []): void {
    const doc = this.doc;
    const { width, height } = p.portrait ? PORTRAIT : PAGE;
    doc.addPage({ size: 'A4', layout: p.portrait ? 'portrait' : 'landscape', margin: 0 });
    for (const b of bookmarks) {
      const item = (this.outline[b.level - 2] ?? doc.outline).addItem(b.title);
      this.outline.splice(b.level - 1, this.outline.length, item);
    }
    for (const a of p.anchors ?? []) doc.addNamedDestination(a.name, 'XYZ', 0, a.y, null);
    for (const l of p.links ?? []) doc.goTo(l.x, l.y, l.w, l.h, l.to);
    const runs = footer ? [...p.texts, { text: footer, x: (width - this.glyphs.em(footer) * FOOTER_SIZE) / 2, y: height - FOOTER_FROM_BOTTOM, size: FOOTER_SIZE }] : p.texts;
    const out: string[] = [];
    this.texts(runs, height, out);
    if (p.rules.length) {
      // pdfkit's page space runs from the top left, as the layout's does.
      for (const r of p.rules) out.push(`${num(r.x0)} ${num(r.y0)} m ${num(r.x1)} ${num(r.y1)} l`);
      out.push(`${RULE} w S`);
    }
    doc.addContent(out.join('\n'));
  }

  /** Text runs in one text object, in PDF's upward y (undoing pdfkit's flip of the page). */
  private texts(runs: TextRun[], height: number, out: string[]): void {
    const fonts = (this.doc as unknown as { page: { fonts: Record<string, unknown> } }).page.fonts;
    out.push(`q 1 0 0 -1 0 ${num(height)} cm BT`);
    let face: Face | undefined;
    let size = 0;
    for (const r of runs) {
      const f = this.faces[r.bold ? 1 : 0];
      if (f !== face || r.size !== size) {
        [face, size] = [f, r.size];
        fonts[f.font.id] ??= f.font.ref();
        out.push(`/${f.font.id} ${num(size)} Tf`);
      }
      const baseline = height - r.y - (f.font.ascender / 1000) * r.size;
      out.push(`1 0 0 1 ${num(r.x)} ${num(baseline)} Tm <${this.encode(f, r.text)}> Tj`);
    }
    out.push('ET Q');
  }

  private encode(face: Face, text: string): string {
    let hex = '';
    for (const ch of text) {
      let code = face.codes.get(ch);
      if (code === undefined) face.codes.set(ch, (code = face.font.encode(ch)[0].join('')));
      hex += code;
    }
    return hex;
  }

  /** Finishes the document. */
  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
