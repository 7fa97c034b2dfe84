/**
 * Rebuilds table rows from the body lines of a section. A row starts with 合计, a department
 * (3-digit code), a unit (6 digits), a function 类/款/项 (3 / 5 or 2 / 7 digits in tree tables;
 * `206 03 01` in item tables) or, in goal tables, a unit code; every following line up to the next
 * start continues it (names wrapped over lines are joined back). Tables whose rows carry no code
 * (预算20表's projects, 预算23表's units) start a row where figures follow a name after a row that
 * already has its figures.
 */
import { leaves, type RowKind } from '../../../ir/table.ts';
import type { TableLayout } from '../../layouts/layout.ts';
import { compact, norm, tokenize, type Token } from './tokens.ts';

export interface ParsedRow {
  kind: RowKind;
  /** Function, unit or department code. */
  code?: string;
  /** Unit of a function or project row. */
  unit?: string;
  /** Codes as printed (tree: [code]; items: [类, 款, 项]). */
  printed: string[];
  /** 合计 label as printed. */
  label?: string;
  name: string[];
  amounts: string[];
  /** Text after the figures (goal and rule texts), one entry per line. */
  texts: string[];
}

export interface RowContext {
  layout: TableLayout;
  /** Whether a 3-digit code is a 类 of the table's code list. */
  isClass: (code: string) => boolean;
  /** Normalised names of units and departments seen in other tables, with their codes. */
  knownNames: Map<string, string>;
}

const TOTAL = /^(合计|总计)[:：]?$/;
const NOTE = /^(注|备注)\s*\d*\s*[:：]/;

export function splitNotes(lines: string[]): { body: string[]; notes: string[] } {
  const at = lines.findIndex((l) => NOTE.test(l.trim()));
  if (at < 0) return { body: lines, notes: [] };
  const notes: string[] = [];
  for (const l of lines.slice(at)) {
    const s = l.trim();
    if (!s) continue;
    if (NOTE.test(s) || !notes.length) notes.push(s);
    else notes[notes.length - 1] += s;
  }
  return { body: lines.slice(0, at), notes };
}

export function parseRows(body: string[], ctx: RowContext): ParsedRow[] {
  const { layout } = ctx;
  const goals = layout.rows === 'goals';
  const nameRows = layout.rows === 'projects' || leaves(layout.header)[0]?.kind !== 'code';
  const rows: ParsedRow[] = [];
  let cur: ParsedRow | undefined;
  let unit: string | undefined;
  let cls = '';
  body.forEach((line) => {
    const toks = tokenize(line);
    if (!toks.length) return;
    // In item tables the unit code of a 项 row may stand on a line of its own.
    const unitCodeOfItem = layout.rows === 'items' && cur?.kind === 'item' && !cur.unit && toks[0].kind === 'code' && toks[0].text.length === 6;
    const start = unitCodeOfItem ? undefined : startOf(toks, ctx, cur?.kind, cls);
    if (start) {
      if (cur) rows.push(cur);
      cur = { kind: start.kind, code: start.code, printed: start.printed, label: start.label, name: [], amounts: [], texts: [] };
      if (start.kind === 'unit') unit = start.code;
      if (start.kind === 'class') cls = start.code!;
      if (start.kind === 'class' || start.kind === 'section' || (start.kind === 'item' && layout.rows === 'tree') || start.kind === 'project') cur.unit = unit;
      if (goals && start.kind === 'project') cur.unit = start.code;
      feed(cur, toks.slice(start.used));
      return;
    }
    if (!cur) {
      // Figures before any row label: the unlabeled 合计 row of an empty goal table (预算21表).
      if (toks.some((t) => t.kind === 'amount')) {
        cur = { kind: 'total', printed: [], name: [], amounts: [], texts: [] };
        feed(cur, toks);
      }
      return;
    }
    const lead = toks.findIndex((t) => t.kind === 'amount');
    const closed = cur.amounts.length > 0 && (cur.texts.length > 0 || lead > 0);
    if (nameRows && lead >= 0 && closed) {
      const next: ParsedRow = { kind: layout.rows === 'projects' ? 'project' : 'unit', printed: [], name: [], amounts: [], texts: [] };
      next.name = takeName(cur, toks.slice(0, lead).map((t) => t.text), ctx.knownNames);
      if (next.kind === 'project') next.unit = unit;
      else next.code = ctx.knownNames.get(norm(next.name.join('')));
      rows.push(cur);
      cur = next;
      feed(cur, toks.slice(Math.max(lead, 0)));
      return;
    }
    feed(cur, toks);
  });
  if (cur) rows.push(cur);
  return rows.filter((r) => r.amounts.length || (goals && r.code));

  function feed(row: ParsedRow, toks: Token[]) {
    const text: string[] = [];
    for (const t of toks) {
      if (row.kind === 'item' && layout.rows === 'items' && !row.unit && t.kind === 'code' && t.text.length === 6) {
        row.unit = t.text;
        continue;
      }
      if (t.kind === 'amount' && !(row.texts.length || text.length)) row.amounts.push(t.text);
      else if (row.amounts.length && (goals || nameRows)) text.push(t.text);
      else row.name.push(t.text);
    }
    if (text.length) row.texts.push(text.join(' '));
  }
}

/**
 * The name of a row that starts where figures follow text: the text before the figures on their
 * line, plus as many trailing text lines of the previous row as make a known name (all of them
 * after a 合计 row, which has no text cells; else the last line when nothing is on the figures' line).
 */
function takeName(prev: ParsedRow, sameLine: string[], known: Map<string, string>): string[] {
  const lines = prev.texts;
  for (let n = Math.min(3, lines.length); n >= 0; n--) {
    if (known.has(norm([...lines.slice(lines.length - n), ...sameLine].join('')))) return [...lines.splice(lines.length - n), ...sameLine];
  }
  if (prev.kind === 'total') return [...lines.splice(0), ...sameLine];
  return sameLine.length ? sameLine : lines.splice(-1);
}

interface Start {
  kind: RowKind;
  code?: string;
  printed: string[];
  label?: string;
  used: number;
}

function startOf(toks: Token[], ctx: RowContext, prevKind: RowKind | undefined, cls: string): Start | undefined {
  const { rows } = ctx.layout;
  const firstFigure = toks.findIndex((t) => t.kind !== 'text');
  const lead = toks.slice(0, firstFigure < 0 ? toks.length : firstFigure);
  if (lead.length && lead.length <= 3 && TOTAL.test(compact(lead.map((t) => t.text).join('')))) {
    return { kind: 'total', printed: [], label: lead.map((t) => t.text).join(''), used: lead.length };
  }
  const [a, b, c] = toks;
  if (a.kind !== 'code') return undefined;
  if (rows === 'items' && b?.kind === 'code' && c?.kind === 'code' && a.text.length === 3 && b.text.length === 2 && c.text.length === 2)
    return { kind: 'item', code: a.text + b.text + c.text, printed: [a.text, b.text, c.text], used: 3 };
  const code = a.text;
  const at = (kind: RowKind, full = code): Start => ({ kind, code: full, printed: [code], used: 1 });
  if (rows === 'goals') return code.length === 6 || code.length === 3 ? at('project') : undefined;
  if (code.length === 6) return at('unit');
  if (code.length === 3) {
    const underUnit = ctx.layout.orgRows === false || (prevKind !== undefined && prevKind !== 'total' && prevKind !== 'department');
    return rows === 'tree' && underUnit && ctx.isClass(code) ? at('class') : at('department');
  }
  if (rows !== 'tree') return undefined;
  if (code.length === 5) return at('section');
  if (code.length === 7) return at('item');
  if (code.length === 2 && cls) return at('section', cls + code);
  return undefined;
}
