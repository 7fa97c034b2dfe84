/**
 * The 说明 rules as data: id, severity, what they check, and their messages in Chinese and English
 * with named slots. A finding keeps its parameters; its text is filled from these templates, in
 * the language asked for, when it is shown (`renderNarrative`).
 */
import type { Finding, Severity } from '../../checks/types.ts';
import { englishLabel } from '../../glossary.ts';

export interface NarrativeRule {
  id: string;
  severity: Severity;
  /** What the rule checks, in Chinese, for the catalogue. */
  formula: string;
  zh: string;
  en: string;
}

export const NARRATIVE_RULES = [
  { id: 'N-figure', severity: 'error', formula: '说明中的金额 = 表中同名金额', zh: '说明称{label}为{stated}，而{table}的{cell}为{actual}', en: 'the text states {labelEn} as {stated}, but {table} prints {actual} at {cell}' },
  { id: 'N-change-direction', severity: 'error', formula: '增加/减少/持平 与 本年数 − 上年数 的正负一致', zh: '说明称{word}，但本年{current}、上年{previous}，相差{difference}', en: 'the text says “{word}”, but the current figure is {current} and the previous {previous}, a difference of {difference}' },
  { id: 'N-change-amount', severity: 'error', formula: '说明的增减额 = 本年数 − 上年数', zh: '说明称{word}{stated}，但本年{current}与上年{previous}相差{difference}', en: 'the text states a change of {stated}, but {current} − {previous} is {difference}' },
  { id: 'N-change-percent', severity: 'error', formula: '增减率 = (本年数 − 上年数) ÷ 上年数', zh: '说明称{word}{stated}，按本年{current}、上年{previous}计算为{computed}', en: 'the text states {stated}, but from {current} and {previous} it is {computed}' },
  { id: 'N-change-base', severity: 'error', formula: '上年数 = 本年数 − 增加额 ≥ 0', zh: '说明称本年{current}，比上年{word}{stated}，则上年为{previous}，不可能为负', en: 'the text states {current}, {stated} more than the previous year: the previous figure would be {previous}, below zero' },
  { id: 'N-change-words', severity: 'error', formula: '同一比较中的增减用词一致', zh: '同一比较中既称“{first}”又称“{second}”', en: 'one comparison says both “{first}” and “{second}”' },
  { id: 'N-item', severity: 'error', formula: '一项支出的金额前后一致（项目金额 = 预算安排数）', zh: '此项开头写{head}，后文称预算安排{stated}', en: 'the item is headed {head} but its budget is then stated as {stated}' },
  { id: 'N-share', severity: 'error', formula: '占比 = 部分 ÷ 总数（句首金额）', zh: '说明称{part}占{stated}，按总数{whole}计算为{computed}', en: 'the text states {part} is {stated} of {whole}, but it is {computed}' },
  { id: 'N-execution', severity: 'error', formula: '决算数 大于/小于/等于 预算数 与所列数字一致', zh: '说明称决算数{word}预算数，但预算数{budget}、决算数{actual}', en: 'the text says the outturn is “{word}” the budget, but the budget is {budget} and the outturn {actual}' },
  { id: 'N-execution-rate', severity: 'error', formula: '完成预算的百分比 = 决算数 ÷ 预算数', zh: '说明称完成预算的{stated}，按预算数{budget}、决算数{actual}计算为{computed}', en: 'the text states {stated} of the budget was spent, but {actual} of {budget} is {computed}' },
  { id: 'N-placeholder', severity: 'error', formula: '文中没有未替换的占位符（XX、××、某某）', zh: '文中有未替换的占位符“{placeholder}”', en: 'an unreplaced placeholder “{placeholder}” is printed' },
  { id: 'N-year-title', severity: 'error', formula: '标题中的年度 = 文件的年度', zh: '标题写{stated}年，而本文件是{year}年的', en: 'a heading names the year {stated} in a document for {year}' },
  { id: 'N-year-compare', severity: 'error', formula: '与上年比较时所称年度 = 文件年度 − 1', zh: '与{stated}年比较，而本文件是{year}年的，上年应为{previous}年', en: 'the comparison is with {stated}, but the document is for {year}: the previous year is {previous}' },
  { id: 'N-wording', severity: 'warning', formula: '“本部门”与“本单位”不混用，且与文件类型一致', zh: '{kind}的说明称“{word}”（另有{count}处称“{other}”）', en: 'the text of a {kindEn} says “{word}” (elsewhere {count} times “{other}”)' },
  { id: 'N-contents', severity: 'error', formula: '目录所列的表在文件中都有', zh: '目录列出“{entry}”，文件中没有这张表', en: 'the contents list “{entry}”, which the document does not print' },
] as const satisfies readonly NarrativeRule[];

export type NarrativeRuleId = (typeof NARRATIVE_RULES)[number]['id'];

const narrativeRule = (id: NarrativeRuleId): NarrativeRule => NARRATIVE_RULES.find((r) => r.id === id)!;

/** Where in the document a finding is. */
export interface Place {
  page: number;
  line: number;
  sentence: string;
}

export interface NarrativeFinding extends Finding {
  place: Place;
  params: Record<string, string | number>;
}

const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

export function renderNarrative(f: { rule: string; params: Record<string, string | number>; place: Place }, lang: 'zh' | 'en'): string {
  const rule = narrativeRule(f.rule as NarrativeRuleId);
  const where = lang === 'zh' ? `第${f.place.page}页第${f.place.line}行“${f.place.sentence}”：` : `page ${f.place.page}, line ${f.place.line} “${f.place.sentence}”: `;
  return where + fill(lang === 'zh' ? rule.zh : rule.en, lang === 'zh' ? f.params : english(f.params));
}

/** Table titles and cell labels in English where the glossary has them (the quoted sentence stays as printed). */
function english(params: Record<string, string | number>): Record<string, string | number> {
  const out = { ...params };
  if (typeof out.table === 'string') out.table = englishLabel(out.table.replace(/^20\d\d年度?/, ''));
  if (typeof out.cell === 'string') out.cell = out.cell.split('·').map(englishLabel).join(' · ');
  return out;
}

export function narrativeFinding(id: NarrativeRuleId, place: Place, params: Record<string, string | number>, extra: Partial<Finding> = {}): NarrativeFinding {
  const rule = narrativeRule(id);
  const f = { rule: id, severity: rule.severity, place, params };
  return { ...extra, ...f, message: renderNarrative(f, 'zh'), messageEn: renderNarrative(f, 'en') };
}
