/**
 * Outturn against budget, as 决算 说明 state it for each 项 and for the “三公”经费: "年初预算为
 * 1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。决算数小于预算数的主要原因…". The
 * relation word must fit the two figures, and the rate must be the outturn over the budget.
 */
import { placeOf, type NarrativeContext } from './context.ts';
import { bare, type Amount } from './figures.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

const BUDGET = /(?:年初)?预算(?:数)?$/;
const OUTTURN = /决算(?:数)?$/;
const RELATION = /决算数?(大于|高于|超过|小于|低于|等于|与预算数?(?:基本)?持平)预算数?/;
const RATE = /完成(?:年初)?预算(?:数)?的$/;
/** 基本持平: within one percent of the budget [assumed: no rule defines it]. */
const ROUGHLY = 0.01;

export function checkExecution(ctx: NarrativeContext): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  let budget: Amount | undefined;
  let actual: Amount | undefined;
  for (const s of ctx.sentences) {
    if (s.heading) {
      budget = actual = undefined;
      continue;
    }
    const relation = RELATION.exec(s.text);
    const checkRelation = () => {
      if (!relation || !budget || !actual) return;
      const word = relation[1];
      const diff = actual.value - budget.value;
      const tol = (actual.step + budget.step) / 2;
      const fits = /大于|高于|超过/.test(word) ? diff > tol : /小于|低于/.test(word) ? diff < -tol : /基本/.test(word) ? Math.abs(diff) <= tol + ROUGHLY * budget.value : Math.abs(diff) <= tol;
      if (!fits) out.push(narrativeFinding('N-execution', placeOf(s, relation.index), { word: word.replace(/^与预算数?/, ''), budget: budget.text, actual: actual.text }));
    };
    for (const f of s.figures) {
      if (f.kind === 'amount') {
        const b = bare(f.subject);
        if (OUTTURN.test(b)) actual = f;
        else if (BUDGET.test(b)) [budget, actual] = [f, undefined];
        continue;
      }
      if (!RATE.test(f.subject) || !budget || !actual || budget.value <= 0) continue;
      const computed = (actual.value / budget.value) * 100;
      const slack = ((actual.step / 2 + (budget.step / 2) * (actual.value / budget.value)) / budget.value) * 100;
      if (Math.abs(f.value - computed) > f.step / 2 + slack + 1e-9) {
        out.push(narrativeFinding('N-execution-rate', placeOf(s, f.at), { stated: f.text, budget: budget.text, actual: actual.text, computed: `${computed.toFixed(2)}%` }));
      }
    }
    checkRelation();
  }
  return out;
}
