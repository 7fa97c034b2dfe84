/**
 * The figures a sentence states: amounts with their unit (元, 万元, 亿元), exact in 分 with the
 * size of the step they were printed to, and percentages with theirs. Each figure carries its
 * subject: the words before it back to the previous figure or clause mark, which say what it is
 * ("收入支出总计", "比2023年度增加").
 */
import type { Money } from '../../money/money.ts';

export interface Amount {
  kind: 'amount';
  /** as printed, e.g. "2,961.68万元" */
  text: string;
  value: Money;
  /** one printed step, in 分 (0.01 万元 = 100 元 = 10 000 分) */
  step: Money;
  at: number;
  end: number;
  subject: string;
}

export interface Percent {
  kind: 'percent';
  text: string;
  /** in percent, e.g. 1.87 */
  value: number;
  /** one printed step, in percent */
  step: number;
  at: number;
  end: number;
  subject: string;
}

export type Figure = Amount | Percent;

const FEN: Record<string, number> = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 };
const FIGURE = /(?<![\d.])(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(亿元|万元|元|%|％)/g;
/** Marks that end a clause: the subject of a figure starts after the last of them. */
const CLAUSE = /[，,；;：:、。（）()]/;

export function figuresOf(sentence: string): Figure[] {
  const out: Figure[] = [];
  let from = 0;
  for (const m of sentence.matchAll(FIGURE)) {
    const at = m.index!;
    const end = at + m[0].length;
    const before = sentence.slice(from, at);
    const cut = Math.max(...[...before].map((ch, i) => (CLAUSE.test(ch) && !bracketOfName(before, i) ? i : -1)));
    const subject = before.slice(cut + 1);
    const [digits, unit] = [m[1].replace(/,/g, ''), m[2]];
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
    if (unit === '%' || unit === '％') {
      out.push({ kind: 'percent', text: m[0], value: Number(digits), step: 10 ** -decimals, at, end, subject });
    } else {
      const value = toFen(digits, FEN[unit]);
      // "0万元" says there is none: exactly zero, not a figure rounded to whole 万元.
      const step = value === 0 ? 1 : Math.max(1, FEN[unit] / 10 ** decimals);
      out.push({ kind: 'amount', text: m[0], value, step, at, end, subject });
    }
    from = end;
  }
  return out;
}

/** Brackets inside a name (因公出国（境）费, 204类 in （204类）) do not end its clause. */
function bracketOfName(s: string, i: number): boolean {
  const ch = s[i];
  if (ch === '（' || ch === '(') return /^[（(]境[）)]/.test(s.slice(i));
  if (ch === '）' || ch === ')') return /[（(]境[）)]$/.test(s.slice(0, i + 1));
  return false;
}

/** Decimal text × 分 per unit, exactly; digits past a 分 are rounded half away from zero. */
function toFen(digits: string, perUnit: number): Money {
  const neg = digits.startsWith('-');
  const [int, frac = ''] = digits.replace('-', '').split('.');
  const scale = Math.round(Math.log10(perUnit));
  const kept = frac.slice(0, scale).padEnd(scale, '0');
  let fen = Number(int + kept);
  if (frac.length > scale && Number(frac[scale]) >= 5) fen += 1;
  return neg ? -fen : fen;
}

/** A subject without the verbs and fillers between a name and its figure (为, 是, 共计, 达). */
export function bare(subject: string): string {
  return subject.replace(/(?:为|是|共计|共|合计为|达到|达|总额为|总额|金额为|金额)+$/, '');
}
