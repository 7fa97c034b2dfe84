/**
 * Places the printed figures of a table's rows into its amount columns. Extracted text keeps only
 * the non-empty cells of a row, in order, so each row's figures go to an increasing choice of
 * columns (a constrained subsequence assignment). The search walks the columns left to right and
 * decides, for every row at once, whether the row's next figure sits in that column, keeping only
 * choices under which the row sums (总计 = Σ parts) and the column sums between a row and the rows
 * below it (unit = Σ its 项, …) hold, and any bounds other tables put on a cell.
 *
 * States (column, figures used per row, open partial sums) are memoised, so enumerating every
 * solution costs the size of the state graph, not the number of solutions: 预算13表's 126 000
 * placements of 8 figures among 20 columns are a few hundred states. Taking a figure is tried
 * before leaving the cell empty, so the first solution is the leftmost one.
 */
import { OutOfBudget, Search } from './search.ts';

export interface Bound {
  eq?: number;
  lo?: number;
  hi?: number;
  /** slack in 分 for figures rounded on display */
  tol: number;
}

export interface SolverRow {
  /** Printed figures, in 分, left to right. */
  values: number[];
  /** Row whose cells equal the sum of this row and its siblings (-1: none). Must come earlier. */
  parent: number;
  /** Columns this row's figures may occupy. */
  allowed: boolean[];
  bounds?: (Bound | undefined)[];
  /** Whether the row sums apply to this row. */
  identities: boolean;
  /** Whether this row's cells must equal the sums of its children. */
  childSums: boolean;
  /** Per column, the only values the cell may hold (0: empty); absent: any. */
  domain?: (Set<number> | undefined)[];
  /** Per column, the summed cells of children that are not among the rows (already placed). */
  childConst?: { sum: number; terms: number }[];
}

export interface SolverInput {
  slots: number;
  /** Row sums in slot indices. */
  sums: { head: number; parts: number[] }[];
  rows: SolverRow[];
  /** 0: exact sums. Otherwise the display step in 分: n rounded terms may miss by ⌈n/2⌉−1 steps. */
  step: number;
  /** Enumerate all solutions (feasible columns per figure) or stop at the first. */
  all: boolean;
  /** Give up after this many search steps. */
  budget?: number;
}

export interface SolverResult {
  /** Column of each figure of each row in the leftmost solution; null when there is none. */
  placement: number[][] | null;
  /** With `all`: every column each figure takes in some solution. */
  feasible?: Set<number>[][];
  /** With `all`: every column each row leaves empty in some solution. */
  empty?: Set<number>[];
  /** The budget ran out: the answer is unknown. */
  exhausted: boolean;
}

export function solve(input: SolverInput): SolverResult {
  const components = componentsOf(input.rows);
  const placement: number[][] = input.rows.map(() => []);
  const feasible: Set<number>[][] | undefined = input.all ? input.rows.map((r) => r.values.map(() => new Set<number>())) : undefined;
  const empty: Set<number>[] | undefined = input.all ? input.rows.map(() => new Set<number>()) : undefined;
  for (const members of components) {
    const index = new Map(members.map((r, i) => [r, i]));
    const rows = members.map((r) => ({ ...input.rows[r], parent: input.rows[r].parent >= 0 ? index.get(input.rows[r].parent)! : -1 }));
    let res: SolverResult;
    try {
      res = new Search({ ...input, rows }).run();
    } catch (e) {
      if (e instanceof OutOfBudget) return { placement: null, exhausted: true };
      throw e;
    }
    if (!res.placement) return res;
    members.forEach((r, i) => {
      placement[r] = res.placement![i];
      if (feasible) feasible[r] = res.feasible![i];
      if (empty) empty[r] = res.empty![i];
    });
  }
  return { placement, feasible, empty, exhausted: false };
}

function componentsOf(rows: SolverRow[]): number[][] {
  const root = rows.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])));
  rows.forEach((r, i) => {
    if (r.parent >= 0 && rows[r.parent].childSums) root[find(i)] = find(r.parent);
  });
  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i));
  return [...groups.values()];
}
