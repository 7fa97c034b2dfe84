/**
 * The 目录 against the document: every table it lists must be printed. The contents are the lines
 * after 目录 up to the first sentence of running text or the first heading printed a second time;
 * a listed table is there when a line outside the contents, or the title of a table read, is the
 * same title (without enumerator, year and spaces).
 */
import { normLabel, type Table } from '../../ir/table.ts';
import type { NarrativeContext } from './context.ts';
import { compactText } from './prose.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';
import { titleText } from './text-rules.ts';

/** An entry that heads the table part (第二部分 …, 部门预算表) rather than naming one table. */
const GROUP = /^第[一二三四五六七八九十]+部分|^(?:.*?(?:部门|单位))?(?:年度)?(?:预算|决算)(?:公开)?表格?$/;

/** A title as printed, without its mark (预算01表, 表1) and year. */
const shownTitle = (s: string) => titleText(s).replace(/^(?:预算\d{1,2}表|表\d{1,2})/, '').replace(/^20\d\d年度?/, '');
const bareTitle = (s: string) => normLabel(shownTitle(s));

export function checkContents(ctx: NarrativeContext, tables: Table[]): NarrativeFinding[] {
  const start = ctx.lines.findIndex((l) => compactText(l.text) === '目录');
  if (start < 0) return [];
  const seen = new Set<string>();
  const entries: { at: number; title: string }[] = [];
  let end = start + 1;
  for (; end < ctx.lines.length; end++) {
    const text = compactText(ctx.lines[end].text);
    if (!text) continue;
    if (/[，。；]/.test(text)) break;
    const title = bareTitle(ctx.lines[end].text);
    if (seen.has(title)) break;
    seen.add(title);
    entries.push({ at: end, title });
  }
  const printed = new Set([...ctx.lines.filter((_, i) => i < start || i >= end).map((l) => bareTitle(l.text)), ...tables.map((t) => bareTitle(t.title))]);
  return entries
    .filter((e) => /表$/.test(e.title) && !GROUP.test(e.title) && !printed.has(e.title))
    .map((e) => {
      const l = ctx.lines[e.at];
      return narrativeFinding('N-contents', { page: l.page, line: l.line, sentence: titleText(l.text) }, { entry: shownTitle(l.text) });
    });
}
