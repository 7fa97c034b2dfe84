/**
 * Columns of an unruled table from its header: each leaf label is printed centred over its column,
 * so the leaf labels, found left to right among the header words (a label may be letter-spaced
 * over several words or wrapped over several lines), give every column's centre. A right-aligned
 * figure then lies between its own column's centre and the next one's.
 */
import { normLabel, type LeafColumn } from '../../../ir/table.ts';
import type { Line } from './lines.ts';
import type { Word } from './words.ts';

interface Candidate {
  text: string;
  centre: number;
}

/** Words of one label are closer than this on a line (em). */
const SAME_LABEL_GAP = 2.5;

/** Centre of every leaf column, left to right, or undefined unless every leaf label is found. */
export function leafCentres(header: Line[], ls: LeafColumn[]): number[] | undefined {
  const candidates = candidatesOf(header);
  const centres: number[] = [];
  let after = -Infinity;
  for (const leaf of ls) {
    const label = normLabel(leaf.path[leaf.path.length - 1]);
    const hit = candidates.filter((c) => c.text === label && c.centre > after).sort((a, b) => a.centre - b.centre)[0];
    if (!hit) return undefined;
    centres.push(hit.centre);
    after = hit.centre;
  }
  return centres;
}

/** Single words, runs of words on a line, and those stacked over up to three lines. */
function candidatesOf(lines: Line[]): Candidate[] {
  const runs: { text: string; x0: number; x1: number; line: number }[] = [];
  lines.forEach((l, i) => {
    for (let a = 0; a < l.words.length; a++) {
      let text = '';
      for (let b = a; b < Math.min(l.words.length, a + 6); b++) {
        const w: Word = l.words[b];
        if (b > a && w.x0 - l.words[b - 1].x1 > SAME_LABEL_GAP * w.size) break;
        text += w.text;
        runs.push({ text: normLabel(text), x0: l.words[a].x0, x1: w.x1, line: i });
      }
    }
  });
  const out: Candidate[] = runs.map((r) => ({ text: r.text, centre: (r.x0 + r.x1) / 2 }));
  // Wrapped labels: each line centred on the same column (a label of the next header row may
  // come between two lines of a tall cell's label).
  const centreOf = (r: (typeof runs)[number]) => (r.x0 + r.x1) / 2;
  const extend = (text: string, last: (typeof runs)[number], centre: number, depth: number) => {
    for (const r of runs) {
      if (r.line <= last.line || r.line > last.line + 2 || Math.abs(centreOf(r) - centre) >= 3) continue;
      out.push({ text: text + r.text, centre });
      if (depth < 2) extend(text + r.text, r, centre, depth + 1);
    }
  };
  for (const top of runs) extend(top.text, top, centreOf(top), 1);
  return out;
}

/** The leaf a right-aligned figure belongs to: its right edge lies past its column's centre. */
export function leafOfFigure(centres: number[], x1: number): number {
  let k = -1;
  while (k + 1 < centres.length && centres[k + 1] < x1) k++;
  return k;
}
