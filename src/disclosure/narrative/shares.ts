/**
 * Shares: "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%". A percentage right
 * after "占" is the figure before it over the whole its parts are listed under (the figure before
 * 其中, or the sentence's first), allowing for the rounding of all three prints. A share of a whole the sentence
 * only names ("占本年支出合计的100.00%") is not judged.
 */
import { placeOf, type NarrativeContext } from './context.ts';
import type { Amount, Figure } from './figures.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

export function checkShares(ctx: NarrativeContext): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  for (const s of ctx.sentences) {
    const whole = wholeOf(s.text, s.figures);
    if (!whole || whole.value <= 0) continue;
    s.figures.forEach((p, i) => {
      const part = s.figures[i - 1];
      if (p.kind !== 'percent' || p.subject !== '占' || part?.kind !== 'amount' || part.at <= whole.at) return;
      const computed = (part.value / whole.value) * 100;
      const slack = ((part.step / 2 + (whole.step / 2) * (part.value / whole.value)) / whole.value) * 100;
      if (Math.abs(p.value - computed) > p.step / 2 + slack + 1e-9) {
        out.push(narrativeFinding('N-share', placeOf(s, p.at), { stated: p.text, part: (part as Amount).text, whole: whole.text, computed: `${computed.toFixed(2)}%` }));
      }
    });
  }
  return out;
}

/** The figure before 其中, else the sentence's first when words name it (not a line pdftotext moved up). */
function wholeOf(text: string, figures: Figure[]): Amount | undefined {
  const among = text.indexOf('其中');
  const whole = among >= 0 ? figures.filter((f) => f.end <= among).at(-1) : figures[0]?.subject ? figures[0] : undefined;
  return whole?.kind === 'amount' ? whole : undefined;
}
