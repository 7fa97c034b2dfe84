/**
 * One item of the list of spending by 项 ("1、公共安全支出（204类）司法（06款）行政运行（01项）
 * 1672.67万元。主要用于：…。2025年当年预算执行数为…，2026年预算安排1672.67万元…"): the amount after
 * the item's name and the amount said to be 预算安排 must be the same figure.
 */
import { placeOf, type NarrativeContext } from './context.ts';
import { bare, type Amount } from './figures.ts';
import { enumerated } from './prose.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

const ITEM_NAME = /[（(]\d*项[）)][“”"]?$/;
const ARRANGED = /预算安排$/;

export function checkItems(ctx: NarrativeContext): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  let head: Amount | undefined;
  for (const s of ctx.sentences) {
    if (s.heading || enumerated(s.text)) head = undefined;
    for (const f of s.figures) {
      if (f.kind !== 'amount') continue;
      if (ITEM_NAME.test(s.text.slice(0, f.at))) head = f;
      else if (head && ARRANGED.test(bare(f.subject)) && Math.abs(f.value - head.value) > (f.step + head.step) / 2) {
        out.push(narrativeFinding('N-item', placeOf(s, f.at), { head: head.text, stated: f.text }));
      }
    }
  }
  return out;
}
