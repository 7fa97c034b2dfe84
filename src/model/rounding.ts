/**
 * 舍位平衡: tables are displayed in 万元 with two decimals (steps of 10 000 分). When the data is in
 * 元, rounding every displayed cell on its own makes totals differ from the sum of their displayed
 * parts. Instead yusuan rounds the *facts* once, and every table is summed from the rounded facts,
 * so every identity inside and across the 23 tables holds exactly in what is displayed.
 *
 * Method (largest remainder, per unit):
 *  1. line items alike in every field but the amount (line-item-fields.ts) are merged, and so are the
 *     unit's year-end balances by fund: the facts no table can tell apart;
 *  2. each fact is rounded down to the step; the unit's total is rounded half-up to the step;
 *  3. the steps still missing go, one each, to the facts with the largest remainders (ties: input order).
 * Each unit's displayed total is therefore its exactly rounded total, and every displayed cell
 * differs from its exact value by less than one step per fact it sums.
 */
import { roundTo, type Money } from '../money/money.ts';
import type { Budget, LineItem, YearEndBalance } from './budget.ts';
import { identityKey } from './line-item-fields.ts';

/** 0.01 万元 in 分. */
export const WAN_CENTI: Money = 10_000;

export function isOnStep(b: Budget, step = WAN_CENTI): boolean {
  return b.lineItems.every((li) => li.amount % step === 0) && b.yearEndBalances.every((x) => x.amount % step === 0);
}

interface Fact {
  amount: Money;
  rounded: Money;
  order: number;
}

export function balanceToStep(b: Budget, step = WAN_CENTI): Budget {
  if (isOnStep(b, step)) return b;
  const itemKey = (li: LineItem) => `i|${identityKey(li)}`;
  const balanceKey = (x: YearEndBalance) => `b|${x.unit}|${x.fund}`;
  const facts = new Map<string, Fact>();
  const byUnit = new Map<string, Fact[]>();
  const collect = (key: string, unit: string, amount: Money) => {
    let f = facts.get(key);
    if (!f) {
      facts.set(key, (f = { amount: 0, rounded: 0, order: facts.size }));
      (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit)!).push(f);
    }
    f.amount += amount;
  };
  b.lineItems.forEach((li) => collect(itemKey(li), li.unit, li.amount));
  b.yearEndBalances.forEach((x) => collect(balanceKey(x), x.unit, x.amount));
  for (const unitFacts of byUnit.values()) apportion(unitFacts, step);

  // Merged facts keep the first line item's identity (and source row) and carry the rounded sum.
  const emitted = new Set<string>();
  const lineItems: LineItem[] = [];
  for (const li of b.lineItems) {
    const k = itemKey(li);
    if (emitted.has(k)) continue;
    emitted.add(k);
    const rounded = facts.get(k)!.rounded;
    if (rounded !== 0) lineItems.push({ ...li, amount: rounded });
  }
  const yearEndBalances: YearEndBalance[] = [];
  for (const x of b.yearEndBalances) {
    const k = balanceKey(x);
    if (emitted.has(k)) continue;
    emitted.add(k);
    const rounded = facts.get(k)!.rounded;
    if (rounded !== 0) yearEndBalances.push({ ...x, amount: rounded });
  }
  return { ...b, lineItems, yearEndBalances };
}

/** Largest-remainder rounding of non-negative facts to multiples of `step`, keeping the rounded total. */
export function apportion(facts: Fact[], step: Money): void {
  const total = facts.reduce((s, f) => s + f.amount, 0);
  let missing = roundTo(total, step) / step;
  for (const f of facts) {
    f.rounded = Math.floor(f.amount / step) * step;
    missing -= f.rounded / step;
  }
  const byRemainder = [...facts].sort((a, b) => b.amount - b.rounded - (a.amount - a.rounded) || a.order - b.order);
  for (let i = 0; missing > 0 && i < byRemainder.length; i++, missing--) byRemainder[i].rounded += step;
}
