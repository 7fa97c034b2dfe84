/**
 * The `cells` rules, compiled per header set: each reference becomes (table slot, column index, row
 * selector) once, and a package only looks its rows up. A cell sum is found once per package
 * (references repeat across rules: 合计 columns, the 01/06 lines). Whatever does not resolve on the
 * headers (third-party tables) takes TableSet.resolveInto, which throws CannotRun as before.
 */
import type { LeafColumn } from '../ir/table.ts';
import { normLabel } from '../ir/table.ts';
import { labelsOf } from './cell-labels.ts';
import { holds, NO_FAILURES, type Failure } from './compare.ts';
import type { CellsRule, Ref } from './rule.ts';
import { amountOf, CannotRun, nthRow, type Indexed, type Resolved, type TableSet } from './table-set.ts';

const enum Sel {
  Total,
  Label,
  Kind,
}

interface PlanRef {
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
}

interface Plan {
  leaves: LeafColumn[][];
  unless: PlanRef[];
  comparisons: { lhs: PlanRef[]; rhs: PlanRef[]; op: '=' | '<=' }[];
}

interface Compiled {
  ids: string[];
  /** The ids' numbers (see tableNum), and the package's tables in the same order (refilled per call). */
  nums: number[];
  ts: Indexed[];
  plan?: Plan;
}

/** Numbers of table ids, so that a package looks each of its tables up once, not once per rule. */
const tableNums = new Map<string, number>();
const tableNum = (id: string) => tableNums.get(id) ?? tableNums.set(id, tableNums.size).size - 1;

/** Numbers of references, by table, column and selector: the same cell sum in every rule. */
const refIds = new Map<string, number>();
function refId(ref: Ref): number {
  const s = ref.row;
  const key = `${ref.table}\u0001${ref.col}\u0001${'total' in s ? 't' : 'label' in s ? `l${s.in}\u0001${s.label}\u0001${s.nth ?? 1}\u0001${s.optional ? 1 : 0}` : `k${s.kind}\u0001${s.code ?? ''}`}`;
  let id = refIds.get(key);
  if (id === undefined) refIds.set(key, (id = refIds.size));
  return id;
}

const compiled = new WeakMap<CellsRule, Compiled>();
function compiledOf(rule: CellsRule): Compiled {
  let c = compiled.get(rule);
  if (!c) {
    const ids: string[] = [];
    for (const cmp of rule.comparisons) for (const r of [...cmp.lhs, ...cmp.rhs]) if (!ids.includes(r.table)) ids.push(r.table);
    for (const r of rule.unlessNonZero ?? []) if (!ids.includes(r.table)) ids.push(r.table);
    compiled.set(rule, (c = { ids, nums: ids.map(tableNum), ts: [] }));
  }
  return c;
}

function planOf(rule: CellsRule, c: Compiled, ts: Indexed[]): Plan {
  const p = c.plan;
  if (p) {
    let same = true;
    for (let i = 0; i < ts.length && same; i++) same = p.leaves[i] === ts[i].leaves;
    if (same) return p;
  }
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
    };
  };
  c.plan = {
    leaves: ts.map((t) => t.leaves),
    unless: (rule.unlessNonZero ?? []).map(planRef),
    comparisons: rule.comparisons.map((x) => ({ lhs: x.lhs.map(planRef), rhs: x.rhs.map(planRef), op: x.op ?? '=' })),
  };
  return c.plan;
}

/**
 * Cell sums by reference number (see refId), shared by every package: a sum counts for the package
 * whose generation stamps it, so a package neither allocates nor clears arrays (2,000 a round).
 */
let stamps = new Uint32Array(0);
let sums = new Float64Array(0);
let terms = new Int32Array(0);
let rows = new Int32Array(0);
let precisions = new Float64Array(0);
let generation = 0;
/** The package whose sums the arrays hold: another one taking over starts a new generation. */
let owner: CellSums | undefined;
const resolved: Resolved = { sum: 0, terms: 0, row: -1, col: -1, precision: 0 };

function grow(n: number): void {
  const grown = <T extends Uint32Array | Float64Array | Int32Array>(a: T, make: (n: number) => T) => {
    const b = make(n);
    b.set(a);
    return b;
  };
  stamps = grown(stamps, (k) => new Uint32Array(k));
  sums = grown(sums, (k) => new Float64Array(k));
  terms = grown(terms, (k) => new Int32Array(k));
  rows = grown(rows, (k) => new Int32Array(k));
  precisions = grown(precisions, (k) => new Float64Array(k));
}

function put(id: number, sum: number, n: number, row: number, precision: number): void {
  stamps[id] = generation;
  sums[id] = sum;
  terms[id] = n;
  rows[id] = row;
  precisions[id] = precision;
}

/** Cell sums of one package. */
export class CellSums {
  /** The package's tables by number (see tableNum); null: the set lacks it. */
  private readonly tables: (Indexed | null)[] = [];

  constructor(readonly set: TableSet) {}

  private table(num: number, id: string): Indexed | null {
    let t = this.tables[num];
    if (t === undefined) this.tables[num] = t = this.set.has(id) ? this.set.get(id) : null;
    return t;
  }

  /** The reference's sum, with its terms, first row and precision in the arrays at `p.id`. */
  private at(p: PlanRef, ts: Indexed[]): number {
    const id = p.id;
    if (stamps[id] === generation) return id;
    if (p.col < 0) {
      const r = this.set.resolveInto(resolved, p.ref);
      put(id, r.sum, r.terms, r.row, r.precision);
      return id;
    }
    const t = ts[p.slot];
    const { table } = t;
    const precision = table.precision ?? 0;
    if (p.sel === Sel.Total) {
      const i = this.set.totalRow(t);
      put(id, amountOf(table.rows[i], p.col), 1, i, precision);
    } else if (p.sel === Sel.Label) {
      const i = nthRow(labelsOf(this.set, t, p.labelCol, generation), p.label, p.nth);
      if (i === undefined && !p.optional) throw new CannotRun(`预算${p.ref.table}表找不到“${(p.ref.row as { label: string }).label}”行`);
      put(id, i === undefined ? 0 : amountOf(table.rows[i], p.col), 1, i ?? -1, precision);
    } else {
      const rs = this.set.ofKind(t, p.kind, p.code);
      let sum = 0;
      for (let k = 0; k < rs.length; k++) sum += amountOf(table.rows[rs[k]], p.col);
      put(id, sum, Math.max(rs.length, 1), rs.length ? rs[0] : -1, precision);
    }
    return id;
  }

  cells(rule: CellsRule): readonly Failure[] {
    const c = compiledOf(rule);
    const ts = c.ts;
    for (let i = 0; i < c.ids.length; i++) {
      const t = this.table(c.nums[i], c.ids[i]);
      if (!t) return this.cellsByRefs(rule);
      ts[i] = t;
    }
    const plan = planOf(rule, c, ts);
    // Compiling gives references their numbers: the arrays grow here only, before any is read.
    if (stamps.length < refIds.size) grow(Math.max(refIds.size, 2 * stamps.length));
    if (owner !== this) {
      owner = this;
      // Generation 0 is what new arrays hold: after a wrap, forget every stamp.
      if (++generation === 0x1_0000_0000) (generation = 1), stamps.fill(0);
    }
    let out: Failure[] | undefined;
    for (const u of plan.unless) {
      if (sums[this.at(u, ts)] !== 0) throw new CannotRun('有年终结转结余，本恒等式不适用');
    }
    for (const x of plan.comparisons) {
      let lhs = 0;
      let rhs = 0;
      let n = 0;
      let precision = 0;
      for (const p of x.lhs) {
        const i = this.at(p, ts);
        lhs += sums[i];
        n += terms[i];
        if (precisions[i] > precision) precision = precisions[i];
      }
      for (const p of x.rhs) {
        const i = this.at(p, ts);
        rhs += sums[i];
        n += terms[i];
        if (precisions[i] > precision) precision = precisions[i];
      }
      if (holds(rule, lhs, rhs, x.op, n, precision)) continue;
      const first = x.lhs[0];
      const i = this.at(first, ts);
      const col = first.col >= 0 ? first.col : this.set.resolveInto(resolved, first.ref).col;
      (out ??= []).push({ table: first.ref.table, row: rows[i], col, expected: rhs, found: lhs });
    }
    return out ?? NO_FAILURES;
  }

  /** A rule reading a table the set lacks (not in its `tables`): each reference resolved as it comes. */
  private cellsByRefs(rule: CellsRule): Failure[] {
    const out: Failure[] = [];
    const set = this.set;
    for (const ref of rule.unlessNonZero ?? []) if (set.resolve(ref).sum !== 0) throw new CannotRun('有年终结转结余，本恒等式不适用');
    const sum = (refs: Ref[]) => refs.map((r) => set.resolve(r)).reduce((a, r) => ({ sum: a.sum + r.sum, terms: a.terms + r.terms, precision: Math.max(a.precision, r.precision) }), { sum: 0, terms: 0, precision: 0 });
    for (const x of rule.comparisons) {
      const l = sum(x.lhs);
      const r = sum(x.rhs);
      if (holds(rule, l.sum, r.sum, x.op ?? '=', l.terms + r.terms, Math.max(l.precision, r.precision))) continue;
      const at = set.resolve(x.lhs[0]);
      out.push({ table: x.lhs[0].table, row: at.row, col: at.col, expected: r.sum, found: l.sum });
    }
    return out;
  }
}
