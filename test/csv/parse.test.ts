/** The CSV reader agrees with csv-parse (as the readers used it) on real files and on tricky text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvObjects } from '../../src/csv/parse.ts';

const reference = (text: string) => parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];

const listDir = 'src/classification/lists/2024';
const files = [
  ...readdirSync(listDir).filter((f) => f.endsWith('.csv')).map((f) => join(listDir, f)),
  'examples/hunan-104012/line-items.csv',
  'examples/multi-unit-department/line-items.csv',
];

const tricky = [
  '\uFEFFa,b\r\n1,2\r\n',
  'a,b\n\n\n1,2\n',
  'a, b ,c\n  x  ,"y, z",  "q ""w"" e"  \n',
  'a,b\n"line\nbreak",2\n3,4',
  'a,b,c\n1\n1,2,3,4\n',
  'a,\n,\n',
  '"",x\n',
  'only',
  '',
  '名称,金额\n"湖南省，科技厅",12.50\n',
  'a,b\r1,2\r3,4',
  '  \t \n a ,\tb\t\n\n \n1,2',
  'a,b\n1,2\n3,"x\ny"\n4,5\n6,"7"\n8,9',
  'x\n"a"\n"b\r\nc",d\r\ne,f',
  'a,b\n1,2\n\n',
  '\n\n\na\n',
  'a\n\r\nb',
];

describe('parseCsv', () => {
  it.each(files)('reads %s as csv-parse does', (f) => {
    const text = readFileSync(f, 'utf8');
    expect(parseCsv(text)).toEqual(reference(text));
  });

  it.each(tricky.map((t) => [JSON.stringify(t), t]))('reads %s as csv-parse does', (_, t) => {
    expect(parseCsv(t)).toEqual(reference(t));
  });

  it('keys records by the header', () => {
    expect(parseCsvObjects('code,name\n101,一般\n102')).toEqual([
      { code: '101', name: '一般' },
      { code: '102', name: undefined },
    ]);
  });

  it('names the line of an unclosed quote or text after a closing quote', () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow(new CsvError('引号未闭合', 2));
    expect(() => parseCsv('a,b\n"x\ny"z,1\n')).toThrow(new CsvError('引号后有多余字符', 3));
  });
});
