/**
 * Rules on a budget's line items taken together: declared projects, doubtful codes, rounding.
 * They read what the one pass over the items (scan.ts) collected.
 */
import type { Confidence } from '../../classification/codes.ts';
import { isVerified } from '../../classification/codes.ts';
import { formatMoney } from '../../money/money.ts';
import { identityKey } from '../../model/line-item-fields.ts';
import { balanceToStep, WAN_CENTI } from '../../model/rounding.ts';
import type { Severity } from '../types.ts';
import type { CodeFacts, RuleFinding, Scan } from './scan.ts';

export interface BudgetRule {
  id: string;
  severity: Severity;
  formula: string;
  budget: (s: Scan) => RuleFinding[];
}

const CONFIDENCE_TEXT: Record<Confidence, (sources?: string) => string> = {
  imported: () => '',
  high: () => '',
  medium: () => ' 在所附科目表中可信度为 medium',
  low: () => ' 在所附科目表中可信度为 low',
  seen: (s) => ` 的名称取自已公开的文件（${s?.replaceAll(';', '；') ?? ''}），不是官方科目表`,
  input: (s) => ` 不在科目表中，名称由输入提供（${s ?? ''}）`,
};

/**
 * A doubtful code's messages, written once per code of a list: its facts (and so the list) are the
 * same in every budget that uses it, and a province repeats each in about every department.
 */
const doubtTexts = new WeakMap<CodeFacts, [string, string]>();

export const BUDGET_RULES: BudgetRule[] = [
  {
    id: 'R8-project-declared',
    severity: 'warning',
    formula: '使用本年财政拨款的项目应有绩效目标（预算21/22表）',
    budget: ({ b, fiscalProjects }) => {
      // Goals by unit, then name: no `unit|project` text per project of the budget, only per finding.
      const goals = new Map<string, Set<string>>();
      for (const g of b.projectPerformance) (goals.get(g.unit) ?? goals.set(g.unit, new Set()).get(g.unit)!).add(g.project);
      return fiscalProjects
        .filter(([unit, project]) => !goals.get(unit)?.has(project))
        .map(([u, p]) => {
          // Names are shown up to a '|', as they always were.
          const [unit, project] = `${u}|${p}`.split('|');
          return { message: `单位 ${unit} 的项目“${project}”使用本年财政拨款，但没有绩效目标`, messageEn: `project "${project}" of ${unit} has no performance goals` };
        });
    },
  },
  {
    id: 'C-code-confidence',
    severity: 'info',
    formula: '所用科目来自导入的官方科目表或可信度为 high 的行',
    budget: ({ c, codes }) => {
      const lists = [c.function, c.deptEcon, c.govEcon];
      return codes
        .filter(([x]) => x.subject && !isVerified(x.subject.confidence))
        .map(([x, k]) => {
          let text = doubtTexts.get(x);
          if (!text) {
            const { code, subject: s } = x;
            text = [
              `${lists[k].name}科目 ${code} ${s!.name}${CONFIDENCE_TEXT[s!.confidence](s!.sources)}，请对照当年《政府收支分类科目》核实`,
              `${code} ${s!.name} is a ${s!.confidence}-confidence row (${s!.sources ?? 'no source'})`,
            ];
            doubtTexts.set(x, text);
          }
          return { message: text[0], messageEn: text[1] };
        });
    },
  },
  {
    id: 'C-rounding',
    severity: 'info',
    formula: '金额不是 0.01 万元的整数倍时，按舍位平衡取整后显示（合计等于各分项之和）',
    budget: ({ b, itemsOnStep }) => {
      if (itemsOnStep && b.yearEndBalances.every((x) => x.amount % WAN_CENTI === 0)) return [];
      const shown = balanceToStep(b);
      const exact = new Map<string, number>();
      for (const li of b.lineItems) exact.set(identityKey(li), (exact.get(identityKey(li)) ?? 0) + li.amount);
      const worst = Math.max(0, ...shown.lineItems.map((li) => Math.abs(li.amount - (exact.get(identityKey(li)) ?? 0))));
      return [
        {
          message: `金额以元计，按舍位平衡取整至万元两位小数显示；单条明细最大调整 ${formatMoney(worst, '元')} 元`,
          messageEn: `amounts are balanced to 0.01 万元 for display; the largest change to one fact is ${formatMoney(worst, '元')} 元`,
        },
      ];
    },
  },
];
