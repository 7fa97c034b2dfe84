/**
 * The running text of a document (its 说明) as sentences, each with the page and line it starts
 * on. Table rows are left out: a line whose words stand apart in columns (a run of three or more
 * spaces inside it) is not prose and ends the sentence before it. Wrapped lines, page breaks and
 * the letter-spacing of justified text are joined away; a line that starts with an enumerator
 * (一、 （二） 3、) or 第X部分 starts a new sentence; one without punctuation or figures is a heading.
 */
import { normalise } from '../read/pdf/words.ts';
import type { DocLine } from './document.ts';

export interface Sentence {
  /** without whitespace; full-width punctuation kept as printed */
  text: string;
  page: number;
  line: number;
  /** a heading line (第X部分, 一、…) without sentence punctuation */
  heading: boolean;
}

/** Table cells stand three or more spaces apart in pdftotext -layout text; prose words at most one [assumed, from the corpus]. */
const COLUMN_GAP = /\S[ \t\u00a0\u3000]{3,}\S/;
const ENUMERATOR = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．.](?!\d))/;
const PART = /^第[一二三四五六七八九十]+部分/;
const END = /[。！？]/g;

/** Whether a sentence starts with an enumerator (a new item of a list or a section). */
export const enumerated = (text: string) => ENUMERATOR.test(text);

/** Text for matching: compatibility forms folded (full-width punctuation kept), no whitespace. */
export const compactText = (s: string) => normalise(s).replace(/[\s\u00a0\u3000]+/g, '');

/** A line that goes on with the line before it: "（项）。主要用于…" after "…行政运行". */
const CONTINUES = /^(?:[（(][^一二三四五六七八九十\d）)]|[，。；：、）)」”])/;

export function sentences(lines: DocLine[]): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence | undefined;
  const flush = () => {
    if (cur && cur.text) out.push(cur);
    cur = undefined;
  };
  for (const l of lines) {
    // "3.   “一般公共服务支出…”": a wide gap after a list number is not a column.
    const trimmed = l.text.trim().replace(/^((?:\d{1,2}|[一二三四五六七八九十]+)[、．.])\s{2,}/, '$1 ');
    if (!trimmed) continue;
    const text = compactText(trimmed);
    const enumerated = ENUMERATOR.test(text);
    if (COLUMN_GAP.test(trimmed) && !PART.test(text)) {
      flush();
      continue;
    }
    // A heading held back goes on here after all: it was the first line of a wrapped item.
    if (cur?.heading && CONTINUES.test(text)) cur.heading = false;
    else if (cur?.heading || enumerated) flush();
    if (enumerated && !/[，。；：,;:]/.test(text) && !/\d(?:亿元|万元|元|%|％)/.test(text) && text.length <= 60) {
      cur = { text, page: l.page, line: l.line, heading: true };
      continue;
    }
    let rest = text;
    while (rest) {
      cur ??= { text: '', page: l.page, line: l.line, heading: false };
      END.lastIndex = 0;
      const end = END.exec(rest);
      if (!end) {
        cur.text += rest;
        break;
      }
      cur.text += rest.slice(0, end.index + 1);
      rest = rest.slice(end.index + 1);
      flush();
    }
  }
  flush();
  return out;
}
