/**
 * Year-on-year statements: "收入支出总计减少56.95万元，下降1.87%", "比2025年预算执行数增加0.97%".
 * The current figure is the one the comparison's topic names (in the same sentence or just before),
 * the previous one a figure marked as last year's; the direction word must fit the sign of their
 * difference, a stated difference must equal it and a percentage must equal it over the previous
 * figure, allowing for the rounding of every printed figure.
 */
import { wan, placeOf, previousMarker, type NarrativeContext, type Stated } from './context.ts';
import { bare, type Amount, type Figure, type Percent } from './figures.ts';
import { DIRECTION_SYNONYMS } from '../../publication/vocabulary.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

// The words the 说明 writer uses and their synonyms in other documents: one list for both.
const UP = Object.keys(DIRECTION_SYNONYMS).filter((w) => DIRECTION_SYNONYMS[w] === '增加');
const DOWN = Object.keys(DIRECTION_SYNONYMS).filter((w) => DIRECTION_SYNONYMS[w] === '减少');
const WORD = new RegExp(`(${[...UP, ...DOWN].join('|')})了?$`);
const sign = (word: string) => (UP.includes(word) ? 1 : -1);

interface Change {
  word: string;
  figure: Figure;
}

export function checkChanges(ctx: NarrativeContext): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  const previous = previousMarker(ctx.year);
  ctx.sentences.forEach((s, k) => {
    const changes = s.figures.flatMap((f): Change[] => {
      const m = WORD.exec(bare(f.subject));
      return m ? [{ word: m[1], figure: f }] : [];
    });
    // 持平 between two figures the sentence prints: they must be the same.
    for (const m of s.text.matchAll(/持平/g)) {
      const before = s.figures.filter((f): f is Amount => f.kind === 'amount' && f.end <= m.index! && !WORD.test(bare(f.subject)));
      const prev = before.filter((f) => previous.test(f.subject)).at(-1);
      const current = before.filter((f) => f !== prev).at(-1);
      if (!prev || !current || Math.abs(current.value - prev.value) <= (current.step + prev.step) / 2) continue;
      out.push(narrativeFinding('N-change-direction', placeOf(s, m.index!), { word: '持平', current: current.text, previous: prev.text, difference: wan(current.value - prev.value) }));
    }
    for (const group of comparisons(changes, s.text)) {
      const place = placeOf(s, group[0].figure.at);
      const words = [...new Set(group.map((c) => sign(c.word)))];
      if (words.length > 1) {
        out.push(narrativeFinding('N-change-words', place, { first: group[0].word, second: group[1].word }));
        continue;
      }
      const first = group[0].figure;
      const plain = (f: Figure): f is Amount => f.kind === 'amount' && !WORD.test(bare(f.subject));
      const before = s.figures.filter((f) => f.end <= first.at).filter(plain);
      const prev = before.filter((f) => previous.test(f.subject)).at(-1);
      const current = currentOf(topicOf(first.subject), before.filter((f) => f !== prev), ctx.sentences.slice(Math.max(0, k - 2), k), previous);
      if (!current) continue;
      const word = group[0].word;
      const dir = sign(word);
      const amount = group.find((c) => c.figure.kind === 'amount')?.figure as Amount | undefined;
      const percent = group.find((c) => c.figure.kind === 'percent')?.figure as Percent | undefined;
      if (prev) {
        const diff = current.value - prev.value;
        const tol = (current.step + prev.step) / 2;
        const params = { word, current: current.text, previous: prev.text, difference: wan(diff) };
        if (dir * diff <= tol) out.push(narrativeFinding('N-change-direction', place, params));
        else if (amount && Math.abs(amount.value - Math.abs(diff)) > tol + amount.step / 2) out.push(narrativeFinding('N-change-amount', place, { ...params, stated: amount.text }));
        else if (percent) checkPercent(out, place, word, percent, current, prev.value, Math.abs(diff), tol, prev.text);
        continue;
      }
      if (!amount) continue;
      const base = current.value - dir * amount.value;
      const other = current.value + dir * amount.value;
      const tol = (current.step + amount.step) / 2;
      if (percent && !percentFits(percent, base, amount.value, tol) && percentFits(percent, other, amount.value, tol)) {
        // Amount and percentage agree with each other the other way round: the word is what is wrong.
        out.push(narrativeFinding('N-change-direction', place, { word, current: current.text, previous: wan(other), difference: wan(current.value - other) }));
      } else if (base < -tol) {
        out.push(narrativeFinding('N-change-base', place, { word, current: current.text, stated: amount.text, previous: wan(base) }));
      } else if (percent && base > tol) checkPercent(out, place, word, percent, current, base, amount.value, tol, wan(base));
    }
  });
  return out;
}

/** The rate diff ÷ base, and whether the printed percentage is it, allowing for the rounding of every print. */
function rate(p: Percent, base: number, diff: number, tol: number): { computed: number; fits: boolean } {
  const computed = (diff / base) * 100;
  // The printed amounts may each be off by half a step: the percentage they give moves with them.
  const slack = ((tol + tol * (diff / base)) / base) * 100;
  return { computed, fits: Math.abs(p.value - computed) <= p.step / 2 + slack + 1e-9 };
}

const percentFits = (p: Percent, base: number, diff: number, tol: number) => base > 0 && rate(p, base, diff, tol).fits;

function checkPercent(out: NarrativeFinding[], place: ReturnType<typeof placeOf>, word: string, p: Percent, current: Amount, base: number, diff: number, tol: number, previousText: string) {
  if (base <= 0) return;
  const { computed, fits } = rate(p, base, diff, tol);
  if (!fits) out.push(narrativeFinding('N-change-percent', place, { word, stated: p.text, current: current.text, previous: previousText, computed: `${computed.toFixed(2)}%` }));
}

/** Change figures that belong to one comparison: a figure right after another ("减少56.95万元，下降1.87%"). */
function comparisons(changes: Change[], text: string): Change[][] {
  const out: Change[][] = [];
  changes.forEach((c, i) => {
    const prev = changes[i - 1];
    const between = prev ? text.slice(prev.figure.end, c.figure.at - c.word.length) : '';
    if (prev && /^[，,、]?$/.test(between) && prev.figure.kind !== c.figure.kind) out.at(-1)!.push(c);
    else out.push([c]);
  });
  return out;
}

/** What is compared: the words before the direction word, unless they only say with what (比上年, 与2023年度相比). */
function topicOf(subject: string): string {
  const s = bare(subject)
    .replace(WORD, '')
    .replace(/^.*(?:相比|相较|比较|同比)[，,]?/, '')
    .replace(/(?:比|较|与)(?:上年|上一年度?|去年|20\d\d年度?).*$/, '');
  return /^(?:比|较|与)/.test(s) ? '' : s;
}

function currentOf(topic: string, before: Amount[], earlier: Stated[], previous: RegExp): Amount | undefined {
  if (!topic) return before.at(-1);
  const names = (f: Figure) => {
    const b = bare(f.subject);
    return f.kind === 'amount' && !previous.test(f.subject) && !WORD.test(b) && b.length >= 2 && (b.endsWith(topic) || (b.length >= 4 && topic.endsWith(b)));
  };
  return (before.filter(names).at(-1) ?? earlier.flatMap((s) => s.figures).filter(names).at(-1)) as Amount | undefined;
}
