/**
 * Words → text lines: words whose baselines agree (within a third of the font size) form a line,
 * read left to right. Runs a producer split mid-word (some PDF writers emit one glyph or one font
 * switch at a time) are joined back when nothing separates them, and text printed twice at the same
 * place (fake bold) is kept once.
 */
import type { Word } from './words.ts';

export interface Line {
  words: Word[];
  /** baseline of the line's first word */
  y: number;
  text: string;
}

/** Words closer than this (in em) are one run. */
const JOIN = 0.12;

export function groupLines(words: Word[]): Line[] {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: Word[][] = [];
  let cur: Word[] = [];
  let y = -Infinity;
  for (const w of sorted) {
    if (cur.length && w.y - y > Math.min(w.size, cur[0].size) / 3) {
      groups.push(cur);
      cur = [];
    }
    if (!cur.length) y = w.y;
    cur.push(w);
  }
  if (cur.length) groups.push(cur);
  return groups.map((g) => lineOf(joinRuns(g.sort((a, b) => a.x0 - b.x0))));
}

export function lineOf(words: Word[]): Line {
  return { words, y: words[0]?.y ?? 0, text: words.map((w) => w.text).join(' ') };
}

function joinRuns(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && prev.text === w.text && Math.abs(prev.x0 - w.x0) < w.size * 0.3) continue;
    if (prev && w.x0 - prev.x1 < w.size * JOIN && w.x0 > prev.x0 && !endsCell(prev.text, w.text)) {
      out[out.length - 1] = { ...prev, text: prev.text + w.text, x1: Math.max(prev.x1, w.x1) };
    } else out.push(w);
  }
  return out;
}

/** Two figures side by side are two cells however close they are printed. */
function endsCell(a: string, b: string): boolean {
  return /\.\d+$/.test(a) && /^-?\d/.test(b);
}
