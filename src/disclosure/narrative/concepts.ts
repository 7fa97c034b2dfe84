/**
 * What a 说明 names and where its tables print it. A figure is taken for a concept when the words
 * right before it (its subject, without 为/是) end with the concept's words; the first source the
 * document's tables have gives the figure to compare. Subjects are read after normalisation
 * (compatibility forms folded, no spaces), so “三公” keeps its quotes and （境） its brackets.
 */
import { englishLabel } from '../../glossary.ts';
import type { Source } from './lookup.ts';

export interface Concept {
  id: string;
  /** the official term, shown in findings; its English is the glossary's (`englishOf`) */
  zh: string;
  /** English until the glossary has the term */
  en: string;
  subject: RegExp;
  sources: Source[];
  /** The column to prefer where a table prints both (决算 tables print 预算数 and 决算数): 预算数 when the text says 预算. */
  prefer?: (subject: string) => string;
}

const SUMMARY = /收(?:入)?支(?:出)?.*总表/;
const FISCAL = /财政拨款/;
const FISCAL_SUMMARY = /财政拨款收(?:入)?支(?:出)?.*总表/;
const INCOME_TABLE = /收入(?:预算|决算)?(?:总)?表$/;
const GPB_TABLE = /一般公共预算.*支出.*表/;
const NOT_GPB_TABLE = /基本支出|三公|经济分类|收(?:入)?支(?:出)?/;
const THREE = /三公/;
const Q = '[“”"]?';

const spending = (id: string, name: string, title: RegExp, en: string): Concept => ({
  id,
  zh: `${name}拨款支出`,
  en,
  subject: new RegExp(`${name}(?:财政)?拨款支出(?:预算)?$`),
  sources: [
    { title, notTitle: NOT_GPB_TABLE, column: ['合计'] },
    { title, notTitle: NOT_GPB_TABLE, column: ['本年支出', '小计'] },
  ],
});

const threePublic = (id: string, zh: string, en: string, words: string[], subject: string, leaf?: RegExp): Concept => ({
  id,
  zh,
  en,
  subject: new RegExp(`${subject}(?:财政拨款)?(?:支出)?(?:(?:年初)?预算|决算)?(?:数)?$`),
  sources: [{ title: THREE, column: words, leaf }],
  prefer: (s) => (/预算数?$/.test(s) ? '预算数' : '决算数'),
});

const CONCEPTS: Concept[] = [
  {
    id: 'fiscalTotal',
    zh: '财政拨款收支总计',
    en: 'total of fiscal appropriations',
    subject: /财政拨款收(?:入)?支(?:出)?(?:预算|决算)?总计$/,
    sources: [{ title: FISCAL_SUMMARY, row: /^(?:收入)?总计$/ }],
  },
  {
    id: 'grandTotal',
    zh: '收支总计',
    en: 'total revenue and expenditure',
    subject: /(?<!财政拨款)收(?:入)?支(?:出)?(?:预算|决算)?总计$/,
    sources: [{ title: SUMMARY, notTitle: FISCAL, row: /^(?:收入)?总计$/ }],
  },
  {
    id: 'incomeTotal',
    zh: '收入总计',
    en: 'total revenue',
    subject: /(?<!事业|经营|其他|拨款|补助|上缴)收入(?:预算|总计)(?:总额|总计)?$/,
    sources: [{ title: SUMMARY, notTitle: FISCAL, row: /^(?:收入)?总计$/ }],
  },
  {
    id: 'spendingTotal',
    zh: '支出总计',
    en: 'total expenditure',
    subject: /(?<!经营|拨款|基本|项目|上缴上级|补助)支出(?:预算(?:总额|总计)?|总计)$/,
    sources: [
      { title: SUMMARY, notTitle: FISCAL, row: /^支出总计$/ },
      { title: SUMMARY, notTitle: FISCAL, row: /^总计$/, last: true },
    ],
  },
  {
    id: 'yearIncome',
    zh: '本年收入合计',
    en: 'revenue of the year',
    subject: /本年收入(?:合计|小计)$/,
    sources: [{ title: SUMMARY, notTitle: FISCAL, row: /^本年收入(?:合计|小计)$/ }],
  },
  {
    id: 'yearSpending',
    zh: '本年支出合计',
    en: 'expenditure of the year',
    subject: /本年支出(?:合计|小计)$/,
    sources: [{ title: SUMMARY, notTitle: FISCAL, row: /^本年支出(?:合计|小计)$/ }],
  },
  {
    id: 'fiscalIncome',
    zh: '财政拨款收入',
    en: 'fiscal appropriation revenue',
    subject: /(?<!预算)财政拨款收入(?:预算)?$/,
    sources: [
      { title: SUMMARY, notTitle: FISCAL, row: /^财政拨款收入$/ },
      { title: INCOME_TABLE, notTitle: FISCAL, column: ['财政拨款'] },
      { title: FISCAL_SUMMARY, row: /^本年收入(?:合计)?$/ },
    ],
  },
  {
    id: 'fiscalSpending',
    zh: '财政拨款支出',
    en: 'fiscal appropriation expenditure',
    subject: /(?<!预算)财政拨款支出(?:预算)?$/,
    sources: [{ title: FISCAL_SUMMARY, row: /^本年支出(?:合计)?$/ }],
  },
  spending('gpbSpending', '一般公共预算', GPB_TABLE, 'general public budget expenditure'),
  spending('govFundSpending', '政府性基金预算', /政府性基金.*表/, 'government fund expenditure'),
  spending('stateCapitalSpending', '国有资本经营预算', /国有资本经营.*表/, 'state capital operation expenditure'),
  threePublic('threePublic', '“三公”经费', '“three public” expenses', ['合计'], `${Q}三公${Q}经费`),
  threePublic('abroad', '因公出国（境）费', 'official travel abroad', ['因公出国'], '因公出国[（(]境[）)]费'),
  threePublic('cars', '公务用车购置及运行费', 'official vehicles, purchase and running', ['公务用车购置及运行'], '公务用车购置及运行(?:维护)?费'),
  // Shanghai prints these two as 购置费 and 运行费 under 公务用车购置及运行费; Hunan spells them out.
  threePublic('carPurchase', '公务用车购置费', 'official vehicle purchase', [], '(?<!及运行)公务用车购置费', /^(?:公务用车)?购置费$/),
  threePublic('carRunning', '公务用车运行费', 'official vehicle running', [], '(?<!购置及)公务用车运行(?:维护)?费', /^(?:公务用车)?运行(?:维护)?费$/),
  threePublic('reception', '公务接待费', 'official reception', ['公务接待费'], '公务接待费'),
  {
    id: 'operation',
    zh: '机关运行经费',
    en: 'government operating expenses',
    subject: /机关运行经费(?:支出)?(?:预算|决算)?(?:数)?$/,
    sources: [{ title: /机关运行经费/, column: ['机关运行经费'] }],
  },
];

export const englishOf = (c: Concept) => (englishLabel(c.zh) !== c.zh ? englishLabel(c.zh) : c.en);

/** The concept a figure's bare subject names, if any (more specific concepts are listed first). */
export function conceptOf(subject: string): Concept | undefined {
  return CONCEPTS.find((c) => c.subject.test(subject));
}
