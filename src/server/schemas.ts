/** JSON schemas shared by the routes; they validate requests and document the API (OpenAPI). */
import * as z from 'zod';
import { AMOUNT_FIELD, LINE_ITEM_FIELDS, type LineItemField } from '../model/line-item-fields.ts';
import { ROLES } from './access.ts';
import { STATUSES } from './repo/budgets.ts';

export const unitYearParams = {
  type: 'object',
  required: ['unit', 'year'],
  properties: {
    unit: { type: 'string', pattern: '^[0-9]{6}$', description: '单位代码（6 位）' },
    year: { type: 'integer', minimum: 2000, maximum: 2100, description: '预算年度' },
  },
} as const;

export const error = {
  type: 'object',
  description: '错误：message 是给人看的中文说明',
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', description: 'bad_request | unauthorized | forbidden | csrf | not_found | conflict | precondition_required | invalid_input | too_large | rate_limited | internal' },
    message: { type: 'string' },
    details: {},
  },
} as const;

export const user = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    departmentCode: { type: ['string', 'null'], description: '审核人所属部门' },
    unitCode: { type: ['string', 'null'], description: '编制人所属单位' },
    disabled: { type: 'boolean' },
  },
} as const;

export const session = {
  type: 'object',
  properties: {
    user,
    csrfToken: { type: 'string', description: '在所有修改类请求（POST/PUT/PATCH/DELETE）的 x-csrf-token 头中回传' },
  },
} as const;

export const status = { type: 'string', enum: STATUSES, description: 'draft 编制中 | submitted 已送审 | approved 审核通过 | returned 已退回 | published 已公开' } as const;

/** A field's JSON schema: its enum when it has one (zod knows it), else a string. */
function fieldSchema(f: LineItemField): Record<string, unknown> {
  const json = z.toJSONSchema(f.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _, ...rest } = json;
  return { ...rest, description: f.description };
}
const apiFields = LINE_ITEM_FIELDS.filter((f) => f.key !== 'unit');

export const lineItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    position: { type: 'integer' },
    ...Object.fromEntries(apiFields.map((f) => [f.key, fieldSchema(f)])),
    [AMOUNT_FIELD.api]: { type: 'integer', description: '金额，分（0.01 元），精确整数' },
  },
} as const;

export const lineItemInput = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(apiFields.map((f) => [f.key, fieldSchema(f)])),
    amount: { type: 'string', pattern: '^-?[0-9,]+(\\.[0-9]+)?$', description: '金额（十进制字符串），单位见 amountUnit' },
    amountUnit: { type: 'string', enum: ['元', '万元'], default: '万元' },
    version: { type: 'integer', description: '读取时的预算版本（也可用 If-Match 头）' },
  },
} as const;

export const versionBody = {
  type: 'object',
  properties: {
    version: { type: 'integer', description: '读取时的预算版本（也可用 If-Match 头）' },
    comment: { type: 'string', maxLength: 2000, description: '意见（退回时必填）' },
  },
} as const;

export const importResult = {
  type: 'object',
  properties: {
    unitCode: { type: 'string' },
    year: { type: 'integer' },
    version: { type: 'integer' },
    status,
    lineItems: { type: 'integer' },
    totalFen: { type: 'integer' },
  },
} as const;

export const jsonTable = {
  type: 'object',
  description: '一张表（开放数据 JSON 形状）：金额以万元为单位的数字，空单元格为 null',
  additionalProperties: true,
} as const;

export const snapshotMeta = {
  type: 'object',
  properties: {
    unitCode: { type: 'string' },
    year: { type: 'integer' },
    version: { type: 'integer' },
    budgetVersion: { type: 'integer' },
    contentHash: { type: 'string', description: 'sha256（十六进制）of …/content' },
    publishedAt: { type: 'string', format: 'date-time' },
    publishedBy: { type: ['string', 'null'] },
  },
} as const;

const slice = { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, amountFen: { type: 'integer' } } } as const;
/** Chart data of a unit's or a department's package. */
export const charts = {
  type: 'object',
  description: '图表数据（金额为分）',
  properties: {
    totalSpendingFen: { type: 'integer' },
    spendingByFunction: { type: 'array', description: '支出功能分类 类 → 款 → 项（children）', items: { type: 'object', additionalProperties: true } },
    incomeBySource: { type: 'array', description: '收入总表合计行的各来源', items: slice },
    incomeByGroup: { type: 'array', description: '收入按本年各来源与上年结转结余归并，占比不足 5% 的合为“其他”', items: slice },
    spendingByKind: { type: 'array', description: '基本支出（人员经费、公用经费）、项目支出等', items: slice },
    threePublic: { type: 'array', description: '“三公”经费：因公出国（境）、公务用车购置、公务用车运行、公务接待', items: slice },
  },
} as const;

export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, error]));
