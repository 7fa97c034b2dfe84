/**
 * The cell grid of a ruled table: the x of every vertical rule (column boundaries) and the y of
 * every horizontal rule (row boundaries) within a band of the page. Leaf columns show as vertical
 * rules somewhere in the header or body, so their union gives every leaf boundary.
 */
import type { Rules, Segment } from './paths.ts';

export interface Grid {
  /** column boundaries, left to right (n + 1 for n columns) */
  xs: number[];
  /** row boundaries, top to bottom */
  ys: number[];
}

/** Rules closer than this (points) are the same line drawn twice or in pieces. */
const SAME = 1.5;

export function gridOf(rules: Rules, top: number, bottom: number): Grid | undefined {
  const v = rules.v.filter((s) => s.to > top && s.from < bottom);
  const xs = cluster(v);
  if (xs.length < 2) return undefined;
  const [left, right] = [xs[0], xs[xs.length - 1]];
  // Horizontal rules inside the band that cross at least one column of this table.
  const h = rules.h.filter((s) => s.at > top - SAME && s.at < bottom + SAME && s.to > left + SAME && s.from < right - SAME);
  const ys = cluster(h);
  if (ys.length < 2) return undefined;
  return { xs, ys };
}

function cluster(segments: Segment[]): number[] {
  const ats = segments.map((s) => s.at).sort((a, b) => a - b);
  const out: number[][] = [];
  for (const at of ats) {
    const last = out[out.length - 1];
    if (last && at - last[last.length - 1] <= SAME) last.push(at);
    else out.push([at]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/** Index of the interval of `bounds` that holds `v`, or -1 outside. */
export function slotOf(bounds: number[], v: number): number {
  if (v < bounds[0] || v > bounds[bounds.length - 1]) return -1;
  let i = 0;
  while (i + 2 < bounds.length && v >= bounds[i + 1]) i++;
  return i;
}
