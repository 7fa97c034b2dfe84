/**
 * The xlsx reader: each worksheet holding a table of the layout becomes that table, found by its
 * title, its 预算NN表 mark, the sheet name or, failing all three, its header. Cells are read from
 * the columns the header names, so a workbook gives exact tables, whoever wrote it: yusuan's own,
 * or one laid out like the official tables by another tool (other sheet names, merged headers,
 * amounts typed as text).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { leaves, type Table } from '../../../ir/table.ts';
import { detectLayout, layoutSet, type TableLayout } from '../../layouts/index.ts';
import { FEN_PER } from '../../../money/money.ts';
import { xlsxBoundsProblem } from '../../../formats/zip-bounds.ts';
import { norm } from '../text/tokens.ts';
import { DisclosureError, type ReadOptions, type ReadResult, type Reader } from '../types.ts';
import { readBody } from './body.ts';
import { sheetGrid, textOf, type SheetGrid } from './grid.ts';
import { mapColumns, readHead, type ColumnMap, type SheetHead } from './header.ts';

/** Larger files are not disclosures; exceljs would hold all of it in memory. */
const MAX_BYTES = 50 * 1024 * 1024;

interface Found {
  grid: SheetGrid;
  head: SheetHead;
  map: ColumnMap;
}

export const readXlsx: Reader = async (path, opts) => readXlsxBytes(await readFile(path), opts, basename(path));

export async function readXlsxBytes(bytes: Uint8Array, opts: ReadOptions, name = 'Excel'): Promise<ReadResult> {
  if (bytes.length > MAX_BYTES) throw new DisclosureError(`${name} 超过 ${MAX_BYTES / 1024 / 1024} MB，不像预算公开表`);
  const tooBig = await xlsxBoundsProblem(bytes);
  if (tooBig) throw new DisclosureError(`无法读取 Excel 文件 ${name}：${tooBig}`);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; it reads any byte array.
    await wb.xlsx.load(Uint8Array.from(bytes).buffer);
  } catch (e) {
    throw new DisclosureError(`无法读取 Excel 文件 ${name}：${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
  }
  const warnings: string[] = [];
  const grids = wb.worksheets.map((ws) => sheetGrid(ws, warnings));
  const layout = !opts.layout || opts.layout === 'auto' ? detectLayout(headLines(grids), norm, opts.classification) : opts.layout;
  const set = layoutSet(layout, opts.classification);
  const found = findTables(grids, set.tables, warnings);

  const knownNames = new Map<string, string>();
  const tables: Table[] = [];
  for (const l of set.tables) {
    const f = found.get(l.id);
    if (!f) continue;
    const unit = f.head.unit ?? '万元';
    const body = readBody(f.grid, f.map, { layout: l, unit, classification: opts.classification, knownNames });
    const missing = leaves(l.header).filter((_, i) => !f.map.columns[i]).map((c) => c.path.join('/'));
    if (missing.length) warnings.push(`${l.mark}：工作表“${f.grid.name}”缺少列 ${missing.join('、')}`);
    warnings.push(...body.warnings.map((w) => `${l.mark}：${w}`));
    const table: Table = {
      id: l.id,
      mark: l.mark,
      title: f.head.title ?? l.title,
      filer: f.head.filer,
      unit,
      header: l.header,
      rows: body.rows,
      notes: body.notes,
      empty: isEmpty(body.rows, l),
      precision: FEN_PER[unit] / 10 ** (body.decimals < 0 ? 2 : body.decimals),
    };
    tables.push(table);
    rememberNames(table, knownNames);
  }
  return { layout, tables, missing: set.tables.filter((t) => !found.has(t.id)).map((t) => t.id), ambiguities: [], warnings };
}

/** Sheet names and the text at the top of each sheet: where titles and marks are. */
function headLines(grids: SheetGrid[]): string[] {
  return grids.flatMap((g) => {
    const out = [g.name];
    for (let r = 1; r <= Math.min(6, g.rows); r++) for (let c = 1; c <= g.cols; c++) if (!g.at(r, c)?.slave && g.at(r, c)) out.push(textOf(g.at(r, c)));
    return out;
  });
}

/** Each table of the layout in the first sheet that names it; unnamed sheets by their header. */
function findTables(grids: SheetGrid[], layouts: TableLayout[], warnings: string[]): Map<string, Found> {
  const found = new Map<string, Found>();
  const unnamed: { grid: SheetGrid; head: SheetHead }[] = [];
  const set = { tables: layouts, marks: true };
  for (const grid of grids) {
    const head = readHead(grid, set);
    const layout = layouts.find((l) => l.id === head.id);
    if (!layout) {
      if (grid.rows && !head.contents) unnamed.push({ grid, head });
      continue;
    }
    if (found.has(layout.id)) warnings.push(`工作表“${grid.name}”与“${found.get(layout.id)!.grid.name}”都是${layout.mark}，只读取后者`);
    else found.set(layout.id, { grid, head, map: mapColumns(grid, head.next, layout) });
  }
  for (const { grid, head } of unnamed) {
    const scored = layouts
      .filter((l) => !found.has(l.id))
      .map((l) => ({ l, map: mapColumns(grid, head.next, l) }))
      .filter(({ l, map }) => map.exact >= Math.max(2, 0.6 * leaves(l.header).length));
    const best = scored.sort((a, b) => b.map.exact / leaves(b.l.header).length - a.map.exact / leaves(a.l.header).length)[0];
    if (!best) continue;
    warnings.push(`工作表“${grid.name}”没有表号和标题，按表头识别为${best.l.mark}`);
    found.set(best.l.id, { grid, head, map: best.map });
  }
  return found;
}

function isEmpty(rows: Table['rows'], layout: TableLayout): boolean {
  const amountCols = leaves(layout.header).flatMap((c, i) => (c.kind === 'amount' ? [i] : []));
  return rows.length <= 1 && rows.every((r) => amountCols.every((i) => !r.cells[i]));
}

/** Departments and units by name, for tables that print names without codes (预算23表). */
function rememberNames(t: Table, known: Map<string, string>) {
  const name = leaves(t.header).findIndex((c) => c.key === 'name');
  if (name < 0) return;
  for (const r of t.rows) if ((r.kind === 'unit' || r.kind === 'department') && r.code && typeof r.cells[name] === 'string') known.set(norm(r.cells[name] as string), r.code);
}
