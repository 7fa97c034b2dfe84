/**
 * The vocabulary of 第一部分 部门预算说明, shared by the writer (src/publication) and the audit of
 * anyone's 说明 text (src/disclosure/narrative): the kinds of statement, their sentence templates
 * with named slots, the direction words, and how figures are written in running text. Kept stable:
 * the audit parses text with the same words the writer prints.
 */
import { formatMoney, type Money } from '../money/money.ts';

/** Every kind of statement part one makes; a statement's figures come from the tables or the inputs. */
export const STATEMENT_KINDS = [
  'units', // 二、纳入编制范围的单位
  'staffing', // 编制与实有人数
  'incomeTotal', // 收入预算总计
  'incomeBySource', // 收入按来源
  'expenditureTotal', // 支出预算总计
  'expenditureByKind', // 基本支出 / 项目支出
  'yearOnYear', // 比上年增加/减少/持平
  'gpbTotal', // 一般公共预算拨款支出
  'gpbByFunction', // 一般公共预算拨款支出按功能类
  'gpbBasic', // 一般公共预算拨款基本支出 人员经费 / 公用经费
  'govFundTotal', // 政府性基金预算支出
  'stateCapitalTotal', // 国有资本经营预算支出
  'officeRunning', // 机关运行经费
  'threePublic', // “三公”经费预算
  'generalExpenditure', // 一般性支出（会议费、培训费）
  'procurement', // 政府采购
  'assets', // 国有资产占用
  'newAssets', // 新增资产配置
  'performance', // 预算绩效目标
  'none', // 本部门无……
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Direction of a year-on-year change, as the documents word it. */
export type Direction = '增加' | '减少' | '持平';
export const DIRECTION_WORDS: readonly Direction[] = ['增加', '减少', '持平'];
/** Words that mean the same direction in other documents (上升/下降, 增长/下降). */
export const DIRECTION_SYNONYMS: Record<string, Direction> = {
  增加: '增加',
  增长: '增加',
  上升: '增加',
  提高: '增加',
  减少: '减少',
  下降: '减少',
  降低: '减少',
  持平: '持平',
};

export function directionOf(current: Money, previous: Money): Direction {
  return current > previous ? '增加' : current < previous ? '减少' : '持平';
}

/** The unit amounts are written in, in text as in the tables. */
export const TEXT_UNIT = '万元';

/** An amount in running text: 万元 with two decimals, no thousands separators ("2961.68"). */
export function textAmount(fen: Money): string {
  return formatMoney(fen, TEXT_UNIT, 2).replace(/,/g, '');
}

/**
 * A share or rate in running text, two decimals ("12.53%"). Undefined when the base is zero: the
 * documents then leave the percentage out rather than print 0% or a division by zero.
 */
export function textPercent(part: Money, whole: Money): string | undefined {
  if (whole === 0) return undefined;
  // Hundredths of a percent, rounded half up on the magnitude; the sign follows part and whole.
  const hundredths = Math.round((Math.abs(part) * 10000) / Math.abs(whole)) * Math.sign(part) * Math.sign(whole);
  return `${(hundredths / 100).toFixed(2)}%`;
}

/**
 * "比上年增加12.00万元，增长5.20%" / "比上年减少3.00万元，下降1.10%" / "与上年持平". The rate is left out
 * when last year's figure was zero (an increase from nothing has no rate).
 */
export function changePhrase(current: Money, previous: Money, against = '上年'): string {
  const dir = directionOf(current, previous);
  if (dir === '持平') return `与${against}持平`;
  const diff = Math.abs(current - previous);
  const rate = textPercent(diff, previous);
  return `比${against}${dir}${textAmount(diff)}${TEXT_UNIT}${rate ? `，${dir === '增加' ? '增长' : '下降'}${rate}` : ''}`;
}

/** Words of the 部门 / 单位 choice: a department with one unit publishes a 单位预算. */
export type BodyWord = '部门' | '单位';

/** The sections of 第一部分, in order (Hunan 2024 template, 湘西州人大常委会 and 省直 documents). */
export const PART_ONE_SECTIONS = [
  '部门基本概况',
  '部门预算单位构成',
  '部门收支总体情况',
  '一般公共预算拨款支出',
  '政府性基金预算支出',
  '其他重要事项的情况说明',
  '名词解释',
] as const;

export const OTHER_MATTERS = ['机关运行经费', '“三公”经费预算', '一般性支出情况', '政府采购情况', '国有资产占用使用及新增资产配置情况', '预算绩效目标说明'] as const;

/** The standard 名词解释, as Hunan documents print them (each term, then its explanation). */
export const TERMS: readonly { term: string; text: string }[] = [
  { term: '财政拨款收入', text: '指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。' },
  { term: '事业收入', text: '指事业单位开展专业业务活动及辅助活动所取得的收入。' },
  { term: '其他收入', text: '指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入。' },
  { term: '上年结转结余', text: '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。' },
  { term: '基本支出', text: '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。' },
  { term: '项目支出', text: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  { term: '“三公”经费', text: '指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税）及租用费、燃料费、维修费、过路过桥费、保险费等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。' },
  { term: '机关运行经费', text: '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。' },
  { term: '一般性支出', text: '指单位用一般公共预算财政拨款安排的会议费、培训费等支出。' },
  { term: '政府采购', text: '指各级国家机关、事业单位和团体组织使用财政性资金采购依法制定的集中采购目录以内的或者采购限额标准以上的货物、工程和服务的行为。' },
];
