import type { UnitType } from '../classification/mapping.ts';
import type { Money } from '../money/money.ts';
import type { FundSource } from './funds.ts';
import type { PublicationInputs } from './publication-inputs.ts';

export const KINDS = [
  '基本支出-人员经费',
  '基本支出-公用经费',
  '项目支出',
  '事业单位经营支出',
  '上缴上级支出',
  '对附属单位补助支出',
] as const;
export type Kind = (typeof KINDS)[number];
export const isBasic = (k: Kind) => k === '基本支出-人员经费' || k === '基本支出-公用经费';

export const PROJECT_CATEGORIES = ['省级专项资金', '其他资金'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** Where a fact came from, so findings and errors can point at it. */
export interface SourceRef {
  file: string;
  row?: number;
  sheet?: string;
}

export interface Department {
  code: string;
  name: string;
}

export interface Unit {
  code: string;
  name: string;
  type: UnitType;
}

export interface Project {
  unit: string;
  name: string;
  category: ProjectCategory;
  /** 支出方向, for 省级专项资金 */
  direction?: string;
}

/** The four “三公”经费 items of 预算14表. */
export const THREE_PUBLIC = ['因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费'] as const;
export type ThreePublic = (typeof THREE_PUBLIC)[number];

/** One budget appropriation: the atom every table amount is summed from. */
export interface LineItem {
  unit: string;
  /** 支出功能分类 项 (7 digits) */
  functionCode: string;
  /**
   * The 项's name when the code is outside the code list (`行政运行`), with its 款 and 类 names
   * before it, joined by “/”, when those are outside the list too (`农业农村/行政运行`).
   */
  functionName?: string;
  /** 部门预算支出经济分类 款 (5 digits) */
  deptEconCode: string;
  /** 政府预算支出经济分类 款 (5 digits) */
  govEconCode: string;
  kind: Kind;
  project?: string;
  fund: FundSource;
  amount: Money;
  /**
   * Marks a “三公” item booked under a 款 that does not say so (e.g. 30299 in a project). Items on
   * the 三公 款 (rule R7: 30212, 30217, 30231, 31013, 30913) are recognised without it.
   */
  threePublic?: ThreePublic;
  source?: SourceRef;
}

/** A planned year-end balance (年终结转结余) of one source; it counts as income, not spending. */
export interface YearEndBalance {
  unit: string;
  fund: FundSource;
  amount: Money;
}

/** 预算20表: a provincial special fund, including the part the finance department budgets (代编). */
export interface SpecialFund {
  unit: string;
  name: string;
  /** 财政代编金额, by fund: outside the unit's line items. */
  byFinance: { gpbAppropriation: Money; gpbNonTax: Money; govFund: Money; stateCapital: Money };
  managementRule?: string;
  allocationRule?: string;
}

export const INDICATORS = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '社会公益或服务对象满意度指标',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** 预算21表 / 预算22表: goals of one project. Its amounts come from the line items. */
export interface ProjectPerformance {
  unit: string;
  project: string;
  /** 对市县专项转移支付 (outside the department budget) */
  transferToLocal?: Money;
  periodGoal: string;
  annualGoal: string;
  indicators: Partial<Record<Indicator, string>>;
}

/** 预算23表: the unit's overall goals. */
export interface UnitPerformance {
  unit: string;
  duties: string;
  overallGoal: string;
  outputIndicators: string;
  benefitIndicators: string;
}

/** The budget of one department and its units for one year. */
export interface Budget {
  year: number;
  department: Department;
  units: Unit[];
  /** 填报部门 printed on every table; defaults to the only unit's name, else the department's. */
  filer?: string;
  projects: Project[];
  lineItems: LineItem[];
  yearEndBalances: YearEndBalance[];
  specialFunds: SpecialFund[];
  projectPerformance: ProjectPerformance[];
  unitPerformance: UnitPerformance[];
  /** What 第一部分 部门预算说明 needs beyond the line items (机构设置, last year's figures, 政府采购, …). */
  publication?: PublicationInputs;
}

export function filerOf(b: Budget): string {
  return b.filer ?? (b.units.length === 1 ? b.units[0].name : b.department.name);
}

/** A budget with nothing in it yet, for a department and year. */
export function emptyBudget(year: number, department: Department): Budget {
  return { year, department, units: [], projects: [], lineItems: [], yearEndBalances: [], specialFunds: [], projectPerformance: [], unitPerformance: [] };
}
