/**
 * Cross-table identities as bounds on the cells of the table being read. The rule catalogue of
 * the checks says e.g. 预算01表 一般公共预算拨款收入 = 预算02表 合计·一般公共预算; once 预算01表 is
 * read, that fixes the cell of 预算02表 the figure 216.30 must land in. Every comparison with exactly
 * one unknown cell of the target table, all other terms read and certain, becomes a bound on it.
 */
import type { JoinRule, Ref, Rule, CellsRule } from '../../../checks/rule.ts';
import { CannotRun, TableSet } from '../../../checks/table-set.ts';
import type { Row } from '../../../ir/table.ts';
import type { Bound } from './solver.ts';

export interface LinkContext {
  target: string;
  rows: Pick<Row, 'kind' | 'code' | 'unit'>[];
  /** column key → slot index of the target table */
  slotOf: Map<string, number>;
  /** tables read so far */
  known: TableSet;
  /** cells ("row:col") of the known tables whose figure is a guess */
  uncertain: Map<string, Set<string>>;
  step: number;
}

/** Bounds per row and slot of the target table. */
export function boundsFromRules(rules: Rule[], ctx: LinkContext): (Bound | undefined)[][] {
  const out: (Bound | undefined)[][] = ctx.rows.map(() => []);
  const add = (row: number, slot: number, b: Omit<Bound, 'tol'>, terms: number) => {
    const tol = Math.max(0, Math.ceil(terms / 2) - 1) * ctx.step;
    const cur = out[row][slot] ?? { tol };
    out[row][slot] = {
      tol: Math.max(cur.tol, tol),
      eq: b.eq ?? cur.eq,
      lo: b.lo === undefined ? cur.lo : Math.max(b.lo, cur.lo ?? -Infinity),
      hi: b.hi === undefined ? cur.hi : Math.min(b.hi, cur.hi ?? Infinity),
    };
  };
  for (const rule of rules) {
    if (!rule.tables.includes(ctx.target)) continue;
    try {
      if (rule.kind === 'cells') cellBounds(rule, ctx, add);
      else if (rule.kind === 'join') joinBounds(rule, ctx, add);
    } catch (e) {
      if (!(e instanceof CannotRun)) throw e;
    }
  }
  return out;
}

type Add = (row: number, slot: number, b: Omit<Bound, 'tol'>, terms: number) => void;

function cellBounds(rule: CellsRule, ctx: LinkContext, add: Add) {
  for (const ref of rule.unlessNonZero ?? []) if (ref.table === ctx.target || value(ref, ctx) !== 0) return;
  for (const c of rule.comparisons) {
    try {
      const terms = [...c.lhs.map((ref) => ({ ref, sign: 1 })), ...c.rhs.map((ref) => ({ ref, sign: -1 }))];
      const unknown = terms.filter((t) => t.ref.table === ctx.target);
      if (unknown.length !== 1) continue;
      const [{ ref, sign }] = unknown;
      const row = targetRow(ref, ctx);
      const slot = ctx.slotOf.get(ref.col);
      if (row === undefined || slot === undefined) continue;
      // sign·x + rest (op) 0
      const rest = terms.reduce((s, t) => (t.ref === ref ? s : s + t.sign * value(t.ref, ctx)), 0);
      const op = c.op ?? '=';
      if (op === '=') add(row, slot, { eq: -rest * sign }, terms.length);
      else if (sign > 0) add(row, slot, { hi: -rest }, terms.length);
      else add(row, slot, { lo: rest }, terms.length);
    } catch (e) {
      if (!(e instanceof CannotRun)) throw e;
    }
  }
}

function joinBounds(rule: JoinRule, ctx: LinkContext, add: Add) {
  const targetLeft = rule.left === ctx.target;
  const other = targetLeft ? rule.right : rule.left;
  if (other === ctx.target || !ctx.known.has(other)) return;
  const where = rule.whereEmpty ?? [];
  if (where.some((w) => w.table === ctx.target || !ctx.known.has(w.table))) return;
  const otherRows = ctx.known.keyed(other);
  const kinds = new Set<string>(rule.rows);
  ctx.rows.forEach((r, i) => {
    if (!kinds.has(r.kind)) return;
    const key = ctx.known.keyOf(r as Row);
    const o = key === undefined ? undefined : otherRows.get(key);
    if (key === undefined || o === undefined) return;
    for (const w of where) {
      const at = ctx.known.keyed(w.table).get(key);
      if (at === undefined || w.cols.some((k) => cellOf(w.table, at, k, ctx) !== 0)) return;
    }
    for (const [l, r2] of rule.pairs) {
      const [mine, theirs] = targetLeft ? [l, r2] : [r2, l];
      const slot = mine.length === 1 ? ctx.slotOf.get(mine[0]) : undefined;
      if (slot === undefined) continue;
      try {
        const v = theirs.reduce((s, k) => s + cellOf(other, o, k, ctx), 0);
        const op = rule.op ?? '=';
        if (op === '=') add(i, slot, { eq: v }, theirs.length + 1);
        else add(i, slot, targetLeft ? { hi: v } : { lo: v }, theirs.length + 1);
      } catch (e) {
        if (!(e instanceof CannotRun)) throw e;
      }
    }
  });
}

/** The single target row a reference points at. */
function targetRow(ref: Ref, ctx: LinkContext): number | undefined {
  const sel = ref.row;
  if ('label' in sel) return undefined;
  const hits = ctx.rows.flatMap((r, i) => (('total' in sel ? r.kind === 'total' : r.kind === sel.kind && (sel.code === undefined || r.code === sel.code)) ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

function value(ref: Ref, ctx: LinkContext): number {
  const c = ctx.known.col(ref.table, ref.col);
  return ctx.known.rows(ref.table, ref.row).reduce((s, i) => s + cellAt(ref.table, i, c, ctx), 0);
}

function cellOf(table: string, row: number, key: string, ctx: LinkContext): number {
  return cellAt(table, row, ctx.known.col(table, key), ctx);
}

function cellAt(table: string, row: number, col: number, ctx: LinkContext): number {
  if (ctx.uncertain.get(table)?.has(`${row}:${col}`)) throw new CannotRun('uncertain');
  const v = ctx.known.get(table).table.rows[row].cells[col];
  return typeof v === 'number' ? v : 0;
}
