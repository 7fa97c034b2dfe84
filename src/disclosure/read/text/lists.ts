/**
 * Side-by-side lists (预算01表, 预算06表): every line of the table prints entry i of each list,
 * label then amount, so the text is the layout's labels in row-major order, each followed by its
 * figure when it has one. Walking the expected labels along the text places every figure; labels
 * wrapped over lines are found because the text is compared with spaces and line breaks removed.
 */
import { norm, tokenize } from './tokens.ts';

interface Segment {
  text: string;
  /** the figure printed right after this text, if any */
  amount?: string;
}

export interface ListRead {
  /** cells per layout row: label, figure, label, figure, … (figures as printed) */
  cells: (string | null)[][];
  warnings: string[];
}

/** How far ahead (in characters) an expected label is looked for before it is given up. */
const LOOKAHEAD = 200;

export function readLists(body: string[], listRows: (string | null)[][]): ListRead {
  const segments: Segment[] = [{ text: '' }];
  for (const line of body)
    for (const t of tokenize(line)) {
      const last = segments[segments.length - 1];
      if (t.kind === 'amount') {
        if (last.amount === undefined) last.amount = t.text;
        else segments.push({ text: '', amount: t.text });
      } else if (last.amount !== undefined) segments.push({ text: norm(t.text) });
      else last.text += norm(t.text);
    }
  const warnings: string[] = [];
  let seg = 0;
  let at = 0;
  let first = true;
  const cells = listRows.map((labels) =>
    labels.flatMap((label): (string | null)[] => {
      if (label === null) return [null, null];
      const want = norm(label);
      const found = find(want);
      if (!found) {
        warnings.push(`未找到“${label}”行`);
        return [label, null];
      }
      if (found.skipped && !first) warnings.push(`“${label}”之前有无法识别的文字“${found.skipped.slice(0, 20)}”`);
      first = false;
      [seg, at] = [found.seg, found.end];
      const s = segments[seg];
      if (at === s.text.length && s.amount !== undefined) {
        const amount = s.amount;
        seg++;
        at = 0;
        return [label, amount];
      }
      return [label, null];
    }),
  );
  return { cells, warnings };

  /** The label at the cursor, else within the lookahead (in this segment, or past one stray figure in the next). */
  function find(want: string): { seg: number; end: number; skipped: string } | undefined {
    let skipped = '';
    for (let s = seg, from = at; s < segments.length && s <= seg + 1; s++, from = 0) {
      const text = segments[s].text;
      const i = text.indexOf(want, from);
      if (i >= 0 && skipped.length + i - from <= LOOKAHEAD) return { seg: s, end: i + want.length, skipped: skipped + text.slice(from, i) };
      skipped += text.slice(from) + (segments[s].amount ?? '');
    }
    return undefined;
  }
}
