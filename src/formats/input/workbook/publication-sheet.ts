/**
 * The 预算说明 sheet of the input workbook: what 第一部分 部门预算说明 needs beyond the line items
 * (budget.json's `publication`), one item per row — 项目, its key (hidden column), 内容, 数量, 金额.
 * Rows of a list (内设机构, 车辆, 新增资产, 单位构成) repeat their key. A workbook without the sheet
 * has no publication inputs; problems are located by sheet, row and column like everywhere else.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { type AmountUnit, formatMoney, parseMoney } from '../../../money/money.ts';
import type { PublicationInputs } from '../../../model/publication-inputs.ts';
import type { InputProblem } from '../errors.ts';
import type { InputLocator } from '../model-mapping.ts';
import { cellText } from './cells.ts';

export const PUBLICATION_SHEET = '预算说明';
const COLUMNS = ['项目', '键', '内容', '数量', '金额'] as const;
const [, KEY, TEXT, COUNT, AMOUNT] = [1, 2, 3, 4, 5];

type Value = 'text' | 'count' | 'amount';
/** A row kind: a scalar at `key`, or an entry of the list at `key` whose fields sit in 内容/数量/金额. */
interface Field {
  key: string;
  label: string;
  value?: Value;
  list?: { text?: string; count?: string; amount?: string };
}

const amounts = (prefix: string, labels: [string, string][]): Field[] => labels.map(([k, l]) => ({ key: `${prefix}.${k}`, label: l, value: 'amount' }));

const FIELDS: Field[] = [
  { key: 'duties', label: '职能职责', value: 'text' },
  { key: 'organisation', label: '机构设置', value: 'text' },
  { key: 'divisions', label: '内设机构（每行一个）', list: { text: '' } },
  { key: 'unitNotes', label: '单位构成（内容：单位代码 经费形式 说明）', list: { text: 'unit' } },
  { key: 'staffing.establishment', label: '编制数（人）', value: 'count' },
  { key: 'staffing.serving', label: '实有在职人数（人）', value: 'count' },
  { key: 'staffing.retired', label: '离退休人数（人）', value: 'count' },
  ...amounts('previousYear', [
    ['income', '上年收入预算总计'],
    ['expenditure', '上年支出预算总计'],
    ['gpb', '上年一般公共预算拨款支出'],
    ['govFund', '上年政府性基金预算拨款支出'],
    ['threePublic', '上年“三公”经费预算'],
    ['officeRunning', '上年机关运行经费'],
    ['meetings', '上年会议费'],
    ['training', '上年培训费'],
  ]),
  { key: 'reasons.income', label: '收入增减原因', value: 'text' },
  { key: 'reasons.expenditure', label: '支出增减原因', value: 'text' },
  { key: 'reasons.threePublic', label: '“三公”经费增减原因', value: 'text' },
  { key: 'reasons.officeRunning', label: '机关运行经费增减原因', value: 'text' },
  { key: 'reasons.generalExpenditure', label: '一般性支出说明', value: 'text' },
  ...amounts('procurement', [
    ['goods', '政府采购预算：货物类'],
    ['works', '政府采购预算：工程类'],
    ['services', '政府采购预算：服务类'],
  ]),
  { key: 'assets.asOf', label: '国有资产截至日期（如 2023年12月31日）', value: 'text' },
  { key: 'assets.vehicles', label: '车辆（内容：车辆类别；数量：辆）', list: { text: 'category', count: 'count' } },
  { key: 'assets.equipmentOver50', label: '单位价值50万元以上通用设备（台/套）', value: 'count' },
  { key: 'assets.specialEquipmentOver100', label: '单位价值100万元以上专用设备（台/套）', value: 'count' },
  { key: 'assets.newAssets', label: '拟新增资产（内容：名称；数量；金额）', list: { text: 'name', count: 'count', amount: 'amount' } },
  { key: 'meetings.count', label: '拟召开会议（次）', value: 'count' },
  { key: 'meetings.people', label: '会议人数（人）', value: 'count' },
  { key: 'meetings.content', label: '会议内容', value: 'text' },
  { key: 'training.count', label: '拟举办培训（次）', value: 'count' },
  { key: 'training.people', label: '培训人数（人）', value: 'count' },
  { key: 'training.content', label: '培训内容', value: 'text' },
];

const byKey = new Map(FIELDS.map((f) => [f.key, f]));
const COLUMN_OF: Record<Value, number> = { text: TEXT, count: COUNT, amount: AMOUNT };

function set(obj: Record<string, unknown>, path: string[], value: unknown) {
  let o = obj;
  path.slice(0, -1).forEach((k, i) => (o = (o[k] ??= /^\d+$/.test(path[i + 1]) ? [] : {}) as Record<string, unknown>));
  o[path[path.length - 1]] = value;
}

/** A count as written: a whole number, else the text itself, so that the schema reports it. */
const countOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);

/** unitNotes 内容: "186002 差额拨款 高等职业院校". */
function unitNote(s: string) {
  const m = /^(\S+)\s*(全额拨款|差额拨款|自收自支)?\s*(.*)$/.exec(s.trim())!;
  return { unit: m[1], ...(m[2] ? { funding: m[2] } : {}), ...(m[3] ? { note: m[3] } : {}) };
}

export interface PublicationSheet {
  /** budget.json's `publication`, as read (undefined when the sheet is missing or blank) */
  raw?: Record<string, unknown>;
  /** the cell of a path under `publication` */
  locate(path: string): Omit<InputProblem, 'message'> | undefined;
}

/** `unit`: the workbook's amount unit (基本信息), for number cells and for checking each amount where it is typed. */
export function readPublicationSheet(wb: Workbook, file: string, unit: AmountUnit, problems: InputProblem[]): PublicationSheet {
  const amountScale = unit === '元' ? 2 : 6;
  const ws = wb.getWorksheet(PUBLICATION_SHEET);
  const rows = new Map<string, number>();
  const locate = (path: string) => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const row = rows.get(parts.slice(0, n).join('.'));
      if (row === undefined) continue;
      const field = byKey.get(parts.slice(0, n).join('.')) ?? byKey.get(parts.slice(0, n - 1).join('.'));
      const last = parts[parts.length - 1];
      const col = field?.value ? COLUMN_OF[field.value] : last === 'count' ? COUNT : last === 'amount' ? AMOUNT : TEXT;
      return { file, sheet: PUBLICATION_SHEET, row, column: COLUMNS[col - 1] };
    }
    return undefined;
  };
  if (!ws) return { locate };
  const raw: Record<string, unknown> = {};
  const lists = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (c: number, scale?: number) => {
      try {
        return cellText(row.getCell(c).value, scale);
      } catch (e) {
        problems.push({ file, sheet: PUBLICATION_SHEET, row: r, column: COLUMNS[c - 1], message: (e as Error).message });
        return '';
      }
    };
    const key = text(KEY);
    const [t, n, a] = [text(TEXT), text(COUNT), text(AMOUNT, amountScale)];
    if (!t && !n && !a) continue;
    if (a) {
      try {
        parseMoney(a, unit);
      } catch (e) {
        problems.push({ file, sheet: PUBLICATION_SHEET, row: r, column: COLUMNS[AMOUNT - 1], message: `${(e as Error).message}（只填数字，单位为${unit}）` });
      }
    }
    const field = byKey.get(key);
    if (!field) {
      problems.push({ file, sheet: PUBLICATION_SHEET, row: r, column: COLUMNS[KEY - 1], message: `未知的项目“${key}”（不要修改“键”列）` });
      continue;
    }
    if (field.value) {
      rows.set(key, r);
      set(raw, key.split('.'), field.value === 'count' ? countOf(n) : field.value === 'amount' ? a : t);
      continue;
    }
    const i = lists.get(key) ?? 0;
    lists.set(key, i + 1);
    rows.set(`${key}.${i}`, r);
    const entry = field.list!.text === '' ? t : field.key === 'unitNotes' ? unitNote(t) : {
      [field.list!.text!]: t,
      ...(field.list!.count ? { [field.list!.count]: countOf(n) } : {}),
      ...(field.list!.amount ? { [field.list!.amount]: a } : {}),
    };
    set(raw, [...key.split('.'), String(i)], entry);
  }
  return { raw: Object.keys(raw).length ? raw : undefined, locate };
}

/** Locates problems of `publication.…` paths on the 预算说明 sheet; the rest as before. */
export function withPublicationSheet(loc: InputLocator, sheet: PublicationSheet): InputLocator {
  return { ...loc, at: (path) => (path.startsWith('publication.') && sheet.locate(path.slice('publication.'.length))) || loc.at(path) };
}

/** Writes the sheet, filled from the budget's inputs when it has them. */
export function writePublicationSheet(wb: Workbook, inputs: PublicationInputs | undefined, unit: AmountUnit): Worksheet {
  const ws = wb.addWorksheet(PUBLICATION_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 36 }, { width: 24, hidden: true }, { width: 80 }, { width: 10 }, { width: 14 }];
  ws.addRow([...COLUMNS]).font = { bold: true };
  const money = (fen: number | undefined) => (fen === undefined ? undefined : formatMoney(fen, unit).replace(/,/g, ''));
  const get = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], inputs);
  for (const f of FIELDS) {
    if (f.value) {
      const v = get(f.key);
      const cells: unknown[] = [f.label, f.key, undefined, undefined, undefined];
      cells[COLUMN_OF[f.value] - 1] = f.value === 'amount' ? money(v as number | undefined) : v;
      ws.addRow(cells).getCell(TEXT).alignment = { wrapText: true, vertical: 'top' };
      continue;
    }
    const entries = (get(f.key) as unknown[] | undefined) ?? [];
    for (const e of entries.length ? entries : [undefined]) {
      const o = e as Record<string, unknown> | string | undefined;
      const textOf = () => {
        if (typeof o !== 'object') return o;
        if (f.key === 'unitNotes') return [o.unit, o.funding, o.note].filter(Boolean).join(' ');
        return o[f.list!.text!];
      };
      const count = typeof o === 'object' && f.list!.count ? o[f.list!.count] : undefined;
      const amount = typeof o === 'object' && f.list!.amount ? money(o[f.list!.amount] as number) : undefined;
      ws.addRow([f.label, f.key, textOf(), count, amount]);
    }
  }
  return ws;
}
