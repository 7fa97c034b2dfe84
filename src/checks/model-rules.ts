/**
 * Rules on the budget model (spec §1.3): what each line item must satisfy before it is summed.
 * They point at the input row, so a budget officer can fix the line.
 */
import type { Classification } from '../classification/classification.ts';
import { type CodeList, type Confidence, isVerified } from '../classification/codes.ts';
import { scopeOf, type GovTarget, type UnitType } from '../classification/mapping.ts';
import { formatMoney } from '../money/money.ts';
import { isBasic, type Budget, type LineItem } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { identityKey } from '../model/line-item-fields.ts';
import { balanceToStep, isOnStep } from '../model/rounding.ts';
import { PUBLIC_GOODS_COLUMNS } from '../tables/t13-public-goods-by-dept-econ.ts';
import type { Finding, Severity } from './types.ts';

export interface ModelRule {
  id: string;
  severity: Severity;
  formula: string;
  check: (b: Budget, c: Classification) => Iterable<Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }>;
}

const CONFIDENCE_TEXT: Record<Confidence, (sources?: string) => string> = {
  imported: () => '',
  high: () => '',
  medium: () => ' 在所附科目表中可信度为 medium',
  low: () => ' 在所附科目表中可信度为 low',
  seen: (s) => ` 的名称取自已公开的文件（${s?.replaceAll(';', '；') ?? ''}），不是官方科目表`,
  input: (s) => ` 不在科目表中，名称由输入提供（${s ?? ''}）`,
};

function memo<T>(f: (code: string) => T): (code: string) => T {
  const m = new Map<string, T>();
  return (code) => {
    let v = m.get(code);
    if (v === undefined && !m.has(code)) m.set(code, (v = f(code)));
    return v as T;
  };
}

const at = (li: LineItem) => (li.source ? `${li.source.file} 第 ${li.source.row} 行` : `单位 ${li.unit}`);
const PUBLIC_GOODS = new Set(PUBLIC_GOODS_COLUMNS.map(([c]) => c));

function* eachItem(b: Budget, test: (li: LineItem) => [string, string] | undefined) {
  for (const li of b.lineItems) {
    const bad = test(li);
    if (bad) yield { message: `${at(li)}：${bad[0]}`, messageEn: `${at(li)}: ${bad[1]}`, source: li.source, found: li.amount };
  }
}

export const MODEL_RULES: ModelRule[] = [
  {
    id: 'R1-amount',
    severity: 'error',
    formula: '金额 > 0',
    check: (b) => eachItem(b, (li) => (li.amount > 0 ? undefined : [`金额应大于 0，实为 ${formatMoney(li.amount, '元')} 元`, `amount must be positive`])),
  },
  {
    id: 'R1-function-code',
    severity: 'error',
    formula: '支出功能分类科目为本年度存在的项级科目',
    check: (b, c) =>
      eachItem(b, (li) =>
        c.function.get(li.functionCode)?.level === '项'
          ? undefined
          : [
              `支出功能分类科目 ${li.functionCode} 不在 ${c.year} 年科目表中，没有名称（导入当年官方科目表：yusuan codes import，或在 function_name 列填写名称）`,
              `function code ${li.functionCode} is not in the ${c.year} list and has no name (import the official list with yusuan codes import, or give its name in function_name)`,
            ],
      ),
  },
  {
    id: 'R1-code-name',
    severity: 'error',
    formula: '所用科目的类、款都有名称（在科目表中，或由输入提供）',
    check: (b, c) => {
      // What is unnamed depends on the codes only: decided once per code, not per item.
      const fn = memo((code: string) => (c.function.has(code) ? [code.slice(0, 3), code.slice(0, 5)].filter((x) => !c.function.has(x)) : []));
      const econ = (list: CodeList) => memo((code: string) => (code.length === 5 && !list.has(code.slice(0, 3)) ? [code.slice(0, 3)] : []));
      const dept = econ(c.deptEcon);
      const gov = econ(c.govEcon);
      return eachItem(b, (li) => {
        const f = fn(li.functionCode);
        const d = dept(li.deptEconCode);
        // A government code equal to the departmental one is looked up in the departmental list.
        const g = li.govEconCode === li.deptEconCode ? d : gov(li.govEconCode);
        if (!f.length && !d.length && !g.length) return undefined;
        const unnamed = [...f, ...d, ...g];
        return [
          `科目 ${unnamed.join('、')} 没有名称：不在 ${c.year} 年科目表中（导入当年官方科目表，或在 function_name 列用“/”写出上级名称，如 农业农村/行政运行）`,
          `codes ${unnamed.join(', ')} have no name in the ${c.year} list`,
        ];
      });
    },
  },
  {
    id: 'R1-dept-econ-code',
    severity: 'error',
    formula: '部门预算经济分类科目为存在的款级科目',
    check: (b, c) =>
      eachItem(b, (li) => (c.deptEcon.get(li.deptEconCode)?.level === '款' ? undefined : [`部门预算经济分类科目 ${li.deptEconCode} 不在科目表中`, `departmental economic code ${li.deptEconCode} unknown`])),
  },
  {
    id: 'R1-gov-econ-code',
    severity: 'error',
    formula: '政府预算经济分类科目为存在的款级科目',
    check: (b, c) =>
      eachItem(b, (li) =>
        c.govEcon.get(li.govEconCode)?.level === '款'
          ? undefined
          : [li.govEconCode ? `政府预算经济分类科目 ${li.govEconCode} 不在科目表中` : `缺少政府预算经济分类科目，且 ${li.deptEconCode} 无对照`, `government economic code "${li.govEconCode}" unknown`],
      ),
  },
  {
    id: 'R2-basic-econ',
    severity: 'error',
    formula: '基本支出-人员经费 只用 301/303 类；基本支出-公用经费 只用 302 类',
    check: (b) =>
      eachItem(b, (li) => {
        const cls = li.deptEconCode.slice(0, 3);
        if (li.kind === '基本支出-人员经费' && cls !== '301' && cls !== '303') return [`人员经费不应使用经济分类 ${li.deptEconCode}（应为 301、303 类）`, `personnel spending must use class 301 or 303`];
        if (li.kind === '基本支出-公用经费' && cls !== '302') return [`公用经费不应使用经济分类 ${li.deptEconCode}（应为 302 类）`, `operating spending must use class 302`];
      }),
  },
  {
    id: 'R3-project-econ',
    severity: 'error',
    formula: '项目支出不使用 301 工资福利支出',
    check: (b) => eachItem(b, (li) => (li.kind === '项目支出' && li.deptEconCode.startsWith('301') ? [`项目支出不应列 301 工资福利支出（${li.deptEconCode}）`, `project spending may not use class 301`] : undefined)),
  },
  {
    id: 'R4-basic-302',
    severity: 'error',
    formula: '基本支出的商品和服务支出只用预算13表所列的 20 个款',
    check: (b) =>
      eachItem(b, (li) =>
        isBasic(li.kind) && li.deptEconCode.startsWith('302') && !PUBLIC_GOODS.has(li.deptEconCode)
          ? [`基本支出不应使用 ${li.deptEconCode}（预算13表无此列，应列项目支出）`, `basic spending may not use ${li.deptEconCode}`]
          : undefined,
      ),
  },
  {
    id: 'R5-econ-mapping',
    severity: 'error',
    formula: '政府预算经济分类与部门预算经济分类按单位类型对应',
    *check(b, c) {
      const types = new Map(b.units.map((u) => [u.code, u.type]));
      // One mapping look-up per unit type and code, not per item (govFor builds a string key).
      const wanted = new Map<UnitType, (code: string) => GovTarget | undefined>();
      for (const li of b.lineItems) {
        const type = types.get(li.unit);
        if (!type) continue;
        let govFor = wanted.get(type);
        if (!govFor) wanted.set(type, (govFor = memo((code) => c.mapping.govFor(code, type))));
        const want = govFor(li.deptEconCode);
        if (!want || want.code === li.govEconCode) continue;
        // A low-confidence row of the mapping list is not official enough to call the input wrong.
        yield {
          severity: want.confidence === 'low' ? ('warning' as const) : undefined,
          message: `${at(li)}：${type}的 ${li.deptEconCode} 应对应政府经济分类 ${want.code}，实为 ${li.govEconCode}${want.confidence === 'high' ? '' : `（对照表此行可信度：${want.confidence}）`}`,
          messageEn: `${at(li)}: for a ${scopeOf(type)} unit ${li.deptEconCode} maps to ${want.code}, found ${li.govEconCode}`,
          source: li.source,
        };
      }
    },
  },
  {
    id: 'R6-carry-over-basic',
    severity: 'warning',
    formula: '上年结转资金安排项目支出（预算08–13表不含上年结转，基本支出中的结转会使其与预算07表不一致）',
    check: (b) =>
      eachItem(b, (li) => (isBasic(li.kind) && POOLS.gpbCarry(li.fund) ? ['一般公共预算上年结转安排了基本支出', 'GPB carry-over funds basic spending'] : undefined)),
  },
  {
    id: 'R8-project-declared',
    severity: 'warning',
    formula: '使用本年财政拨款的项目应有绩效目标（预算21/22表）',
    *check(b) {
      const goals = new Set(b.projectPerformance.map((g) => `${g.unit}|${g.project}`));
      const fiscal = new Set(
        b.lineItems.filter((li) => li.project && (POOLS.gpbFiscalCurrent(li.fund) || POOLS.gfFiscalCurrent(li.fund) || POOLS.soeFiscalCurrent(li.fund))).map((li) => `${li.unit}|${li.project}`),
      );
      for (const k of fiscal) {
        if (goals.has(k)) continue;
        const [unit, project] = k.split('|');
        yield { message: `单位 ${unit} 的项目“${project}”使用本年财政拨款，但没有绩效目标`, messageEn: `project "${project}" of ${unit} has no performance goals` };
      }
    },
  },
  {
    id: 'C-code-confidence',
    severity: 'info',
    formula: '所用科目来自导入的官方科目表或可信度为 high 的行',
    *check(b, c) {
      // Each code is looked at once, the first time an item uses it.
      const seen = [new Set<string>(), new Set<string>(), new Set<string>()];
      const lists = [c.function, c.deptEcon, c.govEcon];
      for (const li of b.lineItems) {
        for (let k = 0; k < 3; k++) {
          const code = k === 0 ? li.functionCode : k === 1 ? li.deptEconCode : li.govEconCode;
          if (seen[k].has(code)) continue;
          seen[k].add(code);
          const list = lists[k];
          const s = list.get(code);
          if (!s || isVerified(s.confidence)) continue;
          yield { message: `${list.name}科目 ${code} ${s.name}${CONFIDENCE_TEXT[s.confidence](s.sources)}，请对照当年《政府收支分类科目》核实`, messageEn: `${code} ${s.name} is a ${s.confidence}-confidence row (${s.sources ?? 'no source'})` };
        }
      }
    },
  },
  {
    id: 'C-rounding',
    severity: 'info',
    formula: '金额不是 0.01 万元的整数倍时，按舍位平衡取整后显示（合计等于各分项之和）',
    *check(b) {
      if (isOnStep(b)) return;
      const shown = balanceToStep(b);
      const exact = new Map<string, number>();
      for (const li of b.lineItems) exact.set(identityKey(li), (exact.get(identityKey(li)) ?? 0) + li.amount);
      const worst = Math.max(0, ...shown.lineItems.map((li) => Math.abs(li.amount - (exact.get(identityKey(li)) ?? 0))));
      yield {
        message: `金额以元计，按舍位平衡取整至万元两位小数显示；单条明细最大调整 ${formatMoney(worst, '元')} 元`,
        messageEn: `amounts are balanced to 0.01 万元 for display; the largest change to one fact is ${formatMoney(worst, '元')} 元`,
      };
    },
  },
];


/** Rules whose errors mean a table would print a code without a name: nothing may be published then. */
export const NAME_RULES = new Set(['R1-function-code', 'R1-code-name', 'R1-dept-econ-code', 'R1-gov-econ-code']);

/** The findings that stop `build`: the same findings, with the same located messages, as `check` gives. */
export function unnamedCodes(b: Budget, c: Classification): Finding[] {
  const out: Finding[] = [];
  for (const r of MODEL_RULES.filter((r) => NAME_RULES.has(r.id))) for (const f of r.check(b, c)) out.push({ ...f, rule: r.id, severity: f.severity ?? r.severity });
  return out.filter((f) => f.severity === 'error');
}

export function runModelRules(b: Budget, c: Classification): { findings: Finding[]; run: string[] } {
  const findings: Finding[] = [];
  for (const r of MODEL_RULES) for (const f of r.check(b, c)) findings.push({ ...f, rule: r.id, severity: f.severity ?? r.severity });
  return { findings, run: MODEL_RULES.map((r) => r.id) };
}
