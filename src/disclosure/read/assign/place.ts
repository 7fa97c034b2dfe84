/**
 * Places the figures of one table's rows into its columns, in three steps: each row on its own
 * (its row sums and the bounds of other tables), then the column sums between rows as domain
 * propagation, then a joint search over each small group of rows still undecided. When a
 * disclosure does not add up (which is what audits look for, so it must still read), constraints
 * are loosened and the loosening reported: sums within rounding, then without the row sums a row
 * breaks, the bounds it cannot meet, and the column sums of a row that is not its children's sum.
 */
import { leaves, type RowKind } from '../../../ir/table.ts';
import type { SumIdentity, TableLayout } from '../../layouts/layout.ts';
import { propagate, type Domains, type Group } from './propagate.ts';
import { solve, type Bound, type SolverInput, type SolverRow } from './solver.ts';

export interface PlaceInput {
  layout: TableLayout;
  /** row sums: the layout's and those of the rule catalogue */
  sums: SumIdentity[];
  rows: { kind: RowKind; label: string; values: number[] }[];
  /** parent row of each row (-1: none), for column sums */
  parents: number[];
  bounds: (Bound | undefined)[][];
  /** display step in 分 */
  step: number;
}

export interface PlaceOutput {
  /** leaf column of every figure of every row */
  placement: number[][];
  /** rows whose figures fit more than one way: for each figure, the leaf columns it may take */
  ambiguous: { row: number; candidates: number[][] }[];
  warnings: string[];
}

/**
 * Joint searches enumerate at most this many rows, or this many steps, else fall back to the
 * propagated domains; beyond FIRST_ROWS rows not even a first solution is sought (the search
 * recurses per row and column).
 */
const JOINT_ROWS = 40;
const FIRST_ROWS = 150;
const BUDGET = 200_000;
const NARROW_BUDGET = 50_000;

/**
 * The columns figures may land in: the amount columns, and the text columns an empty table
 * prints 0.00 under (预算20表). `slotOf` maps a column key to its slot.
 */
export function slotsOf(layout: TableLayout) {
  const ls = leaves(layout.header);
  const zeros = new Set(layout.emptyZeros ?? []);
  const slots = ls.flatMap((c, i) => (c.kind === 'amount' || zeros.has(c.key) ? [i] : []));
  return { ls, zeros, slots, slotOf: new Map(slots.map((leaf, s) => [ls[leaf].key, s])) };
}

export function placeFigures(input: PlaceInput): PlaceOutput {
  const { layout, rows, parents } = input;
  const { ls, zeros, slots, slotOf } = slotsOf(layout);
  const S = slots.length;
  const sums = input.sums.flatMap((s) => {
    const head = slotOf.get(s.key);
    const parts = s.parts.map((p) => slotOf.get(p));
    return head === undefined || parts.some((p) => p === undefined) ? [] : [{ head, parts: parts as number[] }];
  });
  const unreachable = new Set(layout.unreachable ?? []);
  const warnings: string[] = [];
  const label = (r: number) => `「${rows[r].label}」`;
  const run = (rs: SolverRow[], step: number, all: boolean) => solve({ slots: S, sums, rows: rs, step, all, budget: BUDGET } satisfies SolverInput);

  // 1. Each row on its own. The table is read exactly unless some row only adds up within rounding.
  const own = rows.map((r, i): SolverRow => {
    const emptyRow = r.values.length > 0 && r.values.length === zeros.size && r.values.every((v) => v === 0);
    const allowed = slots.map((leaf) => (emptyRow ? zeros.has(ls[leaf].key) : ls[leaf].kind === 'amount' || r.kind === 'total'));
    return { values: r.values, parent: -1, allowed, bounds: input.bounds[i], identities: true, childSums: false };
  });
  const strict = (r: SolverRow) => ({ ...r, allowed: r.allowed.map((a, s) => a && !unreachable.has(ls[slots[s]].key)) });
  const fits = (r: SolverRow, step: number) => run([r], step, false).placement !== null;
  const step = own.every((r) => fits({ ...r, bounds: undefined }, 0)) ? 0 : input.step;
  if (step) warnings.push('有的行只在舍入误差内满足行内合计关系，按舍入误差放置');
  // Rows whose figures satisfy no placement are wrong whatever the placement: they are reported as
  // inconsistent (so the checks' errors on them stand), not as ambiguous.
  const inconsistent = new Set<number>();
  const alone = own.map((r, i) => {
    for (const candidate of [strict(r), r]) if (fits(candidate, step)) return candidate;
    // Keep the other tables' bounds this row agrees with: one wrong figure elsewhere should not
    // unsettle the placement of every figure here.
    if (r.bounds?.some(Boolean)) {
      const only = (s: number) => ({ ...r, bounds: r.bounds!.map((b, t) => (t === s ? b : undefined)) });
      const partial = { ...r, bounds: r.bounds.map((b, s) => (b && fits(only(s), step) ? b : undefined)) };
      for (const candidate of [strict(partial), partial]) {
        if (!fits(candidate, step)) continue;
        warnings.push(`${label(i)}行与其他表的部分对应数字不一致，只用一致的部分定位`);
        return candidate;
      }
    }
    if (fits({ ...r, bounds: undefined }, step)) {
      warnings.push(`${label(i)}行与其他表的对应数字不一致，未用其他表定位`);
      return { ...r, bounds: undefined };
    }
    warnings.push(`${label(i)}行的数字不满足本表的行内合计关系，按从左到右放置`);
    inconsistent.add(i);
    return { ...r, bounds: undefined, identities: false };
  });
  const domainsOf = (r: SolverRow) => {
    const res = run([r], step, true);
    if (!res.feasible) return null;
    return Array.from({ length: S }, (_, s) => new Set([...r.values.filter((_, k) => res.feasible![0][k].has(s)), ...(res.empty![0].has(s) ? [0] : [])]));
  };

  // 2. Column sums, propagated; a parent that is not its children's sum loses its column sums.
  const kids: number[][] = rows.map(() => []);
  parents.forEach((p, i) => p >= 0 && kids[p].push(i));
  let groups: Group[] = kids.flatMap((children, parent) => (children.length ? [{ parent, children }] : []));
  let domains: Domains;
  const slack = (terms: number) => (step ? Math.ceil(terms / 2) * step : 0);
  for (;;) {
    domains = alone.map((r) => domainsOf(r) ?? r.allowed.map(() => new Set<number>()));
    const bad = propagate({ domains, groups, slack, replace: (row, d) => domainsOf({ ...alone[row], domain: d }) });
    if (!bad) break;
    groups = groups.filter((g) => g !== bad);
    warnings.push(`${label(bad.parent)}行不等于其下各行之和，未用列合计定位`);
  }

  // 3. Rows still open, grouped by the column sums that tie them, searched jointly. Groups too
  // large for that are first narrowed subtree by subtree (a subtree on its own is a relaxation, so
  // nothing true is lost) and propagated again.
  const replace = (row: number, d: Set<number>[]) => domainsOf({ ...alone[row], domain: d });
  const settle = () => {
    const single = alone.map((r, i) => run([{ ...r, domain: domains[i] }], step, true));
    const feasible = single.map((res, i) => res.feasible?.[0] ?? rows[i].values.map(() => new Set<number>()));
    const placement = single.map((res, i) => res.placement?.[0] ?? leftmost(alone[i]));
    return { feasible, placement, open: new Set(feasible.flatMap((f, i) => (f.some((x) => x.size > 1) ? [i] : []))) };
  };
  let { feasible, placement, open } = settle();
  // A search that ran out of steps is not tried again on the same domains.
  const tried = new Set<string>();
  /** Keeps in each row's domains only what a joint search of `sub` (a relaxation) still allows. */
  const narrow = (sub: number[], only?: Group) => {
    const key = `${only?.parent ?? ''}|${sub.map((r) => [...domains[r]].map((d) => d.size).join('.')).join('|')}`;
    if (tried.has(key)) return false;
    const { rowsOf, index } = jointRows(sub, alone, domains, placement, groups, { only, pin: !!only });
    const res = solve({ slots: S, sums, rows: rowsOf, step, all: true, budget: NARROW_BUDGET });
    let narrowed = false;
    if (res.exhausted) tried.add(key);
    if (!res.feasible) return false;
    for (const r of sub) {
      const i = index.get(r)!;
      const d = domains[r].map((cur, x) => new Set([...cur].filter((v) => (v === 0 && res.empty![i].has(x)) || rows[r].values.some((w, k) => w === v && res.feasible![i][k].has(x)))));
      if (d.some((x, k) => x.size < domains[r][k].size) && d.every((x) => x.size)) (domains[r] = d), (narrowed = true);
    }
    return narrowed;
  };
  for (let round = 0; round < 3; round++) {
    let narrowed = false;
    for (const members of linked(open, groups)) {
      if (members.length <= JOINT_ROWS) continue;
      // Each subtree on its own, then each parent with its children on their own.
      for (const sub of subtrees(members, groups)) narrowed = narrow(sub) || narrowed;
      const inSet = new Set(members);
      for (const g of groups) {
        const sub = [g.parent, ...g.children].filter((r) => inSet.has(r));
        if (sub.length > 1 && sub.length <= JOINT_ROWS) narrowed = narrow(sub.sort((a, b) => a - b), g) || narrowed;
      }
    }
    if (!narrowed) break;
    const bad = propagate({ domains, groups, slack, replace });
    if (bad) {
      groups = groups.filter((g) => g !== bad);
      warnings.push(`${label(bad.parent)}行不等于其下各行之和，未用列合计定位`);
    }
    ({ feasible, placement, open } = settle());
  }
  for (const members of linked(open, groups)) {
    const { rowsOf, index } = jointRows(members, alone, domains, placement, groups, { pin: true });
    const all = members.length <= JOINT_ROWS ? run(rowsOf, step, true) : undefined;
    const res = all?.placement ? all : members.length <= FIRST_ROWS ? run(rowsOf, step, false) : { placement: null, exhausted: true };
    if (!res.placement) {
      const rowsText = members.length > 3 ? `${members.slice(0, 3).map(label).join('、')}等 ${members.length} 行` : `${members.map(label).join('、')}行`;
      warnings.push(res.exhausted ? `${rowsText}的组合过多，按各行单独放置，列合计未必成立` : `${rowsText}的列合计无法同时满足，按各行单独放置`);
      continue;
    }
    for (const r of members) {
      placement[r] = res.placement[index.get(r)!];
      if (res.feasible) feasible[r] = res.feasible[index.get(r)!];
    }
  }
  const ambiguous = feasible.flatMap((figures, row) =>
    !inconsistent.has(row) && figures.some((cols, k) => cols.size > 1 && rows[row].values[k] !== 0)
      ? [{ row, candidates: figures.map((cols) => [...cols].sort((a, b) => a - b).map((s) => slots[s])) }]
      : [],
  );
  return { placement: placement.map((cols) => cols.map((s) => slots[s])), ambiguous, warnings };
}

/** Figures packed into the first allowed columns (a row that cannot be placed otherwise). */
function leftmost(r: SolverRow): number[] {
  return r.allowed.flatMap((a, s) => (a ? [s] : [])).slice(0, r.values.length);
}

/** Open rows tied by a column sum (a parent and its children), as connected sets. */
function linked(open: Set<number>, groups: Group[]): number[][] {
  const root = new Map([...open].map((r) => [r, r]));
  const find = (r: number): number => (root.get(r) === r ? r : find(root.get(r)!));
  for (const g of groups) {
    const members = [g.parent, ...g.children].filter((r) => open.has(r));
    for (const m of members.slice(1)) root.set(find(m), find(members[0]));
  }
  const out = new Map<number, number[]>();
  for (const r of [...open].sort((a, b) => a - b)) (out.get(find(r)) ?? out.set(find(r), []).get(find(r))!).push(r);
  return [...out.values()];
}

/** Subtrees of a set of rows small enough to search jointly, deepest first, of two rows or more. */
function subtrees(members: number[], groups: Group[]): number[][] {
  const inSet = new Set(members);
  const kids = new Map(groups.map((g) => [g.parent, g.children.filter((c) => inSet.has(c))]));
  const below = (r: number): number[] => [r, ...(kids.get(r) ?? []).flatMap(below)];
  const out: number[][] = [];
  const visit = (r: number) => {
    const sub = below(r);
    if (sub.length <= JOINT_ROWS) {
      if (sub.length > 1) out.push(sub.sort((a, b) => a - b));
    } else (kids.get(r) ?? []).forEach(visit);
  };
  const children = new Set(groups.flatMap((g) => g.children));
  members.filter((r) => !children.has(r) || !members.some((p) => kids.get(p)?.includes(r))).forEach(visit);
  return out;
}

/**
 * The rows of a joint search: the given rows with their domains; decided children enter their
 * parent's column sums as constants. With `pin`, each decided parent of one of them comes along,
 * pinned to its placement; without, ties to parents outside the set are left out. With `only`,
 * that group's column sums are the only ones kept.
 */
function jointRows(members: number[], rows: SolverRow[], domains: Domains, placement: number[][], groups: Group[], opts: { pin?: boolean; only?: Group }) {
  const inSet = new Set(members);
  const parentOf = new Map<number, Group>();
  for (const g of opts.only ? [opts.only] : groups) for (const c of g.children) parentOf.set(c, g);
  const pinned = opts.pin ? [...new Set(members.map((r) => parentOf.get(r)?.parent).filter((p): p is number => p !== undefined && !inSet.has(p)))] : [];
  const order = [...members, ...pinned].sort((a, b) => a - b);
  const index = new Map(order.map((r, i) => [r, i]));
  const rowsOf = order.map((r): SolverRow => {
    const g = opts.only ? (opts.only.parent === r ? opts.only : undefined) : groups.find((x) => x.parent === r);
    const fixedKids = g?.children.filter((k) => !inSet.has(k)) ?? [];
    const childConst = rows[r].allowed.map((_, s) => {
      const vals = fixedKids.map((k) => figureAt(rows[k], placement[k], s)).filter((v) => v !== 0);
      return { sum: vals.reduce((a, b) => a + b, 0), terms: vals.length };
    });
    const parent = parentOf.get(r)?.parent;
    const domain = inSet.has(r) ? domains[r] : rows[r].allowed.map((_, s) => new Set([figureAt(rows[r], placement[r], s)]));
    return { ...rows[r], domain, parent: inSet.has(r) && parent !== undefined && index.has(parent) ? index.get(parent)! : -1, childSums: !!g, childConst };
  });
  return { rowsOf, index };
}

const figureAt = (r: SolverRow, cols: number[], slot: number) => {
  const k = cols.indexOf(slot);
  return k < 0 ? 0 : r.values[k];
};
