/**
 * Positioned words from pdf.js text items. pdf.js joins runs that are close together into one item
 * with a space between them, so one item may hold the figure of one cell and the label of the next
 * ("216.30 一、一般公共服务支出"); it is cut at its spaces and each word given the share of the
 * item's width its characters take (CJK and full-width forms one em, digits about half), the spaces
 * taking what is left. Words are NFKC-normalised after measuring (Kangxi radicals, compatibility
 * ideographs and full-width digits become the ordinary characters), except full-width punctuation:
 * "，" and "（" are what the official texts print, and matching normalises them anyway.
 */

export interface Word {
  text: string;
  x0: number;
  x1: number;
  /** baseline, from the top of the page */
  y: number;
  /** font size in points */
  size: number;
}

/** Estimated advance of a character, in em. */
function advance(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80 || (c >= 0xff01 && c <= 0xff60)) return 1;
  if (c >= 0x30 && c <= 0x39) return 0.55;
  if (ch === '.' || ch === ',' || ch === ':' || ch === ';' || ch === '\'' || ch === '|') return 0.28;
  if (ch === '(' || ch === ')' || ch === '-') return 0.33;
  return 0.55;
}

/**
 * `m` is the item's transform in page space (top-down y); `width` its advance in points. Only
 * horizontal text is read: rotated or vertical runs are not table cells.
 */
export function wordsOf(str: string, m: number[], width: number): Word[] {
  const size = Math.hypot(m[2], m[3]);
  if (!(size > 0) || Math.abs(m[1]) > 1e-3 * size || !Number.isFinite(width)) return [];
  const parts = str.split(/(\s+)/).filter(Boolean);
  const est = parts.map((p) => (/^\s/.test(p) ? 0 : [...p].reduce((s, ch) => s + advance(ch), 0) * size));
  const printed = est.reduce((s, w) => s + w, 0);
  const spaces = parts.reduce((s, p) => s + (/^\s/.test(p) ? p.length : 0), 0);
  const total = Math.max(width, 0);
  // Spaces take what the characters leave; if the estimate overshoots, characters are squeezed.
  const scale = spaces && total >= printed ? 1 : printed > 0 ? total / printed : 0;
  const space = spaces && total >= printed ? (total - printed) / spaces : 0;
  const out: Word[] = [];
  let x = m[4];
  parts.forEach((p, i) => {
    if (/^\s/.test(p)) {
      x += space * p.length;
      return;
    }
    const w = est[i] * scale;
    const text = normalise(p).replace(/\s+/g, '');
    if (text) out.push({ text, x0: x, x1: x + w, y: m[5], size });
    x += w;
  });
  return out;
}

const PUNCTUATION = /[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;

export function normalise(s: string): string {
  let out = '';
  let at = 0;
  for (const m of s.matchAll(PUNCTUATION)) {
    out += s.slice(at, m.index).normalize('NFKC') + m[0];
    at = m.index + m[0].length;
  }
  return out + s.slice(at).normalize('NFKC');
}
