/**
 * Checks on the wording alone, which need no table: placeholders left in (XX局, ××, 某某), a title
 * for another year, a comparison with a year other than the last, and 本部门 / 本单位 mixed or at
 * odds with the document's cover.
 */
import { placeOf, type NarrativeContext } from './context.ts';
import { compactText } from './prose.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

const PLACEHOLDER = /[XxＸｘ]{2,}|[×✕╳]{2,}|某某|○○/g;
const CJK = /[\u4e00-\u9fff]/;
const TITLE = /^(?:第[一二三四五六七八九十]+部分)?[^，。；,;]{0,40}?(20\d\d)年度?[^，。；,;]{0,40}?(?:预算|决算)[^，。；,;]{0,16}?(?:表|说明)$/;
/** A 说明 compares with the year before its own [assumed: every corpus document does]. */
const COMPARED = /(?:比|与|较)(20\d\d)年/g;

/** A line of a 目录 or a title: no dot leader, page number, enumerator or spaces. */
export function titleText(line: string): string {
  return compactText(line)
    .replace(/(?:[…·．]{2,}|\.{3,}).*$/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?=20\d\d年|\D))/, '');
}

export function checkPlaceholders(ctx: NarrativeContext): NarrativeFinding[] {
  return ctx.lines.flatMap((l) => {
    const text = compactText(l.text);
    return [...text.matchAll(PLACEHOLDER)]
      .filter((m) => CJK.test(text[m.index! - 1] ?? '') || CJK.test(text[m.index! + m[0].length] ?? ''))
      .map((m) => narrativeFinding('N-placeholder', { page: l.page, line: l.line, sentence: text.slice(Math.max(0, m.index! - 20), m.index! + 30) }, { placeholder: word(text, m.index!, m[0]) }));
  });
}

/** The placeholder with the character after it, as people quote it ("XX局"). */
const word = (text: string, at: number, m: string) => m + (CJK.test(text[at + m.length] ?? '') ? text[at + m.length] : '');

export function checkYears(ctx: NarrativeContext): NarrativeFinding[] {
  const year = ctx.year;
  if (!year) return [];
  const out: NarrativeFinding[] = [];
  for (const l of ctx.lines) {
    const t = titleText(l.text);
    const m = TITLE.exec(t);
    if (m && Number(m[1]) !== year && !/比|较|相比/.test(t)) out.push(narrativeFinding('N-year-title', { page: l.page, line: l.line, sentence: t }, { stated: m[1], year }));
  }
  for (const s of ctx.sentences) {
    // One finding per sentence and year: a sentence comparing every figure with the same wrong year is one slip.
    const wrong = [...s.text.matchAll(COMPARED)].filter((m) => Number(m[1]) !== year - 1);
    for (const m of wrong.filter((m, i) => wrong.findIndex((x) => x[1] === m[1]) === i)) {
      out.push(narrativeFinding('N-year-compare', placeOf(s, m.index!), { stated: m[1], year, previous: year - 1 }));
    }
  }
  return out;
}

export function checkWording(ctx: NarrativeContext): NarrativeFinding[] {
  // Notes under tables (注：本单位本年度无此项预算收支…) are the template's wording, not the 说明's.
  const uses = (w: string) => ctx.sentences.filter((s) => !s.heading && !/^注[：:]/.test(s.text) && s.text.includes(w));
  const dept = uses('本部门');
  const unit = uses('本单位');
  // The odd word: the one at odds with the cover, else the rarer of the two.
  const odd = ctx.body === '单位' && dept.length ? '本部门' : ctx.body === '部门' && unit.length ? '本单位' : dept.length && unit.length ? (dept.length < unit.length ? '本部门' : '本单位') : undefined;
  if (!odd) return [];
  const [at, other] = odd === '本部门' ? [dept, '本单位'] : [unit, '本部门'];
  const kind = ctx.body ? `${ctx.body}${/决算/.test(ctx.lines.slice(0, 5).map((l) => l.text).join('')) ? '决算' : '预算'}` : '文件';
  return [
    narrativeFinding('N-wording', placeOf(at[0], at[0].text.indexOf(odd)), {
      kind,
      kindEn: ctx.body === '单位' ? 'unit document' : ctx.body === '部门' ? 'department document' : 'document',
      word: odd,
      other,
      count: (odd === '本部门' ? unit : dept).length,
    }),
  ];
}
