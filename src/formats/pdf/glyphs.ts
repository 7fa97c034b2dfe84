/**
 * Advance widths of a font, measured from the font itself once per character and kept (the
 * tables PDF keeps one set for the process: the same Noto Sans SC files are embedded every time).
 * Text is then measured and wrapped by adding up these widths, without running the font's layout
 * engine on every cell.
 */

/** Measures one character (a code point) in em of the given face. */
export type MeasureChar = (ch: string, bold: boolean) => number;

export class Glyphs {
  private readonly cache = [new Map<string, number>(), new Map<string, number>()];

  constructor(private readonly measure: MeasureChar) {}

  /** Advance of one character (a whole code point) in em. */
  char(ch: string, bold = false): number {
    const known = this.cache[bold ? 1 : 0];
    let w = known.get(ch);
    if (w === undefined) known.set(ch, (w = this.measure(ch, bold)));
    return w;
  }

  /** Width of a text in em. */
  em(text: string, bold = false): number {
    let w = 0;
    for (const ch of text) w += this.char(ch, bold);
    return w;
  }

  /**
   * The text broken into lines no wider than `width` pt at `size` pt. Chinese text wraps between
   * any two characters; a run of Latin letters and digits (10, 2000, 90%) stays whole unless it
   * alone is wider than the line, since a reader cannot tell 1 0 broken over two lines from 10.
   */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const lines: string[] = [];
    let start = 0;
    let x = 0;
    let i = 0;
    while (i < text.length) {
      let end = i;
      let w = 0;
      do {
        const ch = String.fromCodePoint(text.codePointAt(end)!);
        w += this.char(ch, bold) * size;
        end += ch.length;
      } while (end < text.length && inWord(text.charCodeAt(end - 1)) && inWord(text.charCodeAt(end)));
      if (x + w > width + 1e-6 && i > start) {
        lines.push(text.slice(start, i));
        start = i;
        x = 0;
      }
      if (w > width + 1e-6 && end - i > 1) {
        // A word wider than the line: broken between its characters after all.
        for (const ch of text.slice(i, end)) {
          const cw = this.char(ch, bold) * size;
          if (x + cw > width + 1e-6 && i > start) {
            lines.push(text.slice(start, i));
            start = i;
            x = 0;
          }
          x += cw;
          i += ch.length;
        }
      } else {
        x += w;
        i = end;
      }
    }
    lines.push(text.slice(start));
    return lines;
  }
}

/** Characters of a Latin word or a number: printable ASCII other than the space. */
const inWord = (code: number) => code > 0x20 && code < 0x7f;
