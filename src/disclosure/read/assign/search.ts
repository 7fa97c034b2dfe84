/**
 * The memoised column-by-column search behind `solve` (see solver.ts), on one connected group of
 * rows. A state is the column reached, the figures each row has used and the open partial sums.
 */
import type { Bound, SolverInput, SolverResult } from './solver.ts';
import { figureWindows } from './windows.ts';

export class OutOfBudget extends Error {}

interface StateInfo {
  col: number;
  pos: Int32Array;
  /** successful transitions: which rows take their next figure, and the state reached */
  next: [Uint8Array, string][];
}

export class Search {
  private readonly R: number;
  private readonly S: number;
  private readonly suffix: Int32Array[];
  /** Per row and figure: the first and last column it can take given the figures around it. */
  private readonly firstAt: Int32Array[];
  private readonly lastAt: Int32Array[];
  private readonly depth: Int32Array;
  /** Rows in the order they are decided at the current column, and each parent's last child in it. */
  private order: Int32Array;
  private lastKid: Int32Array;
  private readonly roles: [number, boolean][][];
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly nonneg: boolean;
  private readonly pos: Int32Array;
  private readonly head: Float64Array;
  private readonly part: Float64Array;
  private readonly terms: Int32Array;
  private readonly cell: Float64Array;
  private readonly took: Uint8Array;
  private readonly childSum: Float64Array;
  private readonly childTerms: Int32Array;
  private readonly kids: number[][];
  /** Per row at the current column: the most its later siblings can still add (for subset-sum pruning). */
  private later: Float64Array;
  /** Per parent at the current column: the most all its children can add. */
  private potential: Float64Array;
  private readonly memo = new Map<string, boolean>();
  private readonly states = new Map<string, StateInfo>();
  private path: Uint8Array[] = [];
  private steps = 0;

  constructor(private readonly input: SolverInput) {
    const { rows, slots, sums } = input;
    this.R = rows.length;
    this.S = slots;
    this.suffix = rows.map((r) => {
      const s = new Int32Array(slots + 1);
      for (let c = slots - 1; c >= 0; c--) s[c] = s[c + 1] + (r.allowed[c] ? 1 : 0);
      return s;
    });
    const windows = rows.map((r) => figureWindows(r, slots));
    this.firstAt = windows.map((w) => w.first);
    this.lastAt = windows.map((w) => w.last);
    this.kids = rows.map(() => []);
    rows.forEach((r, i) => r.parent >= 0 && this.kids[r.parent].push(i));
    this.later = new Float64Array(this.R);
    this.potential = new Float64Array(this.R);
    this.depth = new Int32Array(this.R);
    rows.forEach((r, i) => (this.depth[i] = r.parent >= 0 ? this.depth[r.parent] + 1 : 0));
    this.order = Int32Array.from(rows.keys());
    this.lastKid = new Int32Array(this.R).fill(-1);
    this.roles = Array.from({ length: slots }, () => [] as [number, boolean][]);
    this.first = new Int32Array(sums.length);
    this.last = new Int32Array(sums.length);
    sums.forEach((s, k) => {
      this.roles[s.head].push([k, true]);
      for (const p of s.parts) this.roles[p].push([k, false]);
      this.first[k] = Math.min(s.head, ...s.parts);
      this.last[k] = Math.max(s.head, ...s.parts);
    });
    this.nonneg = rows.every((r) => r.values.every((v) => v >= 0));
    const n = this.R * sums.length;
    this.pos = new Int32Array(this.R);
    this.head = new Float64Array(n);
    this.part = new Float64Array(n);
    this.terms = new Int32Array(n);
    this.cell = new Float64Array(this.R);
    this.took = new Uint8Array(this.R);
    this.childSum = new Float64Array(this.R);
    this.childTerms = new Int32Array(this.R);
  }

  run(): SolverResult {
    const start = this.key(0);
    if (this.input.rows.some((row, r) => row.values.length > this.suffix[r][0] || this.lastAt[r].some((c, k) => c < this.firstAt[r][k]))) return { placement: null, exhausted: false };
    if (!this.solve(0, start)) return { placement: null, exhausted: false };
    const placement: number[][] = this.input.rows.map(() => []);
    if (!this.input.all) {
      const pos = new Int32Array(this.R);
      this.path.forEach((takes, c) => takes.forEach((t, r) => t && (placement[r].push(c), pos[r]++)));
      return { placement, exhausted: false };
    }
    // Leftmost solution: follow the first successful transition from the start.
    for (let k: string | undefined = start; k !== undefined; ) {
      const s: StateInfo | undefined = this.states.get(k);
      if (!s || !s.next.length) break;
      s.next[0][0].forEach((t, r) => t && placement[r].push(s.col));
      k = s.next[0][1];
    }
    const feasible = this.input.rows.map((r) => r.values.map(() => new Set<number>()));
    const empty = this.input.rows.map(() => new Set<number>());
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length) {
      const s = this.states.get(queue.pop()!);
      if (!s) continue;
      for (const [takes, next] of s.next) {
        takes.forEach((t, r) => (t ? feasible[r][s.pos[r]].add(s.col) : empty[r].add(s.col)));
        if (!seen.has(next)) seen.add(next), queue.push(next);
      }
    }
    return { placement, feasible, empty, exhausted: false };
  }

  private key(c: number): string {
    let k = `${c}|${this.pos.join(',')}`;
    const I = this.input.sums.length;
    for (let r = 0; r < this.R; r++) {
      if (!this.input.rows[r].identities) continue;
      for (let i = 0; i < I; i++) if (this.first[i] < c && c <= this.last[i]) k += `|${this.head[r * I + i]},${this.part[r * I + i]},${this.terms[r * I + i]}`;
    }
    return k;
  }

  private solve(c: number, key: string): boolean {
    if (c === this.S) return this.input.rows.every((row, r) => this.pos[r] === row.values.length);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const info: StateInfo = { col: c, pos: Int32Array.from(this.pos), next: [] };
    let ok = false;
    const takes = new Uint8Array(this.R);
    // The order and bounds of this column, restored after each deeper column has used its own.
    const { order, lastKid, later, potential } = this.bound(c);
    const visit = () => {
      for (let r = 0; r < this.R; r++) this.pos[r] += takes[r];
      const next = this.key(c + 1);
      // Deeper columns reuse the per-column sums: keep this column's to go on choosing in it.
      const saved = [this.cell.slice(), this.took.slice(), this.childSum.slice(), this.childTerms.slice()] as const;
      const good = this.solve(c + 1, next);
      for (let r = 0; r < this.R; r++) this.pos[r] -= takes[r];
      this.cell.set(saved[0]);
      this.took.set(saved[1]);
      this.childSum.set(saved[2]);
      this.childTerms.set(saved[3]);
      Object.assign(this, { order, lastKid, later, potential });
      if (!good) return false;
      ok = true;
      if (this.input.all) {
        info.next.push([Uint8Array.from(takes), next]);
        return false;
      }
      this.path.unshift(Uint8Array.from(takes));
      return true;
    };
    Object.assign(this, { order, lastKid, later, potential });
    this.choose(c, 0, takes, visit);
    this.memo.set(key, ok);
    if (ok && this.input.all) this.states.set(key, info);
    return ok;
  }

  /**
   * The order rows are decided in at column c (parents first; siblings by falling next figure,
   * so that the sums of siblings meet their parent's soonest) and, in that order, the most each
   * row's later siblings and each parent's children can still add.
   */
  private bound(c: number) {
    const { rows } = this.input;
    const next = (r: number) => {
      const row = rows[r];
      const v = this.pos[r] < row.values.length && row.allowed[c] ? row.values[this.pos[r]] : 0;
      return !row.domain?.[c] || row.domain[c]!.has(v) ? v : 0;
    };
    const figure = Float64Array.from(rows.keys(), next);
    const order = Int32Array.from(rows.keys()).sort((a, b) => this.depth[a] - this.depth[b] || figure[b] - figure[a] || a - b);
    const later = new Float64Array(this.R);
    const potential = new Float64Array(this.R);
    const lastKid = new Int32Array(this.R).fill(-1);
    for (let i = order.length - 1; i >= 0; i--) {
      const r = order[i];
      const p = rows[r].parent;
      if (p < 0) continue;
      if (lastKid[p] < 0) lastKid[p] = r;
      later[r] = potential[p];
      potential[p] += Math.max(0, figure[r]);
    }
    return { order, lastKid, later, potential };
  }

  /** Decides row r at column c, then the rows after it; calls `visit` for every consistent choice. Stops when it returns true. */
  private choose(c: number, at: number, takes: Uint8Array, visit: () => boolean): boolean {
    if (at === this.R) return visit();
    if (++this.steps > (this.input.budget ?? 2_000_000)) throw new OutOfBudget();
    const r = this.order[at];
    const row = this.input.rows[r];
    const p = this.pos[r];
    const remaining = row.values.length - p;
    const after = this.suffix[r][c + 1];
    const canTake = remaining > 0 && row.allowed[c];
    const bound = row.bounds?.[c];
    const domain = row.domain?.[c];
    const early = remaining > 0 && c < this.firstAt[r][p];
    const late = remaining > 0 && c >= this.lastAt[r][p];
    for (const take of [true, false]) {
      if (take ? !canTake || remaining - 1 > after || early : remaining > after || late) continue;
      const v = take ? row.values[p] : 0;
      if (bound && !this.inBound(v, bound)) continue;
      if (domain && !domain.has(v)) continue;
      if (!this.enterRow(c, r, v, take)) {
        this.leaveRow(c, r, v, take);
        continue;
      }
      takes[r] = take ? 1 : 0;
      const stop = this.choose(c, at + 1, takes, visit);
      takes[r] = 0;
      this.leaveRow(c, r, v, take);
      if (stop) return true;
    }
    return false;
  }

  private inBound(v: number, b: Bound): boolean {
    if (b.eq !== undefined && Math.abs(v - b.eq) > b.tol) return false;
    if (b.hi !== undefined && v > b.hi + b.tol) return false;
    if (b.lo !== undefined && v < b.lo - b.tol) return false;
    return true;
  }

  private within(diff: number, terms: number): boolean {
    const step = this.input.step;
    return step === 0 ? diff === 0 : Math.abs(diff) <= Math.max(0, Math.ceil(terms / 2) - 1) * step;
  }

  /** Applies row r's cell at column c to its sums and its parent's; false when that breaks one. */
  private enterRow(c: number, r: number, v: number, take: boolean): boolean {
    const row = this.input.rows[r];
    this.cell[r] = v;
    this.took[r] = take ? 1 : 0;
    let ok = true;
    if (row.identities) {
      const I = this.input.sums.length;
      for (const [i, isHead] of this.roles[c]) {
        const j = r * I + i;
        if (isHead) this.head[j] = v;
        else this.part[j] += v;
        if (take) this.terms[j]++;
        const headDone = this.input.sums[i].head <= c;
        if (c === this.last[i]) ok &&= this.within(this.head[j] - this.part[j], this.terms[j]);
        else if (headDone && this.nonneg) ok &&= this.part[j] <= this.head[j] + this.slack(this.terms[j]);
      }
    }
    const parent = row.parent;
    if (parent >= 0 && this.input.rows[parent].childSums) {
      this.childSum[parent] += v;
      if (take) this.childTerms[parent]++;
      if (this.lastKid[parent] === r) {
        ok &&= this.within(this.cell[parent] - this.childSum[parent], this.childTerms[parent] + this.took[parent]);
      } else if (this.nonneg) {
        const slack = this.slack(this.childTerms[parent] + this.kids[parent].length);
        ok &&= this.childSum[parent] <= this.cell[parent] + slack && this.childSum[parent] + this.later[r] >= this.cell[parent] - slack;
      }
    }
    if (row.childSums) {
      const fixed = row.childConst?.[c];
      this.childSum[r] = fixed?.sum ?? 0;
      this.childTerms[r] = fixed?.terms ?? 0;
      if (this.lastKid[r] < 0) ok &&= this.within(v - this.childSum[r], this.childTerms[r] + (take ? 1 : 0));
      else if (this.nonneg) ok &&= this.childSum[r] + this.potential[r] >= v - this.slack(this.kids[r].length + 1);
    }
    return ok;
  }

  private leaveRow(c: number, r: number, v: number, take: boolean) {
    const row = this.input.rows[r];
    if (row.identities) {
      const I = this.input.sums.length;
      for (const [i, isHead] of this.roles[c]) {
        const j = r * I + i;
        if (isHead) this.head[j] = 0;
        else this.part[j] -= v;
        if (take) this.terms[j]--;
      }
    }
    const parent = row.parent;
    if (parent >= 0 && this.input.rows[parent].childSums) {
      this.childSum[parent] -= v;
      if (take) this.childTerms[parent]--;
    }
  }

  private slack(terms: number): number {
    return this.input.step === 0 ? 0 : (terms + 1) * this.input.step;
  }
}
