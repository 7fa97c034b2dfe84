/**
 * Test helper: tables of two real documents as they print them, transcribed by hand into the
 * table IR — only the rows and columns their 说明 name, with the printed titles, headers, units
 * and figures. They stand in for the disclosure reader until it reads Shanghai tables (issue 8).
 */
import type { ColumnNode, Row, Table } from '../../../src/ir/table.ts';
import { parseMoney } from '../../../src/money/money.ts';

const amount = (label: string): ColumnNode => ({ label, kind: 'amount' });
const text = (label: string): ColumnNode => ({ label, kind: 'text' });
const wan = (s: string | null) => (s === null ? null : parseMoney(s, '万元'));

const yuan = (s: string | null) => (s === null ? null : parseMoney(s, '元'));

function table(id: string, title: string, header: ColumnNode[], rows: (string | null)[][], amounts: boolean[], unit: '元' | '万元' = '万元'): Table {
  const parse = unit === '元' ? yuan : wan;
  const r: Row[] = rows.map((cells) => ({ kind: cells[0] === '合计' ? 'total' : 'line', indent: 0, cells: cells.map((c, i) => (amounts[i] ? parse(c) : c)) }));
  return { id, mark: `表${id}`, title, filer: '', unit, header, rows: r, notes: [], empty: false, precision: unit === '元' ? 1 : 10_000 };
}

/** sh-putuo-2026-sifaju-dept-budget, pages 10, 12–13 and 21: tables 1, 5 and 9. */
export function sifajuTables(): Table[] {
  return [
    table(
      '1',
      '2026年部门财务收支预算总表',
      [{ label: '本年收入', children: [text('项目'), amount('预算数')] }, { label: '本年支出', children: [text('项目'), amount('预算数')] }],
      [
        ['一、财政拨款收入', '96,282,213.44', '一、公共安全支出', '87,267,272.44'],
        ['1. 一般公共预算', '96,282,213.44', '二、社会保障和就业支出', '3,343,704.00'],
        ['收入总计', '96,282,213.44', '支出总计', '96,282,213.44'],
      ],
      [false, true, false, true],
      '元',
    ),
    table(
      '5',
      '2026年部门一般公共预算支出功能分类预算表',
      [text('功能分类科目名称'), amount('合计'), amount('基本支出'), amount('项目支出')],
      [['合计', '96282213.44', '25741666.44', '70540547.00']],
      [false, true, true, true],
      '元',
    ),
    table(
      '9',
      '2026年部门“三公”经费和机关运行经费预算表',
      [
        text('项目'),
        {
          label: '“三公”经费预算数',
          children: [amount('合计'), amount('因公出国(境)费'), amount('公务接待费'), { label: '公务用车购置及运行费', children: [amount('小计'), amount('购置费'), amount('运行费')] }],
        },
        amount('机关运行经费预算数'),
      ],
      [['合计', '10.81', '0', '0.83', '9.98', '0', '9.98', '217.83']],
      [false, true, true, true, true, true, true, true],
    ),
  ];
}

export function caizhengjuTables(): Table[] {
  return [
    table(
      '1',
      '收入支出决算总表',
      [{ label: '收入', children: [text('项目'), amount('决算数')] }, { label: '支出', children: [text('项目'), amount('决算数')] }],
      [
        ['一、一般公共预算财政拨款收入', '2940.05', '一、一般公共服务支出', '2106.66'],
        ['八、其他收入', '6.20', '八、社会保障和就业支出', '326.71'],
        ['本年收入合计', '2946.25', '本年支出合计', '2940.05'],
        ['年初结转和结余', '49.14', '年末结转和结余', '55.34'],
        ['总计', '2995.39', '总计', '2995.39'],
      ],
      [false, true, false, true],
    ),
    table(
      '2',
      '收入决算表',
      [text('科目名称'), amount('本年收入合计'), amount('财政拨款收入'), amount('其他收入')],
      [['合计', '2946.25', '2940.05', '6.20']],
      [false, true, true, true],
    ),
    table(
      '4',
      '财政拨款收入支出决算总表',
      [
        { label: '收入', children: [text('项目'), amount('决算数')] },
        { label: '支出', children: [text('项目'), amount('合计'), amount('一般公共预算财政拨款'), amount('政府性基金预算财政拨款'), amount('国有资本经营预算财政拨款')] },
      ],
      [
        ['一、一般公共预算财政拨款', '2940.05', '一、一般公共服务支出', '2106.66', '2106.66', null, null],
        ['本年收入合计', '2940.05', '本年支出合计', '2940.05', '2940.05', null, null],
        ['年初财政拨款结转和结余', '21.63', '年末财政拨款结转和结余', '21.63', '21.63', null, null],
        ['总计', '2961.68', '总计', '2961.68', '2961.68', null, null],
      ],
      [false, true, false, true, true, true, true],
    ),
    table(
      '5',
      '一般公共预算财政拨款支出决算表',
      [text('科目名称'), amount('合计'), amount('基本支出'), amount('项目支出')],
      [['合计', '2940.05', '2336.91', '603.14']],
      [false, true, true, true],
    ),
    table(
      '7',
      '财政拨款“三公”经费支出决算表',
      [text('项目'), { label: '合计', children: [amount('预算数'), amount('决算数')] }, { label: '公务接待费', children: [amount('预算数'), amount('决算数')] }],
      [['合计', '0.95', null, '0.95', null]],
      [false, true, true, true, true],
    ),
  ];
}
