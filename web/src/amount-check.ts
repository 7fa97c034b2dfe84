/** What the grid says about a typed 万元 amount before it is sent. */
import { parseMoney } from '../../src/money/money.ts';
import type { Key } from './i18n.ts';

/** What is wrong with a typed 万元 amount, as a key of the UI strings; null when it can be saved. */
export function amountProblemKey(text: string): Key | null {
  let fen: number;
  try {
    fen = parseMoney(text, '万元');
  } catch {
    const s = text.trim().replace(/[,，\s]/g, '');
    const decimals = (/^[-+]?\d*\.(\d+)$/.exec(s)?.[1] ?? '').replace(/0+$/, '');
    return decimals.length > 6 ? 'cellTooPrecise' : 'cellNotNumber';
  }
  return fen <= 0 ? 'cellNegative' : null;
}
