/**
 * From sheet records to the `budget.json` shape (so the same zod schema validates it), and back
 * from a JSON path or line-item field to the sheet, row and column it came from.
 */
import type * as z from 'zod';
import type { InputLocator } from '../model-mapping.ts';
import { FIRST_DATA_ROW, SHEETS, sheetOf, type SheetSpec, type Target } from './layout.ts';
import type { SheetRecord } from './sheets.ts';

export type SheetRecords = Map<Target, SheetRecord[]>;

const LIST_TARGETS = SHEETS.map((s) => s.target).filter((t) => t !== 'basic' && t !== 'lineItems');

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}

/**
 * One record as a JSON object. Blank optional cells omit their field; blank amounts and years are
 * left out so the schema reports them as required; other blank cells are empty texts.
 */
function toObject(rec: SheetRecord | undefined, spec: SheetSpec): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const col of spec.columns) {
    const v = rec?.values.get(col.key) ?? '';
    if (v === '') {
      if (!col.optional && col.kind !== 'amount' && col.kind !== 'year') setPath(obj, col.key, '');
    } else setPath(obj, col.key, col.kind === 'year' && /^\d+$/.test(v) ? Number(v) : v);
  }
  return obj;
}

/** The workbook's content in the `budget.json` shape, not yet validated. */
export function toRawJson(records: SheetRecords): Record<string, unknown> {
  const raw = toObject(records.get('basic')?.[0], sheetOf('basic'));
  for (const t of LIST_TARGETS) raw[t] = (records.get(t) ?? []).map((r) => toObject(r, sheetOf(t)));
  return raw;
}

/** Problems located by sheet, Excel row number and Chinese column header. */
export function workbookLocator(file: string, records: SheetRecords): InputLocator {
  const columnOf = (spec: SheetSpec, key: string) =>
    key ? spec.columns.find((c) => c.key === key || key.startsWith(c.key + '.') || c.key.startsWith(key + '.'))?.label : undefined;
  return {
    at(path) {
      const [top, index, ...rest] = path.split('.');
      if ((LIST_TARGETS as string[]).includes(top)) {
        const spec = sheetOf(top as Target);
        const row = index === undefined ? undefined : records.get(spec.target)?.[Number(index)]?.row;
        return { file, sheet: spec.name, row, column: columnOf(spec, rest.join('.')) };
      }
      const spec = sheetOf('basic');
      return { file, sheet: spec.name, row: records.get('basic')?.[0]?.row ?? FIRST_DATA_ROW, column: columnOf(spec, path) };
    },
    column: (field) => columnOf(sheetOf('lineItems'), field) ?? field,
    unitList: '“单位”工作表',
    projectList: '“项目”工作表',
    describe: describeIssue,
  };
}

/** Schema issues in words for the person filling the workbook (the schema's own texts are for JSON). */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (input === undefined || input === '') return '必填';
  switch (issue.code) {
    case 'invalid_type':
      return `应为${issue.expected === 'number' ? '数字' : '文字'}，而不是“${String(input)}”`;
    case 'invalid_value': {
      const options = issue.values.length <= 6 ? `（可选：${issue.values.join('、')}）` : '（可选值见“说明”表）';
      return `“${String(input ?? '')}”不是可选值，请从下拉列表中选择${options}`;
    }
    case 'too_small':
      return issue.origin === 'array' ? '至少填写一行' : `不应小于 ${issue.minimum}`;
    case 'too_big':
      return `不应大于 ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/** The value at a JSON path of the raw object, for messages. */
export function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw);
}
