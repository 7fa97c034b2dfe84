/**
 * A published document as numbered lines on pages, whatever it was read from: pdftotext-style
 * text (pages split by form feeds or `=== page N ===` lines) or a PDF (pdf.js words grouped into
 * lines, with wide gaps kept as runs of spaces as `pdftotext -layout` prints them, so that table
 * rows look the same in both). The 说明 checks work on these lines only.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { PdfPage } from '../read/pdf/document.ts';
import { groupLines } from '../read/pdf/lines.ts';
import type { Word } from '../read/pdf/words.ts';

export interface DocLine {
  /** 1-based page, and line among the printed (non-blank) lines of that page */
  page: number;
  line: number;
  text: string;
}

const PAGE_MARK = /^=== page (\d+) ===$/;

export function linesOfText(text: string): DocLine[] {
  const out: DocLine[] = [];
  let page = 1;
  let line = 0;
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // Provenance lines of a fixture (`# SOURCE: …`) before the document are not part of it.
  let i = 0;
  while (i < raw.length && raw[i].startsWith('# ')) i++;
  for (; i < raw.length; i++) {
    const mark = PAGE_MARK.exec(raw[i].trim());
    if (mark) {
      // The first marker names page 1; later ones start a new page.
      if (out.length || line) page = Number(mark[1]);
      line = 0;
      continue;
    }
    const parts = raw[i].split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        page++;
        line = 0;
      }
      // Lines are counted as printed: a blank line of the extraction is no line of the page (as in a PDF).
      if (part.trim()) out.push({ page, line: ++line, text: part });
    });
  }
  return out;
}

/** A gap wider than this (in em) between two words of a line separates cells, not words [assumed, from the corpus PDFs]. */
const CELL_GAP = 1.5;

function lineText(words: Word[]): string {
  let s = '';
  words.forEach((w, i) => {
    const prev = words[i - 1];
    if (prev) s += w.x0 - prev.x1 > w.size * CELL_GAP ? '   ' : ' ';
    s += w.text;
  });
  return s;
}

/** pdf.js is loaded only when a PDF is read: it takes seconds to load, and text files need none of it. */
export async function linesOfPdf(bytes: Uint8Array, name = 'PDF'): Promise<DocLine[]> {
  const { readPdfContent } = await import('../read/pdf/document.ts');
  return linesOfPages((await readPdfContent(bytes, name)).pages);
}

/** The lines of pages a reader has already read (the PDF reader hands them on: reading a large PDF twice doubles the audit). */
export function linesOfPages(pages: PdfPage[]): DocLine[] {
  return pages.flatMap((p) => groupLines(p.words).map((l, i) => ({ page: p.number, line: i + 1, text: lineText(l.words) })));
}

/** The lines of a disclosure file, or none for a file type that carries no running text (xlsx). */
export async function documentLines(path: string): Promise<DocLine[]> {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return linesOfPdf(await readFile(path), path);
  if (ext === '.txt') return linesOfText(await readFile(path, 'utf8'));
  return [];
}
