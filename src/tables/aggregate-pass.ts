/**
 * The sums behind every aggregate table of a budget, made in one pass over its line items: each
 * definition is compiled once per process and given a slice of a shared per-cell vector, and each
 * signature (fund, kind, economic codes, 三公 mark) is resolved once per process to the slots it
 * adds to in every table. A budget's 17 aggregate tables then cost one pass instead of 17.
 */
import type { ColumnNode } from '../ir/table.ts';
import type { LineItem } from '../model/budget.ts';
import type { AggregateDef } from './aggregate.ts';
import { matches, type DefColumn, type Match } from './columns.ts';
import type { BuildContext } from './context.ts';

export interface Compiled {
  /** Position among compiled definitions, and first slot of its columns in a cell's vector. */
  index: number;
  offset: number;
  /** The header without measures, shared by every table built from the definition. */
  header: ColumnNode[];
  leaves: DefColumn[];
  /** leaf index → leaf indexes it sums, in an order where every operand is computed first */
  sumOrder: [number, number[]][];
  amountCols: number[];
  /** leaf indexes of columns that match line items, and their conditions */
  matchCols: number[];
  matchPreds: Match[];
}

const compiled = new WeakMap<AggregateDef, Compiled>();
const registry: { def: AggregateDef; c: Compiled }[] = [];
let slots = 0;

export function compile(def: AggregateDef): Compiled {
  let c = compiled.get(def);
  if (c) return c;
  const leaves: DefColumn[] = [];
  const walk = (ns: DefColumn[]) => ns.forEach((n) => (n.children?.length ? walk(n.children) : leaves.push(n)));
  walk(def.columns);
  const byKey = new Map(leaves.map((l, i) => [l.key!, i]));
  const matchCols: number[] = [];
  const sums = new Map<number, number[]>();
  leaves.forEach((l, i) => {
    if (!l.measure) return;
    if ('match' in l.measure) matchCols.push(i);
    else
      sums.set(
        i,
        l.measure.sum.map((k) => {
          const j = byKey.get(k);
          if (j === undefined) throw new Error(`预算${def.id}表: column ${l.key} sums unknown column ${k}`);
          return j;
        }),
      );
  });
  const sumOrder: [number, number[]][] = [];
  const done = new Set<number>();
  const visit = (i: number) => {
    if (done.has(i) || !sums.has(i)) return;
    sums.get(i)!.forEach(visit);
    done.add(i);
    sumOrder.push([i, sums.get(i)!]);
  };
  [...sums.keys()].forEach(visit);
  const amountCols = leaves.map((l, i) => (l.kind === 'amount' ? i : -1)).filter((i) => i >= 0);
  const matchPreds = matchCols.map((i) => (leaves[i].measure as { match: Match }).match);
  c = { index: registry.length, offset: slots, header: def.columns.map(stripMeasure), leaves, sumOrder, amountCols, matchCols, matchPreds };
  // Definitions are told apart by a bit of a 32-bit mask (CellSums.present).
  if (registry.length >= 31) throw new Error('aggregate-pass: more than 31 aggregate table definitions');
  slots += leaves.length;
  registry.push({ def, c });
  compiled.set(def, c);
  resetTargets();
  return c;
}

function stripMeasure({ label, key, kind, children }: DefColumn): ColumnNode {
  return children?.length ? { label, children: children.map(stripMeasure) } : { label, key, kind: kind ?? 'amount' };
}

/**
 * What each signature adds to, in one flat array (one read after another in the summing loop, not a
 * typed array object per signature): for signature id s, pool[at[s]] is the mask of the definitions
 * whose pool holds it (bit k: definition k), pool[at[s] + 1] the number of slots it adds to, then the
 * slots. at[s] is 0 until resolved. Reset when a definition is compiled, so it covers every definition.
 */
let at = new Int32Array(1024);
let pool = new Int32Array(1 << 14);
let used = 1;

function resetTargets(): void {
  at.fill(0);
  used = 1;
}

/** Resolves signature s (of item li) into the pool; returns where its targets start. */
function resolve(s: number, li: LineItem): number {
  if (s >= at.length) at = grown(at, s + 1);
  const start = used;
  let n = 0;
  let mask = 0;
  for (const { def, c } of registry) {
    if (!def.pool(li)) continue;
    mask |= 1 << c.index;
    for (let k = 0; k < c.matchCols.length; k++) {
      if (!matches(c.matchPreds[k], li)) continue;
      if (start + 2 + n >= pool.length) pool = grown(pool, start + 3 + n);
      pool[start + 2 + n++] = c.offset + c.matchCols[k];
    }
  }
  if (start + 2 > pool.length) pool = grown(pool, start + 2);
  pool[start] = mask;
  pool[start + 1] = n;
  used = start + 2 + n;
  at[s] = start;
  return start;
}

function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * A budget's sums: cell c's slots are sums[c*width …]; whether it holds items of definition k is bit k
 * of present[c] (one OR per item, instead of a flag written per item and definition).
 */
export interface CellSums {
  width: number;
  sums: Float64Array;
  present: Int32Array;
  /** Bit k: whether any line item is in the pool of definition k. */
  any: number;
  /** Definitions covered. */
  tables: number;
}

/** Whether cell `cell` holds items of definition `index`. */
export const holds = (s: CellSums, cell: number, index: number): boolean => ((s.present[cell] >>> index) & 1) === 1;

/**
 * The sums of the budget last summed. Tables are built one budget after another, so one buffer,
 * reused, serves them all: a fresh one per budget (≈50 kB for a unit) made the collector run often.
 * A context whose sums were overwritten by another's is summed again.
 */
let current: { ctx: BuildContext; sums: CellSums } | undefined;
let buffer = new Float64Array(0);
let flags = new Int32Array(0);

/** The budget's sums, covering `c` (computed on first use, again only when a definition is new). */
export function cellSums(ctx: BuildContext, c: Compiled): CellSums {
  if (current?.ctx === ctx && c.index < current.sums.tables) return current.sums;
  current = { ctx, sums: sumAll(ctx) };
  return current.sums;
}

/** Largest buffer kept between budgets (a department of thousands of cells gets its own). */
const KEEP = 1 << 21;

function sumAll(ctx: BuildContext): CellSums {
  const width = slots;
  const nCells = ctx.cellFunction.length;
  const n = nCells * width;
  const sums = n <= buffer.length ? buffer.fill(0, 0, n) : n <= KEEP ? (buffer = new Float64Array(Math.min(2 * n, KEEP))) : new Float64Array(n);
  const present = nCells <= flags.length ? flags.fill(0, 0, nCells) : nCells <= KEEP ? (flags = new Int32Array(Math.min(2 * nCells, KEEP))) : new Int32Array(nCells);
  let any = 0;
  const { items, signature, cell } = ctx;
  for (let i = 0; i < items.length; i++) {
    const s = signature[i];
    let t = s < at.length ? at[s] : 0;
    if (t === 0) t = resolve(s, items[i]);
    const mask = pool[t];
    if (mask === 0) continue;
    const c = cell[i];
    present[c] |= mask;
    any |= mask;
    const base = c * width;
    const amount = items[i].amount;
    for (let k = t + 2, end = k + pool[t + 1]; k < end; k++) sums[base + pool[k]] += amount;
  }
  return { width, tables: registry.length, sums, present, any };
}
