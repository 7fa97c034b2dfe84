/**
 * Column sums as domain propagation. Each row's cells have domains (the figures the row's own
 * placements can put there, 0 for empty); a parent's cell must equal the sum of its children's,
 * so values that no combination of the others can complete are dropped, and the row is placed
 * again within what is left, until nothing changes. This scales to departments with hundreds of
 * rows, where a joint search would multiply their independent choices; the joint search then only
 * runs on the small groups of rows still undecided.
 */

export type Domains = Set<number>[][];

export interface Group {
  parent: number;
  children: number[];
}

/** Largest set of partial sums kept; beyond it a group is not used for pruning. */
const CAP = 4096;

export interface PropagateInput {
  domains: Domains;
  groups: Group[];
  /** slack allowed between a parent cell and the sum of `terms` child cells */
  slack: (terms: number) => number;
  /** Places row r again within its domains; returns its new domains, or null when it cannot be placed. */
  replace: (row: number, domains: Set<number>[]) => Set<number>[] | null;
}

/** Propagates to a fixpoint. Returns the group that proved inconsistent, if one did. */
export function propagate({ domains, groups, slack, replace }: PropagateInput): Group | undefined {
  const slots = domains[0]?.length ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groups) {
      const dirty = new Set<number>();
      for (let c = 0; c < slots; c++) {
        const res = prune(domains, g, c, slack);
        if (res === null) return g;
        for (const r of res) dirty.add(r);
      }
      for (const r of dirty) {
        const next = replace(r, domains[r]);
        if (!next) return g;
        domains[r] = next;
        changed = true;
      }
    }
  }
  return undefined;
}

/** Prunes column c of one group; returns the rows whose domain shrank, or null on a wipe-out. */
function prune(domains: Domains, g: Group, c: number, slack: (terms: number) => number): number[] | null {
  const kids = g.children.map((k) => [...domains[k][c]]);
  const tol = slack(g.children.length + 1);
  let fixed = 0;
  const open: number[] = [];
  kids.forEach((d, i) => (d.length === 1 ? (fixed += d[0]) : open.push(i)));
  // Partial sums of the open children before and after each of them.
  const before: number[][] = [[fixed]];
  const after: number[][] = [[0]];
  for (const i of open) {
    const next = convolve(before[before.length - 1], kids[i]);
    if (!next) return byRange(domains, g, c, kids, tol);
    before.push(next);
  }
  for (const i of [...open].reverse()) {
    const next = convolve(after[after.length - 1], kids[i]);
    if (!next) return byRange(domains, g, c, kids, tol);
    after.push(next);
  }
  const near = (xs: number[], target: number) => xs.some((s) => Math.abs(target - s) <= tol);
  const all = before[before.length - 1];
  const parent = [...domains[g.parent][c]].filter((x) => near(all, x));
  const shrunk: number[] = [];
  if (!parent.length) return null;
  if (parent.length < domains[g.parent][c].size) {
    domains[g.parent][c] = new Set(parent);
    shrunk.push(g.parent);
  }
  for (let n = 0; n < open.length; n++) {
    const i = open[n];
    const others = convolve(before[n], after[open.length - 1 - n]);
    if (!others) continue;
    const keep = kids[i].filter((y) => parent.some((x) => near(others, x - y)));
    if (!keep.length) return null;
    if (keep.length < kids[i].length) {
      domains[g.children[i]][c] = new Set(keep);
      shrunk.push(g.children[i]);
    }
  }
  return shrunk;
}

/**
 * Pruning by ranges when there are too many partial sums: a parent cell lies between the least
 * and the most its children can add up to, and each child's cell leaves the rest to the others.
 * This still settles the common case of a parent cell that is empty (its children's must be).
 */
function byRange(domains: Domains, g: Group, c: number, kids: number[][], tol: number): number[] | null {
  const lo = kids.map((d) => Math.min(...d));
  const hi = kids.map((d) => Math.max(...d));
  const loAll = lo.reduce((a, b) => a + b, 0);
  const hiAll = hi.reduce((a, b) => a + b, 0);
  const parent = [...domains[g.parent][c]].filter((x) => x >= loAll - tol && x <= hiAll + tol);
  if (!parent.length) return null;
  const shrunk: number[] = [];
  if (parent.length < domains[g.parent][c].size) {
    domains[g.parent][c] = new Set(parent);
    shrunk.push(g.parent);
  }
  for (let i = 0; i < kids.length; i++) {
    const [min, max] = [loAll - lo[i], hiAll - hi[i]];
    const keep = kids[i].filter((y) => parent.some((x) => x - y >= min - tol && x - y <= max + tol));
    if (!keep.length) return null;
    if (keep.length < kids[i].length) {
      domains[g.children[i]][c] = new Set(keep);
      shrunk.push(g.children[i]);
    }
  }
  return shrunk;
}

/** All sums a + b, or undefined when there would be too many. */
function convolve(a: number[], b: number[]): number[] | undefined {
  if (a.length * b.length > CAP) return undefined;
  const out = new Set<number>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}
