/**
 * Rules on single line items (spec §1.3). They point at the input row, so a budget officer can fix
 * the line. Each test sees the item and the facts of its codes (scan.ts), decided once per code.
 */
import { scopeOf } from '../../classification/mapping.ts';
import { formatMoney } from '../../money/money.ts';
import { isBasic, type LineItem } from '../../model/budget.ts';
import { POOLS } from '../../model/funds.ts';
import type { Severity } from '../types.ts';
import { type ItemCheck, type RuleFinding, wantOf } from './scan.ts';

export interface ItemRule extends ItemCheck {
  id: string;
  severity: Severity;
  formula: string;
}

export const at = (li: LineItem) => (li.source ? `${li.source.file} 第 ${li.source.row} 行` : `单位 ${li.unit}`);

/** The usual finding: the item's place, what is wrong (zh, en), and its amount. */
const bad = (li: LineItem, zh: string, en: string): RuleFinding => ({ message: `${at(li)}：${zh}`, messageEn: `${at(li)}: ${en}`, source: li.source, found: li.amount });

export const ITEM_RULES: ItemRule[] = [
  {
    id: 'R1-amount',
    severity: 'error',
    formula: '金额 > 0',
    item: (li) => (li.amount > 0 ? undefined : bad(li, `金额应大于 0，实为 ${formatMoney(li.amount, '元')} 元`, `amount must be positive`)),
  },
  {
    id: 'R1-function-code',
    severity: 'error',
    reads: 'fn',
    formula: '支出功能分类科目为本年度存在的项级科目',
    item: (li, f) =>
      f.fn.subject?.level === '项'
        ? undefined
        : bad(
            li,
            `支出功能分类科目 ${li.functionCode} 不在 ${f.c.year} 年科目表中，没有名称（导入当年官方科目表：yusuan codes import，或在 function_name 列填写名称）`,
            `function code ${li.functionCode} is not in the ${f.c.year} list and has no name (import the official list with yusuan codes import, or give its name in function_name)`,
          ),
  },
  {
    id: 'R1-code-name',
    severity: 'error',
    formula: '所用科目的类、款都有名称（在科目表中，或由输入提供）',
    item: (li, f) => {
      const d = f.dept.unnamed;
      // A government code equal to the departmental one is looked up in the departmental list.
      const g = li.govEconCode === li.deptEconCode ? d : f.gov.unnamed;
      if (!f.fn.unnamed.length && !d.length && !g.length) return undefined;
      const unnamed = [...f.fn.unnamed, ...d, ...g];
      return bad(
        li,
        `科目 ${unnamed.join('、')} 没有名称：不在 ${f.c.year} 年科目表中（导入当年官方科目表，或在 function_name 列用“/”写出上级名称，如 农业农村/行政运行）`,
        `codes ${unnamed.join(', ')} have no name in the ${f.c.year} list`,
      );
    },
  },
  {
    id: 'R1-dept-econ-code',
    severity: 'error',
    reads: 'dept',
    formula: '部门预算经济分类科目为存在的款级科目',
    item: (li, f) => (f.dept.subject?.level === '款' ? undefined : bad(li, `部门预算经济分类科目 ${li.deptEconCode} 不在科目表中`, `departmental economic code ${li.deptEconCode} unknown`)),
  },
  {
    id: 'R1-gov-econ-code',
    severity: 'error',
    reads: 'gov',
    formula: '政府预算经济分类科目为存在的款级科目',
    item: (li, f) =>
      f.gov.subject?.level === '款'
        ? undefined
        : bad(li, li.govEconCode ? `政府预算经济分类科目 ${li.govEconCode} 不在科目表中` : `缺少政府预算经济分类科目，且 ${li.deptEconCode} 无对照`, `government economic code "${li.govEconCode}" unknown`),
  },
  {
    id: 'R2-basic-econ',
    severity: 'error',
    reads: 'dept+kind',
    formula: '基本支出-人员经费 只用 301/303 类；基本支出-公用经费 只用 302 类',
    item: (li, f) => {
      const cls = f.dept.cls;
      if (li.kind === '基本支出-人员经费' && cls !== '301' && cls !== '303') return bad(li, `人员经费不应使用经济分类 ${li.deptEconCode}（应为 301、303 类）`, `personnel spending must use class 301 or 303`);
      if (li.kind === '基本支出-公用经费' && cls !== '302') return bad(li, `公用经费不应使用经济分类 ${li.deptEconCode}（应为 302 类）`, `operating spending must use class 302`);
    },
  },
  {
    id: 'R3-project-econ',
    severity: 'error',
    reads: 'dept+kind',
    formula: '项目支出不使用 301 工资福利支出',
    item: (li, f) => (li.kind === '项目支出' && f.dept.cls === '301' ? bad(li, `项目支出不应列 301 工资福利支出（${li.deptEconCode}）`, `project spending may not use class 301`) : undefined),
  },
  {
    id: 'R4-basic-302',
    severity: 'error',
    reads: 'dept+kind',
    formula: '基本支出的商品和服务支出只用预算13表所列的 20 个款',
    item: (li, f) =>
      f.dept.cls === '302' && !f.dept.publicGoods && isBasic(li.kind) ? bad(li, `基本支出不应使用 ${li.deptEconCode}（预算13表无此列，应列项目支出）`, `basic spending may not use ${li.deptEconCode}`) : undefined,
  },
  {
    id: 'R5-econ-mapping',
    severity: 'error',
    reads: 'dept+type+gov',
    formula: '政府预算经济分类与部门预算经济分类按单位类型对应',
    item: (li, f) => {
      const type = f.type;
      if (!type) return undefined;
      const want = wantOf(f, type);
      if (!want || want.code === li.govEconCode) return undefined;
      // A low-confidence row of the mapping list is not official enough to call the input wrong.
      return {
        severity: want.confidence === 'low' ? 'warning' : undefined,
        message: `${at(li)}：${type}的 ${li.deptEconCode} 应对应政府经济分类 ${want.code}，实为 ${li.govEconCode}${want.confidence === 'high' ? '' : `（对照表此行可信度：${want.confidence}）`}`,
        messageEn: `${at(li)}: for a ${scopeOf(type)} unit ${li.deptEconCode} maps to ${want.code}, found ${li.govEconCode}`,
        source: li.source,
      };
    },
  },
  {
    id: 'R6-carry-over-basic',
    severity: 'warning',
    formula: '上年结转资金安排项目支出（预算08–13表不含上年结转，基本支出中的结转会使其与预算07表不一致）',
    item: (li) => (isBasic(li.kind) && POOLS.gpbCarry(li.fund) ? bad(li, '一般公共预算上年结转安排了基本支出', 'GPB carry-over funds basic spending') : undefined),
  },
];
