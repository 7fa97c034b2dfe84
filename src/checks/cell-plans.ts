/**
 * The `cells` rules compiled per header set: each reference becomes (table slot, column index, row
 * selector) once, and a package only looks its rows up (cells.ts). References to the rows of one
 * kind and code (预算03表 各功能类) are gathered by table and kind, so that one pass over a table's
 * rows of that kind sums all of them.
 */
import type { LeafColumn } from '../ir/table.ts';
import { normLabel } from '../ir/table.ts';
import type { CellsRule, Ref } from './rule.ts';
import type { Indexed } from './table-set.ts';

export const enum Sel {
  Total,
  Label,
  Kind,
}

export interface PlanRef {
  ref: Ref;
  /** Index into the rule's tables; id: the reference's number in a package's sums. */
  slot: number;
  id: number;
  /** -1: not resolved on the header (resolveInto). */
  col: number;
  sel: Sel;
  labelCol: number;
  label: string;
  /** The selector's fields, copied so that every reference has one shape (the selectors have three). */
  nth: number;
  optional: boolean;
  kind: string;
  code: string | undefined;
  /** A kind-and-code reference's group: the plan's references to rows of that kind in that table. */
  group: KindGroup | undefined;
}

/**
 * References to rows of one kind of one table of a plan, by code (`any`: to every row of the kind);
 * `refs`: each reference number once.
 */
export interface KindGroup {
  kind: string;
  byCode: Map<string, PlanRef[]>;
  any: PlanRef[];
  refs: PlanRef[];
}

export interface Plan {
  leaves: LeafColumn[][];
  unless: PlanRef[];
  comparisons: { lhs: PlanRef[]; rhs: PlanRef[]; op: '=' | '<=' }[];
}

export interface Compiled {
  ids: string[];
  /** The ids' numbers (see tableNum), and the package's tables in the same order (refilled per call). */
  nums: number[];
  ts: Indexed[];
  /** One plan per header set met (a department's tables and its units' may differ). */
  plans: Plan[];
}

/** Numbers of table ids, so that a package looks each of its tables up once, not once per rule. */
const tableNums = new Map<string, number>();
const tableNum = (id: string) => tableNums.get(id) ?? tableNums.set(id, tableNums.size).size - 1;

/** Numbers of references, by table, column and selector: the same cell sum in every rule. */
const refIds = new Map<string, number>();
export const refCount = () => refIds.size;
function refId(ref: Ref): number {
  const s = ref.row;
  const key = `${ref.table}\u0001${ref.col}\u0001${'total' in s ? 't' : 'label' in s ? `l${s.in}\u0001${s.label}\u0001${s.nth ?? 1}\u0001${s.optional ? 1 : 0}` : `k${s.kind}\u0001${s.code ?? ''}`}`;
  let id = refIds.get(key);
  if (id === undefined) refIds.set(key, (id = refIds.size));
  return id;
}

const compiled = new WeakMap<CellsRule, Compiled>();
export function compiledOf(rule: CellsRule): Compiled {
  let c = compiled.get(rule);
  if (!c) {
    const ids: string[] = [];
    for (const cmp of rule.comparisons) for (const r of [...cmp.lhs, ...cmp.rhs]) if (!ids.includes(r.table)) ids.push(r.table);
    for (const r of rule.unlessNonZero ?? []) if (!ids.includes(r.table)) ids.push(r.table);
    compiled.set(rule, (c = { ids, nums: ids.map(tableNum), ts: [], plans: [] }));
  }
  return c;
}

const PLANS_KEPT = 8;
export function planOf(rule: CellsRule, c: Compiled, ts: Indexed[]): Plan {
  for (let k = 0; k < c.plans.length; k++) {
    const p = c.plans[k];
    let same = true;
    for (let i = 0; i < ts.length && same; i++) same = p.leaves[i] === ts[i].leaves;
    if (same) return p;
  }
  return compile(rule, c, ts);
}

/** A new plan (apart from planOf: a closure there would cost every call a context). */
function compile(rule: CellsRule, c: Compiled, ts: Indexed[]): Plan {
  const planRef = (ref: Ref): PlanRef => {
    const slot = c.ids.indexOf(ref.table);
    const t = ts[slot];
    const s = ref.row;
    const col = t.cols.get(ref.col) ?? -1;
    const labelCol = 'label' in s ? (t.cols.get(s.in) ?? -1) : 0;
    return {
      ref,
      slot,
      id: refId(ref),
      col: labelCol < 0 ? -1 : col,
      sel: 'total' in s ? Sel.Total : 'label' in s ? Sel.Label : Sel.Kind,
      labelCol,
      label: 'label' in s ? normLabel(s.label) : '',
      nth: 'label' in s ? (s.nth ?? 1) : 1,
      optional: 'label' in s && !!s.optional,
      kind: 'kind' in s ? s.kind : '',
      code: 'kind' in s ? s.code : undefined,
      group: undefined,
    };
  };
  const plan: Plan = {
    leaves: ts.map((t) => t.leaves),
    unless: (rule.unlessNonZero ?? []).map(planRef),
    comparisons: rule.comparisons.map((x) => ({ lhs: x.lhs.map(planRef), rhs: x.rhs.map(planRef), op: x.op ?? '=' })),
  };
  groupKinds([...plan.unless, ...plan.comparisons.flatMap((x) => [...x.lhs, ...x.rhs])]);
  // Tables read from disclosures have headers of their own: keep the last few only.
  if (c.plans.length === PLANS_KEPT) c.plans.shift();
  c.plans.push(plan);
  return plan;
}

/** Gathers the resolved kind-and-code references by table slot and kind (see KindGroup). */
function groupKinds(refs: PlanRef[]): void {
  const groups = new Map<string, KindGroup>();
  for (const p of refs) {
    if (p.sel !== Sel.Kind || p.col < 0) continue;
    const key = `${p.slot}\u0001${p.kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: p.kind, byCode: new Map(), any: [], refs: [] }));
    p.group = g;
    if (g.refs.some((q) => q.id === p.id)) continue;
    g.refs.push(p);
    if (p.code === undefined) {
      g.any.push(p);
      continue;
    }
    const atCode = g.byCode.get(p.code);
    if (atCode) atCode.push(p);
    else g.byCode.set(p.code, [p]);
  }
}
