/**
 * Chart data of a published package: spending by function (类/款/项), income by source, spending
 * by kind (basic vs project), the 三公 expenses, and a year-on-year comparison. Amounts in 分.
 * Income and 三公 are read from the package's own tables (预算02表, 预算14表), so a chart always
 * agrees with the table it illustrates.
 */
import type { Classification } from '../../classification/classification.ts';
import { leaves, type Table } from '../../ir/table.ts';
import { KINDS } from '../../model/budget.ts';
import type { SnapshotContent } from './snapshot.ts';

export interface FunctionNode {
  code: string;
  name: string;
  amountFen: number;
  children?: FunctionNode[];
}

export interface Slice {
  key: string;
  label: string;
  amountFen: number;
}

export interface Charts {
  totalSpendingFen: number;
  spendingByFunction: FunctionNode[];
  incomeBySource: Slice[];
  /** The same by top level (each source of 本年收入; 上年结转结余 as one), small ones folded into 其他. */
  incomeByGroup: Slice[];
  spendingByKind: Slice[];
  threePublic: Slice[];
}

/** `p`: a unit's snapshot, or a department package composed from its units' snapshots. */
export function chartsOf(p: Pick<SnapshotContent, 'budget' | 'tables'>, classification: Classification): Charts {
  const items = p.budget.lineItems;
  const byKind = new Map<string, number>();
  for (const li of items) byKind.set(li.kind, (byKind.get(li.kind) ?? 0) + li.amount);
  const incomeBySource = totalRowSlices(p.tables, '02', (key) => !key.endsWith('total'));
  return {
    totalSpendingFen: items.reduce((s, li) => s + li.amount, 0),
    spendingByFunction: functionTree(items, classification, printedNames(p.tables)),
    incomeBySource,
    incomeByGroup: groupIncome(incomeBySource),
    spendingByKind: KINDS.filter((k) => byKind.has(k)).map((k) => ({ key: k, label: k, amountFen: byKind.get(k)! })),
    threePublic: totalRowSlices(p.tables, '14', (key) => key !== 'total' && key !== 'car.total'),
  };
}

/**
 * Function names as 预算07表 prints them: they include names the input supplied and lists the
 * finance department imported, which the shipped list behind `classification` may lack.
 */
function printedNames(tables: Table[]): Map<string, string> {
  const names = new Map<string, string>();
  const t = tables.find((x) => x.id === '07');
  const col = t ? leaves(t.header).findIndex((l) => l.key === 'name') : -1;
  for (const r of t && col >= 0 ? t.rows : []) if (r.code && typeof r.cells[col] === 'string') names.set(r.code, r.cells[col] as string);
  return names;
}

function functionTree(items: { functionCode: string; amount: number }[], classification: Classification, printed: Map<string, string>): FunctionNode[] {
  const nodes = new Map<string, FunctionNode>();
  const roots: FunctionNode[] = [];
  const node = (code: string, parent?: FunctionNode) => {
    let n = nodes.get(code);
    if (!n) {
      n = { code, name: printed.get(code) ?? classification.function.nameOf(code) ?? code, amountFen: 0 };
      nodes.set(code, n);
      if (parent) (parent.children ??= []).push(n);
      else roots.push(n);
    }
    return n;
  };
  for (const li of items) {
    const cls = node(li.functionCode.slice(0, 3));
    const sec = node(li.functionCode.slice(0, 5), cls);
    const item = node(li.functionCode, sec);
    for (const n of [cls, sec, item]) n.amountFen += li.amount;
  }
  const sort = (list: FunctionNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of list) if (n.children) sort(n.children);
    return list;
  };
  return sort(roots);
}

/** Below this share of the whole a group is folded into 其他 (when at least two are that small). */
export const SMALL_SHARE = 0.05;
const CARRY_OVER = '上年结转结余';

/**
 * Income by its top level: each source of this year's income by name, all carry-over as one
 * 上年结转结余; groups under SMALL_SHARE together become 其他, so a chart has a few readable parts.
 */
export function groupIncome(slices: Slice[]): Slice[] {
  const groups = new Map<string, Slice>();
  for (const s of slices) {
    const label = s.label.startsWith(CARRY_OVER) ? CARRY_OVER : s.label.split('/').at(-1)!;
    const key = s.label.startsWith(CARRY_OVER) ? 'co' : s.key;
    const g = groups.get(key) ?? { key, label, amountFen: 0 };
    g.amountFen += s.amountFen;
    groups.set(key, g);
  }
  const total = slices.reduce((t, s) => t + s.amountFen, 0);
  const list = [...groups.values()].sort((a, b) => b.amountFen - a.amountFen);
  const small = list.filter((g) => g.amountFen < total * SMALL_SHARE);
  if (small.length < 2) return list;
  return [...list.filter((g) => !small.includes(g)), { key: 'other', label: '其他', amountFen: small.reduce((t, g) => t + g.amountFen, 0) }];
}

/** The leaf amount columns of a table's 合计 row, labelled by their header path. */
function totalRowSlices(tables: Table[], id: string, keep: (key: string) => boolean): Slice[] {
  const t = tables.find((x) => x.id === id);
  const total = t?.rows.find((r) => r.kind === 'total');
  if (!t || !total) return [];
  return leaves(t.header).flatMap((c, i) => {
    const v = total.cells[i];
    return c.kind === 'amount' && keep(c.key) && typeof v === 'number' && v !== 0 ? [{ key: c.key, label: c.path.join('/'), amountFen: v }] : [];
  });
}

export interface YearOnYearRow {
  key: string;
  label: string;
  previousFen: number;
  currentFen: number;
  changeFen: number;
  /** change / previous, rounded to 4 decimals; null when previous is 0 */
  changeRatio: number | null;
}

/** Totals, kinds and function 类 of two years side by side. */
export function yearOnYear(previous: Charts, current: Charts): YearOnYearRow[] {
  const rows = new Map<string, { label: string; p: number; c: number }>();
  const add = (key: string, label: string, which: 'p' | 'c', v: number) => {
    const r = rows.get(key) ?? { label, p: 0, c: 0 };
    r[which] += v;
    rows.set(key, r);
  };
  for (const [which, ch] of [['p', previous], ['c', current]] as const) {
    add('total', '支出合计', which, ch.totalSpendingFen);
    for (const s of ch.spendingByKind) add(`kind:${s.key}`, s.label, which, s.amountFen);
    for (const f of ch.spendingByFunction) add(`function:${f.code}`, `${f.code} ${f.name}`, which, f.amountFen);
    add('threePublic', '“三公”经费合计', which, ch.threePublic.reduce((s, x) => s + x.amountFen, 0));
  }
  return [...rows].map(([key, r]) => ({
    key,
    label: r.label,
    previousFen: r.p,
    currentFen: r.c,
    changeFen: r.c - r.p,
    changeRatio: r.p === 0 ? null : Math.round(((r.c - r.p) / r.p) * 10_000) / 10_000,
  }));
}
