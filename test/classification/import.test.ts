/** Reading a code list as people have it: headers found wherever they are, levels from the code, parents checked. */
import { describe, expect, it } from 'vitest';
import { parseOfficialList } from '../../src/classification/import.ts';
import { readCodeListFile } from '../../src/formats/input/code-list-file.ts';
import { InputError } from '../../src/formats/input/errors.ts';

const rows = (text: string) => text.split('\n').map((l) => l.split(','));

describe('parseOfficialList', () => {
  it('finds the code and name columns under a title, reads split codes and counts levels', () => {
    const list = parseOfficialList(rows('2025年政府收支分类科目\n序号,科目名称,说明,科目编码\n1,农林水支出,,213\n2,农业农村,,213 01\n3,行政运行,,213 01 01\n,,,\n'), 'function', 'mof.csv');
    expect(list.problems).toEqual([]);
    expect(list.levels).toEqual({ 类: 1, 款: 1, 项: 1 });
    expect(list.subjects[2]).toEqual({ code: '2130101', level: '项', parent: '21301', name: '行政运行', confidence: 'imported', sources: 'mof.csv' });
  });

  it('reports every problem with its row and column: missing parent, bad code, blank name, two names for one code', () => {
    const { problems } = parseOfficialList(rows('科目编码,科目名称\n213,农林水支出\n2130101,行政运行\n21,短\n213,农林水\n21303,\n'), 'function', 'x.csv');
    expect(problems).toEqual([
      { row: 4, column: '科目编码', message: '编码“21”应为 3、5、7 位数字' },
      { row: 5, column: '科目名称', message: '编码 213 在第 2 行名为“农林水支出”，此处为“农林水”' },
      { row: 6, column: '科目名称', message: '编码 21303 没有名称' },
      { row: 3, column: '科目编码', message: '编码 2130101 的上级 21301 不在表中' },
    ]);
  });

  it('economic lists have 类 and 款 only', () => {
    expect(parseOfficialList(rows('编码,名称\n301,工资福利支出\n3010101,x\n'), 'dept-econ', 'e.csv').problems[0].message).toBe('编码“3010101”应为 3、5 位数字');
  });

  it('says which columns it looks for when there is no header', () => {
    expect(parseOfficialList(rows('a,b\n213,农林水支出\n'), 'function', 'x.csv').problems[0].message).toMatch(/^找不到表头/);
  });
});

describe('readCodeListFile', () => {
  it('reads a CSV saved by Excel on Chinese Windows (GB18030)', async () => {
    const gbk = Buffer.from([0xbf, 0xc6, 0xc4, 0xbf, 0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xbf, 0xc6, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x32, 0x31, 0x33, 0x2c, 0xc5, 0xa9, 0xc1, 0xd6, 0xcb, 0xae, 0xd6, 0xa7, 0xb3, 0xf6, 0x0a]);
    const list = await readCodeListFile(gbk, 'gbk.csv', 'function');
    expect(list.subjects).toMatchObject([{ code: '213', name: '农林水支出' }]);
  });

  it('reads the first sheet of a workbook that has the columns, and locates problems by sheet', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').addRow(['政府收支分类科目']);
    const ws = wb.addWorksheet('支出功能分类');
    ws.addRows([['科目编码', '科目名称'], ['213', '农林水支出'], ['21301', '农业农村'], [2130101, '行政运行']]);
    const list = await readCodeListFile(Buffer.from(await wb.xlsx.writeBuffer()), 'mof.xlsx', 'function');
    expect(list.sheet).toBe('支出功能分类');
    expect(list.subjects.map((s) => s.code)).toEqual(['213', '21301', '2130101']);
    ws.addRow(['2130299', '其他']);
    const bad = await readCodeListFile(Buffer.from(await wb.xlsx.writeBuffer()), 'mof.xlsx', 'function').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as InputError).problems).toEqual([{ file: 'mof.xlsx', sheet: '支出功能分类', row: 5, column: '科目编码', message: '编码 2130299 的上级 21302 不在表中' }]);
  });
});
