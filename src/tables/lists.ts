/**
 * 预算01表 and 预算06表 print independent lists (revenue, and spending by function / economic
 * class) side by side. Each list is label + amount; line i of the table holds entry i of each list.
 * A list is kept flat, label and amount one after the other (no object per entry: they are only
 * copied into the rows' cells).
 */
import { type Row, makeRow } from '../ir/table.ts';
import type { Money } from '../money/money.ts';
import { FUND_SOURCES } from '../model/funds.ts';
import { blankCells } from './common.ts';

/**
 * A list being written: entries label, amount, label, amount, … (an amount of null prints blank).
 * Lists only live until their table's rows are made, so each table keeps its lists for the process
 * and starts them over (`Entries.reuse`): no list regrown by pushes per table.
 */
export class Entries {
  readonly cells: (string | Money | null)[] = [];
  /** Number of cells written (2 per entry). */
  n = 0;

  /** The list, emptied. */
  reuse(): this {
    this.n = 0;
    return this;
  }

  add(label: string, amount: Money | null): void {
    this.cells[this.n++] = label;
    this.cells[this.n++] = amount;
  }
}

/** Amount that prints blank when zero (the usual rule). */
export const blankZero = (m: Money): Money | null => (m === 0 ? null : m);

export function sideBySide(lists: Entries[], footer: Entries[]): Row[] {
  let height = 0;
  for (const l of lists) height = Math.max(height, l.n >> 1);
  // Arrays of their final length, cells copied from a blank line: pushes grew every row's cells and the rows.
  const rows = new Array<Row>(height + footer.length);
  for (let i = 0; i < height; i++) {
    const cells = blankCells(2 * lists.length);
    for (let k = 0; k < lists.length; k++) {
      const l = lists[k];
      if (2 * i < l.n) {
        cells[2 * k] = l.cells[2 * i] || null;
        cells[2 * k + 1] = l.cells[2 * i + 1];
      }
    }
    rows[i] = makeRow('line', 0, cells);
  }
  for (let j = 0; j < footer.length; j++) {
    const f = footer[j];
    const cells = blankCells(f.n);
    for (let k = 0; k < f.n; k += 2) {
      cells[k] = f.cells[k] || null;
      cells[k + 1] = f.cells[k + 1];
    }
    rows[height + j] = makeRow('line', 0, cells);
  }
  return rows;
}

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 17 → 十七, 25 → 二十五 (list numbering up to 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** The 25 function 类 listed by 预算01表 and 预算06表, in order (外交, 国防, 223 and 230 are not). */
export const FUNCTION_CLASS_LIST: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
];

/** Position of each listed 类 in FUNCTION_CLASS_LIST: the lists sum into vectors, not Maps per budget. */
export const FUNCTION_CLASS_SLOT = new Map(FUNCTION_CLASS_LIST.map(([c], i) => [c, i]));

/**
 * A zero vector as a plain array of doubles: a small typed array takes an off-heap buffer, dearer to
 * make and collect; copying a zero vector kept per length allocates once, where pushes regrew it.
 */
export function zeros(n: number): number[] {
  let z = ZERO_VECTORS[n];
  if (!z) {
    z = [0.5];
    z.length = 0;
    for (let i = 0; i < n; i++) z.push(0);
    ZERO_VECTORS[n] = z;
  }
  return z.slice();
}
const ZERO_VECTORS: number[][] = [];

const FUND_INDEX = new Map<string, number>(FUND_SOURCES.map((f, i) => [f, i]));
/** Per pool predicate (the POOLS functions): the positions of its sources in FUND_SOURCES. */
const SOURCES_OF = new Map<(f: string) => boolean, number[]>();

/**
 * Amounts by fund source (预算01/06表 income): a vector over FUND_SOURCES, and each pool's sources
 * found once per process instead of every source tested per pool and table. Pools must be
 * long-lived functions (they key the cache).
 */
export class FundSums {
  private readonly v = new Float64Array(FUND_SOURCES.length);

  add(fund: string, amount: Money): void {
    // A source outside the list is a finding of the model checks; the tables are still built.
    const i = FUND_INDEX.get(fund);
    if (i !== undefined) this.v[i] += amount;
  }

  of(fund: string): Money {
    const i = FUND_INDEX.get(fund);
    return i === undefined ? 0 : this.v[i];
  }

  sum(pool: (f: string) => boolean): Money {
    let ix = SOURCES_OF.get(pool);
    if (!ix) SOURCES_OF.set(pool, (ix = FUND_SOURCES.flatMap((f, i) => (pool(f) ? [i] : []))));
    let s = 0;
    for (const i of ix) s += this.v[i];
    return s;
  }
}
