/**
 * Reads a code-list file as people have it into rows of cell texts: an xlsx workbook (the first
 * sheet whose header has code and name columns) or a CSV in UTF-8 or GB18030 (what Excel saves
 * on Chinese Windows). The rows then go through classification/import.ts.
 */
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ImportedList, type ListKind, parseOfficialList } from '../../classification/import.ts';
import { cellText } from './workbook/cells.ts';
import { InputError, type InputProblem } from './errors.ts';

export interface ReadList extends ImportedList {
  sheet?: string;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The list in `bytes`; throws InputError with every located problem (nothing is partly taken). */
export async function readCodeListFile(bytes: Buffer, fileName: string, kind: ListKind): Promise<ReadList> {
  const ext = extname(fileName).toLowerCase();
  const located = (p: { row?: number; column?: string; message: string }, sheet?: string): InputProblem => ({ file: fileName, sheet, ...p });
  if (ext === '.xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new InputError([{ file: fileName, message: `无法读取工作簿：${(e as Error).message}` }]);
    }
    let first: ReadList | undefined;
    for (const ws of wb.worksheets) {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          try {
            cells[c - 1] = cellText(cell.value);
          } catch {
            cells[c - 1] = '';
          }
        });
        rows[r - 1] = Array.from(cells, (x) => x ?? '');
      });
      const list = { ...parseOfficialList(Array.from(rows, (x) => x ?? []), kind, fileName), sheet: ws.name };
      if (!list.problems.some((p) => p.message.startsWith('找不到表头'))) return finish(list, (p) => located(p, ws.name));
      first ??= list;
    }
    return finish(first ?? { ...parseOfficialList([], kind, fileName) }, (p) => located(p, first?.sheet));
  }
  if (ext !== '.csv' && ext !== '.txt') throw new InputError([{ file: fileName, message: '代码表应为 .xlsx 或 .csv 文件（.xls 请另存为 .xlsx）' }]);
  let rows: string[][];
  try {
    rows = parse(decode(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (e) {
    throw new InputError([{ file: fileName, message: `CSV 无法解析：${(e as Error).message}` }]);
  }
  return finish(parseOfficialList(rows, kind, fileName), (p) => located(p));
}

function finish(list: ReadList, locate: (p: { row?: number; column?: string; message: string }) => InputProblem): ReadList {
  if (list.problems.length) throw new InputError(list.problems.map(locate));
  return list;
}
