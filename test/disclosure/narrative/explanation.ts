/**
 * Test helper: a 说明 (第一部分 of a Hunan disclosure) written from built tables, the way units
 * write it — cover, 目录, 部门收支总体情况, 一般公共预算拨款支出, “三公”经费 with last year's figures.
 * Figures are taken from the tables by id and column key (not through the lookup under test), and
 * the year-on-year differences and percentages are computed here from invented previous figures.
 */
import { leaves, type Table } from '../../../src/ir/table.ts';
import { formatMoney, type Money } from '../../../src/money/money.ts';

const w = (fen: Money) => `${formatMoney(fen, '万元', 2)}万元`;

function cell(tables: Table[], id: string, key: string, row: (cells: Table['rows'][number]['cells']) => boolean): Money {
  const t = tables.find((x) => x.id === id)!;
  const col = leaves(t.header).findIndex((c) => c.key === key);
  const r = t.rows.find((x) => row(x.cells))!;
  const v = r.cells[col];
  return typeof v === 'number' ? v : 0;
}

const labelled = (label: string) => (cells: Table['rows'][number]['cells']) => cells.some((c) => typeof c === 'string' && c.replace(/\s+/g, '') === label);
const total = (cells: Table['rows'][number]['cells']) => cells.some((c) => typeof c === 'string' && /^合计/.test(c));

/** A change stated from current and previous: 增加/减少 the amount, 增长/下降 the percentage (two decimals). */
function change(current: Money, previous: Money): string {
  const d = current - previous;
  if (d === 0) return '持平';
  const pct = ((Math.abs(d) / previous) * 100).toFixed(2);
  return d > 0 ? `增加${w(d)}，增长${pct}%` : `减少${w(-d)}，下降${pct}%`;
}

const share = (part: Money, whole: Money) => `${((part / whole) * 100).toFixed(2)}%`;

export interface Previous {
  total: Money;
  gpb: Money;
  threePublic: Money;
}

/** The 说明 as pages of lines. */
export function explanation(tables: Table[], year: number, previous: Previous): string[][] {
  const filer = tables[0].filer;
  const income = cell(tables, '01', 'rev.amount', labelled('收入总计'));
  const spending = cell(tables, '01', 'exp.amount', labelled('支出总计')) || cell(tables, '01', 'fn.amount', labelled('支出总计'));
  const gpb = cell(tables, '07', 'total', total);
  const fiscal = cell(tables, '06', 'rev.amount', labelled('收入总计'));
  const three = (key: string) => cell(tables, '14', key, total);
  const basic = cell(tables, '03', 'basic', total);
  const project = cell(tables, '03', 'project', total);
  return [
    [filer, `${year}年部门预算公开`],
    ['目 录', `第一部分 ${year}年部门预算说明`, `第二部分 ${year}年部门预算公开表格`, ...tables.map((t) => `${t.mark} ${t.title.replace(/\s+/g, '')}`)],
    [
      `第一部分 ${year}年部门预算说明`,
      '一、部门基本概况',
      `${filer}主要承担对外科技交流与合作的相关服务工作。`,
      '二、部门预算单位构成',
      `本部门${year}年部门预算仅包括本级预算。`,
      '三、部门收支总体情况',
      `1.收入预算：${year}年本部门收入预算${w(income)}，其中，一般公共预算拨款${w(cell(tables, '01', 'rev.amount', labelled('一、一般公共预算拨款收入')))}。`,
      `2.支出预算：${year}年本部门支出预算${w(spending)}，其中，基本支出${w(basic)}，占${share(basic, spending)}；项目支出${w(project)}，占${share(project, spending)}。`,
      `${year}年收支总计${w(income)}，与${year - 1}年相比${change(income, previous.total)}。`,
      '四、一般公共预算拨款支出',
      `一般公共预算拨款支出${w(gpb)}，比${year - 1}年${change(gpb, previous.gpb)}。财政拨款收支总计${w(fiscal)}。`,
      '五、政府性基金预算支出',
      '本部门无政府性基金预算支出。',
      '六、其他重要事项的情况说明',
      '（一）“三公”经费预算',
      `${year}年“三公”经费预算数为${w(three('total'))}，上年为${w(previous.threePublic)}，比上年${change(three('total'), previous.threePublic)}。其中，因公出国（境）费${w(three('abroad'))}，公务用车购置及运行费${w(three('car.total'))}，公务接待费${w(three('reception'))}。`,
    ],
  ];
}

/** pdftotext-style text of pages. */
export const pagesText = (pages: string[][]) => pages.map((p, i) => [`=== page ${i + 1} ===`, ...p].join('\n')).join('\n\n');
