/**
 * The `cells` rules, compiled per header set (cell-plans.ts): a package only looks its rows up. A
 * cell sum is found once per package (references repeat across rules: 合计 columns, the 01/06
 * lines). Whatever does not resolve on the headers (third-party tables) takes TableSet.resolveInto,
 * which throws CannotRun as before.
 */
import { labelsOf } from './cell-labels.ts';
import { compiledOf, planOf, refCount, Sel, type KindGroup, type PlanRef } from './cell-plans.ts';
import { holds, NO_FAILURES, type Failure } from './compare.ts';
import type { CellsRule, Ref } from './rule.ts';
import type { Row } from '../ir/table.ts';
import { amountOf, CannotRun, nthRow, type Indexed, type Resolved, type TableSet } from './table-set.ts';

/**
 * Cell sums by reference number (see refId), shared by every package: a sum counts for the package
 * whose generation stamps it, so a package neither allocates nor clears arrays (2,000 a round).
 */
let stamps = new Uint32Array(0);
/** The references a kind group's pass is summing (see sumKinds). */
let pending = new Uint32Array(0);
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
  pending = grown(pending, (k) => new Uint32Array(k));
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
      sumKinds(p.group!, t, precision);
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
    if (stamps.length < refCount()) grow(Math.max(refCount(), 2 * stamps.length));
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

/**
 * Sums every reference of a kind group not summed yet in this generation, in one pass over the
 * table's rows: each in row order, as summing the rows of its kind and code one by one would.
 */
function addRow(refs: PlanRef[], row: Row, i: number): void {
  for (let r = 0; r < refs.length; r++) {
    const id = refs[r].id;
    if (pending[id] !== generation) continue;
    sums[id] += amountOf(row, refs[r].col);
    if (terms[id]++ === 0) rows[id] = i;
  }
}

function sumKinds(g: KindGroup, t: Indexed, precision: number): void {
  const refs = g.refs;
  for (let r = 0; r < refs.length; r++) {
    const id = refs[r].id;
    if (stamps[id] === generation) continue;
    put(id, 0, 0, -1, precision);
    pending[id] = generation;
  }
  const table = t.table.rows;
  for (let i = 0; i < table.length; i++) {
    const row = table[i];
    if (row.kind !== g.kind) continue;
    if (g.any.length) addRow(g.any, row, i);
    const at = row.code === undefined ? undefined : g.byCode.get(row.code);
    if (at) addRow(at, row, i);
  }
  for (let r = 0; r < refs.length; r++) {
    const id = refs[r].id;
    if (pending[id] !== generation) continue;
    pending[id] = 0;
    if (terms[id] === 0) terms[id] = 1;
  }
}
