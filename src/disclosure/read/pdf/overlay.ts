/**
 * Puts what the page shows back over what the text reader inferred. The text reader places each
 * row's figures by the identities and says when they fit several ways; a ruled PDF prints every
 * figure inside its column, so for the rows read cell by cell the column is known. Rows are paired
 * in order by their figures (same values, same order), which also guards against pairing a row
 * with the wrong printed row: an unpaired row keeps the text reader's placement. On unruled pages
 * the columns come from the header labels, less surely: they only settle the rows the text
 * reader found ambiguous, and only among the columns it found possible.
 */
import { leaves, type Cell, type Table } from '../../../ir/table.ts';
import type { LayoutSet } from '../../layouts/layout.ts';
import { parseMoney, type AmountUnit } from '../../../money/money.ts';
import { norm } from '../text/tokens.ts';
import type { ReadResult } from '../types.ts';
import type { PrintedRow } from './emit.ts';

/** How many printed rows may be passed over to find the one a table row was read from. */
const LOOKAHEAD = 4;

export function overlay(result: ReadResult, printed: Map<string, PrintedRow[]>, set: LayoutSet): ReadResult {
  const warnings = [...result.warnings];
  let ambiguities = result.ambiguities;
  let named: Map<string, string> | undefined;
  const codes = () => (named ??= unitCodes(result.tables));
  const tables = result.tables.map((t) => {
    const rows = printed.get(t.id);
    const layout = set.tables.find((l) => l.id === t.id);
    if (!rows?.length || !layout) return t;
    const ls = leaves(t.header);
    const zeros = new Set(layout.emptyZeros ?? []);
    const slots = ls.flatMap((c, i) => (c.kind === 'amount' || zeros.has(c.key) ? [i] : []));
    const pairs = pair(t, slots, rows);
    const name = ls.findIndex((c) => c.key === 'name');
    const resolved = new Set<number>();
    const moved: string[] = [];
    const out: Table = {
      ...t,
      rows: t.rows.map((row, i) => {
        const p = pairs.get(i);
        if (p === undefined) return row;
        const figures = rows[p].figures;
        const ambiguity = ambiguities.find((a) => a.table === t.id && a.row === i);
        // A column read from header labels only chooses among the columns the identities allow.
        if (!rows[p].exact && !(ambiguity && figures.every((f, k) => ambiguity.candidates[k]?.includes(ls[f.leaf].key)))) return row;
        const cells: Cell[] = [...row.cells];
        const before = slots.filter((s) => typeof row.cells[s] === 'number').join();
        for (const s of slots) if (typeof cells[s] === 'number') cells[s] = null;
        for (const f of figures) cells[f.leaf] = money(f.text, t.unit);
        if (ambiguity) resolved.add(i);
        else if (before !== figures.map((f) => f.leaf).join()) moved.push(String(row.code ?? cells.find((c) => typeof c === 'string') ?? i + 1));
        // The 合计 label is centred across the key columns: the text reader knows which cell holds it.
        if (layout.rows !== 'lists' && row.kind !== 'total') for (const [leaf, text] of rows[p].texts) if (text) cells[leaf] = text;
        // 预算23表 names its units without codes: a name broken over pages is whole only on the page.
        const code = row.kind === 'unit' && !row.code && name >= 0 && typeof cells[name] === 'string' ? codes().get(norm(cells[name] as string)) : undefined;
        return { ...row, ...(code ? { code } : {}), cells };
      }),
    };
    ambiguities = ambiguities.filter((a) => a.table !== t.id || !resolved.has(a.row));
    if (moved.length) warnings.push(`${t.mark}：${moved.map((m) => `「${m}」`).join('')}行的数字按版面所在列放置（与按勾稽关系推断的不同）`);
    return out;
  });
  return { ...result, tables, ambiguities, warnings };
}

/** Codes of the units and departments by name, from the tables that print both. */
function unitCodes(tables: Table[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables) {
    const name = leaves(t.header).findIndex((c) => c.key === 'name');
    if (name >= 0)
      for (const r of t.rows) if ((r.kind === 'unit' || r.kind === 'department') && r.code && typeof r.cells[name] === 'string') out.set(norm(r.cells[name] as string), r.code);
  }
  return out;
}

/** Table row index → printed row index, for rows whose figures match in value and order. */
function pair(t: Table, slots: number[], rows: PrintedRow[]): Map<number, number> {
  const out = new Map<number, number>();
  let next = 0;
  t.rows.forEach((row, i) => {
    const values = slots.flatMap((s) => (typeof row.cells[s] === 'number' ? [row.cells[s] as number] : []));
    if (!values.length) return;
    for (let j = next; j < Math.min(rows.length, next + LOOKAHEAD + 1); j++) {
      const figures = rows[j].figures;
      if (figures.length === values.length && figures.every((f, k) => money(f.text, t.unit) === values[k])) {
        out.set(i, j);
        next = j + 1;
        return;
      }
    }
  });
  return out;
}

/** A printed figure in 分 (NaN for one no amount can hold, which then pairs with nothing). */
function money(text: string, unit: AmountUnit): number {
  try {
    return parseMoney(text, unit);
  } catch {
    return NaN;
  }
}
