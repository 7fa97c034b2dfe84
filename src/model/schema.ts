/**
 * The input format's `budget.json` (master data, projects, goals) as a zod schema; the rows of
 * `line-items.csv` are defined by the field table (line-item-fields.ts). Amounts are decimal
 * strings (or numbers) in an explicit unit, parsed exactly.
 */
import * as z from 'zod';
import { UNIT_TYPES } from '../classification/mapping.ts';
import { INDICATORS, PROJECT_CATEGORIES } from './budget.ts';
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
