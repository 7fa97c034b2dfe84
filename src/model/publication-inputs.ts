/**
 * What 第一部分 部门预算说明 needs that the line items do not hold: 职能职责, 机构设置, staffing,
 * last year's key figures (for the year-on-year statements), 政府采购, 国有资产, and the unit's own
 * reasons for changes. `budget.json` carries it as one optional field, `publication`; amounts are
 * decimals in the file's amountUnit, parsed exactly like every other amount.
 */
import * as z from 'zod';
import { type AmountUnit, formatMoney, type Money, parseMoney } from '../money/money.ts';

const decimal = z.union([z.string(), z.number()]).describe('decimal amount in amountUnit');
const count = z.number().int().min(0);
const unitCode = z.string().regex(/^\d{6}$/, '单位代码应为 6 位数字');

/** The key figures of a year that the statements compare with (all optional: a missing one is not compared). */
const keyFiguresSchema = z
  .object({
    income: decimal.optional().describe('收入预算总计'),
    expenditure: decimal.optional().describe('支出预算总计'),
    gpb: decimal.optional().describe('一般公共预算拨款支出'),
    govFund: decimal.optional().describe('政府性基金预算拨款支出'),
    threePublic: decimal.optional().describe('“三公”经费预算'),
    officeRunning: decimal.optional().describe('机关运行经费'),
    meetings: decimal.optional().describe('会议费'),
    training: decimal.optional().describe('培训费'),
    budget: z.string().min(1).optional().describe('last year’s budget folder (budget.json + line-items.csv), relative to this file: its figures fill those not typed here'),
  })
  .strict();

export const publicationInputsSchema = z
  .object({
    duties: z.string().optional().describe('职能职责; default: the units’ duties of 预算23表'),
    organisation: z.string().optional().describe('机构设置, as the unit writes it'),
    divisions: z.array(z.string().min(1)).default([]).describe('内设机构'),
    unitNotes: z
      .array(z.object({ unit: unitCode, funding: z.enum(['全额拨款', '差额拨款', '自收自支']).optional(), note: z.string().optional() }).strict())
      .default([])
      .describe('单位构成: how each unit is funded, a note'),
    staffing: z
      .object({ establishment: count.describe('编制数'), serving: count.describe('实有在职人数'), retired: count.optional().describe('离退休人数') })
      .strict()
      .optional(),
    previousYear: keyFiguresSchema.optional().describe('last year’s budget figures, for the comparisons'),
    reasons: z
      .object({
        income: z.string().optional(),
        expenditure: z.string().optional(),
        threePublic: z.string().optional(),
        officeRunning: z.string().optional(),
        generalExpenditure: z.string().optional(),
      })
      .strict()
      .default({})
      .describe('the unit’s reasons for changes, kept as written'),
    procurement: z.object({ goods: decimal.default('0'), works: decimal.default('0'), services: decimal.default('0') }).strict().optional(),
    assets: z
      .object({
        asOf: z.string().min(1).describe('截至日期, e.g. 2023年12月31日'),
        vehicles: z.array(z.object({ category: z.string().min(1), count }).strict()).default([]),
        equipmentOver50: count.default(0).describe('单位价值50万元以上通用设备（台/套）'),
        specialEquipmentOver100: count.default(0).describe('单位价值100万元以上专用设备（台/套）'),
        newAssets: z.array(z.object({ name: z.string().min(1), count, amount: decimal }).strict()).default([]),
      })
      .strict()
      .optional(),
    meetings: z.object({ count, people: count.optional(), content: z.string().optional() }).strict().optional(),
    training: z.object({ count, people: count.optional(), content: z.string().optional() }).strict().optional(),
  })
  .strict();
export type PublicationInputsJson = z.infer<typeof publicationInputsSchema>;

export interface KeyFigures {
  income?: Money;
  expenditure?: Money;
  gpb?: Money;
  govFund?: Money;
  threePublic?: Money;
  officeRunning?: Money;
  meetings?: Money;
  training?: Money;
}
export const KEY_FIGURES = ['income', 'expenditure', 'gpb', 'govFund', 'threePublic', 'officeRunning', 'meetings', 'training'] as const;

/** The inputs with their amounts in 分. */
export type PublicationInputs = Omit<PublicationInputsJson, 'previousYear' | 'procurement' | 'assets'> & {
  previousYear?: KeyFigures;
  /** `previousYear.budget` as written: the folder reader fills `previousYear` from it */
  previousBudget?: string;
  procurement?: { goods: Money; works: Money; services: Money };
  assets?: Omit<NonNullable<PublicationInputsJson['assets']>, 'newAssets'> & { newAssets: { name: string; count: number; amount: Money }[] };
};

export interface InputIssue {
  /** JSON path under `publication` */
  path: string;
  message: string;
}

/** Parses the amounts; problems (an amount with too many decimals, an unknown unit) are collected. */
export function toPublicationInputs(json: PublicationInputsJson, unit: AmountUnit, units: Set<string>, report: (issue: InputIssue) => void): PublicationInputs {
  const money = (v: string | number, path: string): Money => {
    try {
      return parseMoney(String(v), unit);
    } catch (e) {
      report({ path, message: (e as Error).message });
      return 0;
    }
  };
  json.unitNotes.forEach((n, i) => !units.has(n.unit) && report({ path: `unitNotes.${i}.unit`, message: `单位 ${n.unit} 未登记` }));
  const prev = json.previousYear;
  return {
    ...json,
    previousYear: prev && Object.fromEntries(KEY_FIGURES.filter((k) => prev[k] !== undefined).map((k) => [k, money(prev[k]!, `previousYear.${k}`)])),
    ...(prev?.budget && { previousBudget: prev.budget }),
    procurement: json.procurement && {
      goods: money(json.procurement.goods, 'procurement.goods'),
      works: money(json.procurement.works, 'procurement.works'),
      services: money(json.procurement.services, 'procurement.services'),
    },
    assets: json.assets && { ...json.assets, newAssets: json.assets.newAssets.map((a, i) => ({ ...a, amount: money(a.amount, `assets.newAssets.${i}.amount`) })) },
  };
}

/** The inputs back in budget.json's form (amounts as decimals in `unit`), for forms and exports. */
export function publicationJson(p: PublicationInputs, unit: AmountUnit): PublicationInputsJson {
  const dec = (fen: Money) => formatMoney(fen, unit).replace(/,/g, '');
  const { previousBudget, ...rest } = p;
  return {
    ...rest,
    previousYear:
      p.previousYear || previousBudget
        ? { ...(p.previousYear && Object.fromEntries(Object.entries(p.previousYear).map(([k, v]) => [k, dec(v)]))), ...(previousBudget ? { budget: previousBudget } : {}) }
        : undefined,
    procurement: p.procurement && { goods: dec(p.procurement.goods), works: dec(p.procurement.works), services: dec(p.procurement.services) },
    assets: p.assets && { ...p.assets, newAssets: p.assets.newAssets.map((a) => ({ ...a, amount: dec(a.amount) })) },
  };
}
