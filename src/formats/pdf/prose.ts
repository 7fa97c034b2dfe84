/**
 * Running text (the 说明 of the whole publication) broken into lines by the measured glyph widths:
 * Chinese wraps between any two characters, a Latin word or number stays whole, and the simple
 * rules of Chinese typesetting for 标点 hold: closing punctuation never starts a line (it hangs
 * at the end of the line before, as printed documents do), opening punctuation never ends one.
 */
import type { Glyphs } from './glyphs.ts';

/** May not start a line: they stay at the end of the line before, past the margin if need be. */
const NO_START = new Set('，。、；：？！）》」』】〕〉”’…—·％%,.;:?!)]}');
/** May not end a line: they move on to the next line with what they open. */
const NO_END = new Set('（《「『【〔〈“‘([{');

/** A Latin word or number: a run of printable ASCII other than the space. */
const WORD = /[\x21-\x7e]+|[\s\S]/gu;

/**
 * The lines of a paragraph `width` pt wide at `size` pt; the first line starts `indent` pt in.
 * A line break in the text starts a new line (without the indent).
 */
export function wrapProse(glyphs: Glyphs, text: string, width: number, size: number, indent = 0, bold = false): string[] {
  return text.split(/\r?\n/).flatMap((piece, i) => wrapLine(glyphs, piece, width, size, i === 0 ? indent : 0, bold));
}

function wrapLine(glyphs: Glyphs, text: string, width: number, size: number, indent: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  let x = indent;
  const tokens = (text.match(WORD) ?? []).flatMap((t) => (t.length > 1 && glyphs.em(t, bold) * size > width ? [...t] : [t]));
  for (const tok of tokens) {
    const w = glyphs.em(tok, bold) * size;
    if (x + w > width + 1e-6 && line !== '') {
      if (NO_START.has(tok[0])) {
        line += tok;
        x += w;
        continue;
      }
      // Opening punctuation at the end of the full line goes on with the text it opens.
      let carry = '';
      while (line.length > 1 && NO_END.has(line[line.length - 1])) {
        carry = line[line.length - 1] + carry;
        line = line.slice(0, -1);
      }
      lines.push(line);
      line = carry;
      x = glyphs.em(carry, bold) * size;
    }
    line += tok;
    x += w;
  }
  lines.push(line);
  return lines;
}
