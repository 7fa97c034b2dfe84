/**
 * The input format, as zod schemas: `budget.json` (master data, projects, goals) and the rows of
 * `line-items.csv`. Amounts are decimal strings (or numbers) in an explicit unit, parsed exactly.
 */
import { z } from 'zod';
import { UNIT_TYPES } from '../classification/mapping.ts';
import { INDICATORS, KINDS, PROJECT_CATEGORIES, THREE_PUBLIC } from './budget.ts';
import { FUND_SOURCES } from './funds.ts';
import { publicationInputsSchema } from './publication-inputs.ts';

const decimal = z.union([z.string(), z.number()]).describe('decimal amount in amountUnit, e.g. "216.30"');
const unitCode = z.string().regex(/^\d{6}$/, '单位代码应为 6 位数字');

export const budgetJsonSchema = z
  .object({
    $schema: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    amountUnit: z.enum(['元', '万元']).describe('unit of the amounts in this file'),
    filer: z.string().optional().describe('填报部门 printed on the tables; default: the only unit, else the department'),
    department: z.object({ code: z.string().regex(/^\d{3}$/, '部门代码应为 3 位数字'), name: z.string().min(1) }),
    units: z
      .array(z.object({ code: unitCode, name: z.string().min(1), type: z.enum(UNIT_TYPES) }))
      .min(1),
    lineItems: z.string().default('line-items.csv').describe('CSV file of line items, relative to this file'),
    classification: z.string().optional().describe('folder with your own code lists for this year'),
    projects: z
      .array(z.object({ unit: unitCode, name: z.string().min(1), category: z.enum(PROJECT_CATEGORIES), direction: z.string().optional() }))
      .default([]),
    yearEndBalances: z.array(z.object({ unit: unitCode, fund: z.enum(FUND_SOURCES), amount: decimal })).default([]),
    specialFunds: z
      .array(
        z.object({
          unit: unitCode,
          name: z.string().min(1),
          byFinance: z
            .object({ gpbAppropriation: decimal.default('0'), gpbNonTax: decimal.default('0'), govFund: decimal.default('0'), stateCapital: decimal.default('0') })
            .default({ gpbAppropriation: '0', gpbNonTax: '0', govFund: '0', stateCapital: '0' }),
          managementRule: z.string().optional(),
          allocationRule: z.string().optional(),
        }),
      )
      .default([]),
    projectPerformance: z
      .array(
        z.object({
          unit: unitCode,
          project: z.string().min(1),
          transferToLocal: decimal.optional(),
          periodGoal: z.string(),
          annualGoal: z.string(),
          indicators: z.partialRecord(z.enum(INDICATORS), z.string()).default({}),
        }),
      )
      .default([]),
    unitPerformance: z
      .array(z.object({ unit: unitCode, duties: z.string(), overallGoal: z.string(), outputIndicators: z.string(), benefitIndicators: z.string() }))
      .default([]),
    publication: publicationInputsSchema.optional().describe('what 第一部分 部门预算说明 needs beyond the line items'),
  })
  .strict();
export type BudgetJson = z.infer<typeof budgetJsonSchema>;

/** One row of line-items.csv (after the amount column has been recognised). */
export const lineItemRowSchema = z.object({
  unit_code: unitCode,
  function_code: z.string().regex(/^\d{7}$/, '支出功能分类科目应为 7 位项级编码'),
  dept_econ_code: z.string().regex(/^\d{5}$/, '部门预算经济分类科目应为 5 位款级编码'),
  gov_econ_code: z.union([z.literal(''), z.string().regex(/^\d{5}$/, '政府预算经济分类科目应为 5 位款级编码')]).default(''),
  kind: z.enum(KINDS, { error: `支出类型应为 ${KINDS.join('、')} 之一` }),
  project: z.string().default(''),
  fund_source: z.enum(FUND_SOURCES, { error: '资金来源应为说明中列出的 25 种之一（如 本年/一般公共预算拨款/经费拨款）' }),
  three_public: z.enum(['', ...THREE_PUBLIC], { error: `“三公”经费类别应为 ${THREE_PUBLIC.join('、')} 之一，或不填` }).default(''),
});

export const LINE_ITEM_COLUMNS = ['unit_code', 'function_code', 'dept_econ_code', 'gov_econ_code', 'kind', 'project', 'fund_source', 'three_public'] as const;
/** Columns that may be left out of line-items.csv. */
export const OPTIONAL_LINE_ITEM_COLUMNS: readonly string[] = ['gov_econ_code', 'project', 'three_public'];
/** The amount column's name says its unit. */
export const AMOUNT_COLUMNS = { amount_wan: '万元', amount_yuan: '元' } as const;
