/** Comparisons the rule kinds share: failures, the package hooks, tolerance, and per-header column resolution. */
import type { LeafColumn, Table } from '../ir/table.ts';
import type { Op, Rule } from './rule.ts';
import type { KeyedRows } from './row-keys.ts';
import type { TableSet } from './table-set.ts';

export interface Failure {
  table: string;
  row: number;
  col: number;
  expected: number;
  found: number;
}

/** What a rule that holds everywhere returns (most do): one shared array, never written to. */
export const NO_FAILURES: readonly Failure[] = Object.freeze([]);

/**
 * Hooks into the rules compared row by row (rowSum, tree, join), where each comparison is located
 * at one row: `reuse` gives the failures already known at a row (the comparison is then not made
 * again), `record` sees the failures found at a row. See packages.ts.
 */
export interface Site {
  reuse?(rule: Rule, table: Table, row: number): readonly Failure[] | undefined;
  record?(rule: Rule, table: Table, row: number, out: Failure[], from: number): void;
  /**
   * Rows of `table` where every comparison of `rule` is known to hold (`known[row]` is 1), and the
   * other rows in order: a rule then compares at those rows only (undefined: nothing known so).
   */
  passing?(rule: Rule, table: Table): Passing | undefined;
  /** Rows of `table` where the table rule `rule` (table-rules.ts) is known to find nothing. */
  tableRuleKnown?(rule: string, table: Table): Uint8Array | undefined;
}

export interface Passing {
  known: Uint8Array;
  others: number[];
  /** The joins' keyed rows among `others`, found once (joins.ts) and kept for as long as the Passing is. */
  wide?: { set: TableSet; rows: KeyedRows | undefined };
}

/** found op expected, allowing half a displayed step per term when figures were rounded. */
export function holds(rule: Rule, found: number, expected: number, op: Op, terms: number, precision: number): boolean {
  const tol = precision === 0 || rule.tolerance === 'exact' ? 0 : (precision / 2) * (terms - 1);
  return op === '=' ? Math.abs(found - expected) <= tol : found <= expected + tol;
}

/**
 * Column indices a rule needs, resolved once per header (or pair of headers): every table of a
 * layout shares its header object, so a catalogue is resolved once, not per package; a department's
 * and its units' tables may differ, hence a few headers per rule. A rule that cannot resolve is not
 * cached (it throws the same CannotRun each time). `make` is a function of the module, not a
 * closure: nothing is allocated when the columns are known.
 */
interface Resolved<T> {
  a: LeafColumn[];
  b: LeafColumn[] | undefined;
  value: T;
}
const compiledCols = new WeakMap<object, Resolved<unknown>[]>();
const HEADERS_KEPT = 8;
export function perHeaders<O extends object, T>(owner: O, a: LeafColumn[], b: LeafColumn[] | undefined, set: TableSet, make: (owner: O, set: TableSet) => T): T {
  let cs = compiledCols.get(owner);
  if (!cs) compiledCols.set(owner, (cs = []));
  for (let i = 0; i < cs.length; i++) if (cs[i].a === a && cs[i].b === b) return cs[i].value as T;
  const value = make(owner, set);
  if (cs.length === HEADERS_KEPT) cs.shift();
  cs.push({ a, b, value });
  return value;
}


/** Σ of a row's amount cells in `cols` (empty and text cells count as zero): the parts of a row total. */
export function sumOf(cells: readonly unknown[], cols: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < cols.length; k++) {
    const x = cells[cols[k]];
    if (typeof x === 'number') s += x;
  }
  return s;
}
