/**
 * Names the input supplies for function codes outside the year's list (the optional
 * `function_name` column): `行政运行`, or `农业农村/行政运行` when the 款 is unlisted too. They
 * join the list as rows of confidence `input`, so every table prints a name; a name that
 * contradicts a verified row of the list is reported instead.
 */
import { isVerified, levelOf, type Subject } from '../classification/codes.ts';
import { type Classification, withSubjects } from '../classification/classification.ts';
import type { LineItem } from './budget.ts';

export interface NameConflict {
  item: LineItem;
  code: string;
  listed: string;
  given: string;
}

/** The function codes (项 and the ancestors named before it) with their names from the items. */
export function namedByItems(c: Classification, items: LineItem[]): { subjects: Subject[]; conflicts: NameConflict[] } {
  const subjects = new Map<string, Subject>();
  const conflicts: NameConflict[] = [];
  for (const item of items) {
    if (!item.functionName) continue;
    const names = item.functionName.split('/').map((n) => n.trim()).filter(Boolean);
    const codes = [item.functionCode.slice(0, 3), item.functionCode.slice(0, 5), item.functionCode].slice(-names.length);
    names.forEach((name, i) => {
      const code = codes[i];
      const listed = c.function.get(code);
      if (listed?.name === name) return;
      if (listed && isVerified(listed.confidence)) {
        conflicts.push({ item, code, listed: listed.name, given: name });
        return;
      }
      const earlier = subjects.get(code);
      if (earlier) {
        if (earlier.name !== name) conflicts.push({ item, code, listed: earlier.name, given: name });
        return;
      }
      const where = item.source ? `${item.source.sheet ?? item.source.file} 第 ${item.source.row} 行` : '输入';
      const level = levelOf(code);
      subjects.set(code, { code, level, parent: level === '类' ? undefined : code.slice(0, -2), name, confidence: 'input', sources: `名称取自 ${where}` });
    });
  }
  return { subjects: [...subjects.values()], conflicts };
}

/** The classification with the items' names added (the same object when there are none). */
export function withItemNames(c: Classification, items: LineItem[]): Classification {
  const { subjects } = namedByItems(c, items);
  return subjects.length ? withSubjects(c, 'function', subjects) : c;
}
