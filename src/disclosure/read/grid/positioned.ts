/**
 * Lines of positioned words, the common ground of the text and PDF readers for documents whose
 * tables are read by their printed columns. Positions are in em of the page's body text, so one
 * tolerance serves both. In `pdftotext -layout` text the character index of a word is derived from
 * its x position on the page (the tool pads with spaces up to it), so it is a coordinate: half an
 * em per column; a CJK or full-width character is one em wide.
 */
import type { PdfPage } from '../pdf/document.ts';
import { groupLines } from '../pdf/lines.ts';
import { asciiFigures } from '../figure-text.ts';

export interface PWord {
  text: string;
  x0: number;
  x1: number;
}

export interface PLine {
  words: PWord[];
  /** the words joined by single spaces */
  text: string;
  /** page number from 1 */
  page: number;
}

const wide = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c >= 0x2e80 || (c >= 0xff01 && c <= 0xff60);
};

/** Page furniture that extraction leaves between rows: "第 3 页", "- 3 -", "3/12". */
const FURNITURE = /^(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*\/\s*\d+)$/;
/** The page separators of a stored text: form feeds, or `=== page N ===` lines. */
const PAGE_MARK = /^=== page \d+ ===$/;

export function textPages(text: string): PLine[] {
  const out: PLine[] = [];
  let page = 1;
  let head = true;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    // Source lines (`# …`) at the top of a stored text describe it; they are not the document.
    if (head && raw.startsWith('# ')) continue;
    head = false;
    if (PAGE_MARK.test(raw.trim())) {
      if (out.length) page++;
      continue;
    }
    const parts = raw.split('\f');
    parts.forEach((part, i) => {
      if (i > 0) page++;
      const line = lineOfText(part, page);
      if (line) out.push(line);
    });
  }
  return out;
}

function lineOfText(s: string, page: number): PLine | undefined {
  if (!s.trim() || FURNITURE.test(s.trim())) return undefined;
  const words: PWord[] = [];
  const chars = [...s.replace(/\t/g, '    ')];
  let i = 0;
  while (i < chars.length) {
    if (/[\s\u00a0\u3000]/.test(chars[i])) {
      i++;
      continue;
    }
    const start = i;
    let width = 0;
    while (i < chars.length && !/[\s\u00a0\u3000]/.test(chars[i])) width += wide(chars[i++]) ? 2 : 1;
    const raw = chars.slice(start, i).join('');
    const text = asciiFigures(raw);
    // A figure printed in full-width digits spans twice its width: columns take it by its right
    // edge and the width of the same figure in plain digits.
    const x0 = text !== raw && /[０-９]/.test(raw) ? (start + width - text.length) / 2 : start / 2;
    words.push({ text, x0, x1: (start + width) / 2 });
  }
  return { words, text: words.map((w) => w.text).join(' '), page };
}

/** PDF pages → lines, positions divided by the page's most common font size. */
export function pdfLines(pages: PdfPage[]): PLine[] {
  const out: PLine[] = [];
  for (const p of pages) {
    const em = commonSize(p.words.map((w) => w.size));
    for (const l of groupLines(p.words)) {
      const text = l.text.trim();
      if (!text || FURNITURE.test(text)) continue;
      const words = l.words.flatMap((w) => (w.text.trim() ? splitWord(w.text, w.x0 / em, w.x1 / em) : []));
      out.push({ words, text: words.map((w) => w.text).join(' '), page: p.number });
    }
  }
  return out;
}

/** A word with spaces inside (a run pdf.js joined) becomes words sharing its width by characters. */
function splitWord(text: string, x0: number, x1: number): PWord[] {
  // A figure run into the next cell's label ("86,959,408.34一、公共安全支出") is two words.
  const parts = asciiFigures(text).split(/\s+/).flatMap((p) => p.split(FIGURE_EDGE)).filter(Boolean);
  if (parts.length === 1) return [{ text: parts[0], x0, x1 }];
  const units = parts.map((p) => [...p].reduce((s, ch) => s + (wide(ch) ? 2 : 1), 0));
  const total = units.reduce((s, u) => s + u + 1, -1);
  let x = x0;
  return parts.map((p, i) => {
    const w = ((x1 - x0) * units[i]) / total;
    const word = { text: p, x0: x, x1: x + w };
    x += w + (x1 - x0) / total;
    return word;
  });
}

function commonSize(sizes: number[]): number {
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(Math.round(s * 2) / 2, (counts.get(Math.round(s * 2) / 2) ?? 0) + 1);
  let best = 10;
  let n = 0;
  for (const [s, c] of counts) if (c > n) [best, n] = [s, c];
  return best || 10;
}

/** The boundary between a figure and text printed against it, either way round. */
const FIGURE_EDGE = /(?<=\d\.\d\d)(?=[^\d\s,.%])|(?<=[\u2e80-\uffff])(?=-?\d{1,3}(?:,\d{3})*\.\d\d(?!\d))/u;

export const centre = (w: PWord) => (w.x0 + w.x1) / 2;
