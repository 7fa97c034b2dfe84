/**
 * Writes the input workbook: an empty template, or one filled from a budget (`--example`), which
 * reads back to the same budget. Codes are text cells; lists are dropdowns fed from the hidden
 * 代码表 sheet (fund sources exceed Excel's 255-character inline list).
 */
import type ExcelJS from 'exceljs';
import { UNIT_TYPES } from '../../../classification/mapping.ts';
import type { Classification } from '../../../classification/classification.ts';
import { type AmountUnit, formatMoney } from '../../../money/money.ts';
import { type Budget, KINDS, PROJECT_CATEGORIES, THREE_PUBLIC } from '../../../model/budget.ts';
import { FUND_SOURCES } from '../../../model/funds.ts';
import { AMOUNT_FIELD, fieldText, LINE_ITEM_FIELDS, type LineItemField } from '../../../model/line-item-fields.ts';
import { plainDecimal } from './cells.ts';
import { instructionRows } from './instructions.ts';
import { writePublicationSheet } from './publication-sheet.ts';
import { SAMPLES_SHEET, sampleSections } from './samples.ts';
import { type ColumnSpec, FIRST_DATA_ROW, HEADER_ROW, INSTRUCTIONS_SHEET, KEY_ROW, type ListName, LISTS_SHEET, SHEETS, sheetOf, type SheetSpec, type Target } from './layout.ts';

export interface WorkbookContent {
  /** fills the sheets; none gives an empty template */
  budget?: Budget;
  amountUnit: AmountUnit;
  /** supplies the code dropdowns */
  classification: Classification;
  /** written to 基本信息 when the budget uses its own code lists (relative to the workbook) */
  classificationDir?: string;
}

type Cell = string | number | undefined;
type SheetRow = Record<string, Cell>;

/** Rows kept ready for data entry (styles and dropdowns) below the filled ones. */
const SPARE_ROWS = 1000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9BB7D4' } };
const PAGE: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

export async function budgetWorkbook(content: WorkbookContent): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'yusuan';
  writeInstructions(wb.addWorksheet(INSTRUCTIONS_SHEET, { pageSetup: PAGE }), content.classification);
  writeSamples(wb.addWorksheet(SAMPLES_SHEET, { pageSetup: PAGE }));
  const records = content.budget ? recordsOf(content.budget, content) : undefined;
  const sheets = SHEETS.map((spec) => {
    const rows = records?.[spec.target] ?? (spec.target === 'basic' ? [{ amountUnit: content.amountUnit }] : []);
    const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: KEY_ROW }], pageSetup: PAGE });
    return { spec, rows, ws: writeSheet(ws, spec, rows) };
  });
  writePublicationSheet(wb, content.budget?.publication, content.amountUnit);
  // veryHidden: not listed under “Unhide”, so the dropdowns' source is not edited by accident.
  const lists = writeLists(wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' }), content.classification);
  const lastRow = (t: Target) => FIRST_DATA_ROW + (sheets.find((s) => s.spec.target === t)!.rows.length + SPARE_ROWS) - 1;
  lists.units = `'${sheetOf('units').name}'!$${letterOf(sheetOf('units'), 'code')}$${FIRST_DATA_ROW}:$${letterOf(sheetOf('units'), 'code')}$${lastRow('units')}`;
  lists.projects = `'${sheetOf('projects').name}'!$${letterOf(sheetOf('projects'), 'name')}$${FIRST_DATA_ROW}:$${letterOf(sheetOf('projects'), 'name')}$${lastRow('projects')}`;
  for (const { spec, rows, ws } of sheets) addDropdowns(ws, spec, lists as Record<ListName, string>, spec.target === 'basic' ? FIRST_DATA_ROW : FIRST_DATA_ROW + rows.length + SPARE_ROWS - 1);
  for (const { ws } of sheets) await protectHeader(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The budget as sheet records keyed like the layout's columns; codes with their names, as the dropdowns give them. */
function recordsOf(b: Budget, { amountUnit: unit, classification: c, classificationDir }: WorkbookContent): Record<Target, SheetRow[]> {
  const money = (fen: number | undefined) => (fen === undefined ? undefined : moneyCell(fen, unit));
  const named = (list: Classification['function'], code: string) => (list.has(code) ? `${code} ${list.nameOf(code)}` : code);
  const lists: Partial<Record<string, Classification['function']>> = { function: c.function, deptEcon: c.deptEcon, govEcon: c.govEcon };
  const codeCell = (f: LineItemField, text: string) => {
    const list = f.list && lists[f.list];
    return list && text ? named(list, text) : text;
  };
  const pick = (target: Target, items: object[]) =>
    items.map((item) => Object.fromEntries(sheetOf(target).columns.map((c) => [c.key, cellOf(item, c, money)])));
  return {
    basic: [{ year: b.year, amountUnit: unit, 'department.code': b.department.code, 'department.name': b.department.name, filer: b.filer, classification: classificationDir }],
    units: pick('units', b.units),
    lineItems: b.lineItems.map((li) => ({
      ...Object.fromEntries(LINE_ITEM_FIELDS.map((f) => [f.column, codeCell(f, fieldText(li, f)) || undefined])),
      [AMOUNT_FIELD.column]: money(li.amount),
    })),
    projects: pick('projects', b.projects),
    yearEndBalances: pick('yearEndBalances', b.yearEndBalances),
    specialFunds: pick('specialFunds', b.specialFunds),
    projectPerformance: pick('projectPerformance', b.projectPerformance),
    unitPerformance: pick('unitPerformance', b.unitPerformance),
  };
}

function cellOf(item: object, col: ColumnSpec, money: (fen: number | undefined) => Cell): Cell {
  const v = col.key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], item);
  if (col.kind === 'amount') return money(v as number | undefined);
  return v === undefined ? undefined : String(v);
}

/** 分 as a number cell in the unit, exact: a number whose shortest form is the decimal, else text. */
function moneyCell(fen: number, unit: AmountUnit): number | string {
  const text = formatMoney(fen, unit, unit === '元' ? 2 : 6).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  const n = Number(text);
  return plainDecimal(n) === text ? n : text;
}

function writeSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, rows: SheetRow[]): ExcelJS.Worksheet {
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: c.width, style: columnStyle(c) }));
  const header = ws.getRow(HEADER_ROW);
  const keys = ws.getRow(KEY_ROW);
  spec.columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = c.label;
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    if (c.note) h.note = c.note;
    keys.getCell(i + 1).value = c.key;
  });
  header.height = 30;
  keys.hidden = true;
  for (const r of rows) ws.addRow(spec.columns.map((c) => r[c.key] ?? null));
  return ws;
}

/** Data cells stay editable under the sheet protection; the header rows lock (protectHeader). */
function columnStyle(c: ColumnSpec): Partial<ExcelJS.Style> {
  const protection = { locked: false };
  if (c.kind === 'code') return { numFmt: '@', protection };
  if (c.kind === 'amount') return { numFmt: '#,##0.00####', protection };
  if (c.kind === 'long') return { numFmt: '@', alignment: { wrapText: true, vertical: 'top' }, protection };
  return { numFmt: c.kind === 'year' ? '0' : '@', protection };
}

/**
 * Locks the header and the field-key row: the reader finds columns by them. Without a password
 * (this guards against slips, not people); rows can still be inserted, deleted, sorted and filtered.
 */
async function protectHeader(ws: ExcelJS.Worksheet) {
  for (const r of [HEADER_ROW, KEY_ROW]) ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.protection = { locked: true }));
  await ws.protect('', { formatColumns: true, formatRows: true, insertRows: true, deleteRows: true, sort: true, autoFilter: true, selectLockedCells: true, selectUnlockedCells: true });
}

function writeInstructions(ws: ExcelJS.Worksheet, c: Classification) {
  const width = 100;
  ws.columns = [{ width: 16 }, { width }];
  for (const [heading, text] of instructionRows(c)) {
    const row = ws.addRow([heading, text]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    // Spreadsheet programs do not all grow rows to wrapped text; a CJK character is about two widths.
    row.height = 16 * Math.max(1, Math.ceil((text.length * 2) / (width - 4)));
  }
  ws.getRow(1).font = { bold: true, size: 14 };
}

/** 填写示例: filled rows of the main sheets, to copy from; the reader never reads this sheet. */
function writeSamples(ws: ExcelJS.Worksheet) {
  ws.columns = [{ width: 14 }, ...Array.from({ length: 10 }, () => ({ width: 22 }))];
  for (const section of sampleSections()) {
    const title = ws.addRow([section.sheet, section.about]);
    title.font = { bold: true };
    const header = ws.addRow(section.columns.map((col) => col.label));
    header.eachCell((cell) => ((cell.fill = HEADER_FILL), (cell.font = { bold: true })));
    for (const r of section.rows) ws.addRow(section.columns.map((col) => r[col.key] ?? null));
    ws.addRow([]);
  }
}

/** Fills 代码表 (one list per column) and returns the range formula of each list. */
function writeLists(ws: ExcelJS.Worksheet, c: Classification): Partial<Record<ListName, string>> {
  const withName = (level: '项' | '款', list: Classification['function']) => list.list(level).map((s) => `${s.code} ${s.name}`);
  const lists: [ListName, string, readonly string[]][] = [
    ['amountUnits', '金额单位', ['元', '万元']],
    ['unitTypes', '单位类型', UNIT_TYPES],
    ['kinds', '支出类型', KINDS],
    ['funds', '资金来源', FUND_SOURCES],
    ['categories', '项目类别', PROJECT_CATEGORIES],
    ['threePublic', '“三公”经费类别', THREE_PUBLIC],
    ['function', '支出功能分类（项）', withName('项', c.function)],
    ['deptEcon', '部门预算支出经济分类（款）', withName('款', c.deptEcon)],
    ['govEcon', '政府预算支出经济分类（款）', withName('款', c.govEcon)],
  ];
  const out: Partial<Record<ListName, string>> = {};
  lists.forEach(([name, title, values], i) => {
    const col = ws.getColumn(i + 1);
    col.width = 30;
    col.numFmt = '@';
    col.values = [title, ...values];
    const letter = col.letter;
    out[name] = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
  });
  ws.getRow(1).font = { bold: true };
  return out;
}

/** Worksheet.dataValidations exists in exceljs 4 but is missing from its typings. */
type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

function addDropdowns(ws: ExcelJS.Worksheet, spec: SheetSpec, lists: Record<ListName, string>, lastRow: number) {
  spec.columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    // Code lists show “code name”; a bare code typed in must stay allowed, so they do not block input.
    const codes = c.list === 'function' || c.list === 'deptEcon' || c.list === 'govEcon';
    (ws as unknown as WithValidations).dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [lists[c.list]],
      showInputMessage: codes,
      prompt: codes ? '从列表选择，或直接输入编码' : undefined,
      showErrorMessage: !codes,
      errorStyle: 'stop',
      errorTitle: c.label,
      error: '请从下拉列表中选择',
    });
  });
}

const letterOf = (spec: SheetSpec, key: string) => String.fromCharCode(65 + spec.columns.findIndex((c) => c.key === key));
