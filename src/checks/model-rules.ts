/**
 * Rules on the budget model (spec §1.3): what each line item must satisfy before it is summed.
 * Item rules (model/item-rules.ts) all run in one pass over the items; budget rules
 * (model/budget-rules.ts) read what that pass collected.
 */
import type { Classification } from '../classification/classification.ts';
import type { Budget } from '../model/budget.ts';
import { BUDGET_RULES, type BudgetRule } from './model/budget-rules.ts';
import { ITEM_RULES, type ItemRule } from './model/item-rules.ts';
import { type RuleFinding, scan } from './model/scan.ts';
import type { Finding } from './types.ts';

export type ModelRule = ItemRule | BudgetRule;

export const MODEL_RULES: ModelRule[] = [...ITEM_RULES, ...BUDGET_RULES];

/** Rules whose errors mean a table would print a code without a name: nothing may be published then. */
export const NAME_RULES = new Set(['R1-function-code', 'R1-code-name', 'R1-dept-econ-code', 'R1-gov-econ-code']);

/** Runs `rules` on `b`, findings grouped by rule in the order of `rules`. */
function run(b: Budget, c: Classification, rules: readonly ModelRule[]): Finding[] {
  const items = rules.filter((r): r is ItemRule => 'item' in r);
  const s = scan(b, c, items);
  const out: Finding[] = [];
  // The rules' findings are fresh objects: completed in place rather than copied (as many as items).
  const add = (r: ModelRule, fs: RuleFinding[]) => {
    for (const f of fs as (RuleFinding & Finding)[]) {
      f.rule = r.id;
      f.severity = f.severity ?? r.severity;
      out.push(f);
    }
  };
  for (const r of rules) add(r, 'item' in r ? s.found[items.indexOf(r)] : r.budget(s));
  return out;
}

/** The findings that stop `build`: the same findings, with the same located messages, as `check` gives. */
export function unnamedCodes(b: Budget, c: Classification): Finding[] {
  return run(
    b,
    c,
    MODEL_RULES.filter((r) => NAME_RULES.has(r.id)),
  ).filter((f) => f.severity === 'error');
}

export function runModelRules(b: Budget, c: Classification): { findings: Finding[]; run: string[] } {
  return { findings: run(b, c, MODEL_RULES), run: MODEL_RULES.map((r) => r.id) };
}
