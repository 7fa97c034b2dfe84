import type { LineItem } from '../../model/budget.ts';
import { AMOUNT_FIELD, fieldText, STORED_FIELDS, withFieldText } from '../../model/line-item-fields.ts';
import { one, toSafeNumber, type Queryable } from '../db/db.ts';

/** A line item as stored: the model's LineItem plus its id and display position. */
export interface StoredLineItem extends LineItem {
  id: number;
  position: number;
}

/** A stored row: the field table's SQL columns (text), plus id, position and amount_fen. */
type Raw = Record<string, string | null> & { id: string; position: number; amount_fen: string };

/** `index`: the item's place in the budget's list (0-based; -1 for a single item, which then has no source). */
const fromRaw = (r: Raw, unit: string, index: number): StoredLineItem => {
  const li: Partial<LineItem> = { unit, amount: toSafeNumber(r.amount_fen, 'line_items.amount_fen') };
  for (const f of STORED_FIELDS) withFieldText(li, f, r[f.sql!] ?? '');
  return {
    id: toSafeNumber(r.id, 'line_items.id'),
    position: r.position,
    ...(li as LineItem),
    // findings say “明细 第 n 行”: n is the item's place in GET …/line-items, from 1
    ...(index >= 0 ? { source: { file: LINE_ITEMS_FILE, row: index + 1 } } : {}),
  };
};

export const LINE_ITEMS_FILE = '明细';

/** Optional fields are stored as NULL when absent. */
const SQL_COLUMNS = [...STORED_FIELDS.map((f) => f.sql!), AMOUNT_FIELD.sql];
const COLUMNS = ['id', 'position', ...SQL_COLUMNS].join(', ');
const fields = (li: LineItem) => [...STORED_FIELDS.map((f) => (f.optional && f.key !== 'govEconCode' ? fieldText(li, f) || null : fieldText(li, f))), li.amount];

export async function listLineItems(q: Queryable, budgetId: number, unit: string): Promise<StoredLineItem[]> {
  const rows = await q.query<Raw>(`SELECT ${COLUMNS} FROM line_items WHERE budget_id = $1 ORDER BY position, id`, [budgetId]);
  return rows.map((r, i) => fromRaw(r, unit, i));
}

export async function getLineItem(q: Queryable, budgetId: number, id: number, unit: string): Promise<StoredLineItem | undefined> {
  const r = await one<Raw>(q, `SELECT ${COLUMNS} FROM line_items WHERE budget_id = $1 AND id = $2`, [budgetId, id]);
  return r && fromRaw(r, unit, -1);
}

const CHUNK = 500;

/** Inserts items at positions `from`, `from + 1`, … in multi-row statements. */
export async function insertLineItems(q: Queryable, budgetId: number, items: LineItem[], from = 0): Promise<StoredLineItem[]> {
  const out: StoredLineItem[] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((li, i) => {
      const row = [budgetId, from + start + i, ...fields(li)];
      const base = params.length;
      params.push(...row);
      return `(${row.map((_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    const rows = await q.query<Raw>(
      `INSERT INTO line_items (budget_id, position, ${SQL_COLUMNS.join(', ')})
       VALUES ${values.join(', ')} RETURNING ${COLUMNS}`,
      params,
    );
    out.push(...rows.map((r) => fromRaw(r, chunk[0].unit, -1)));
  }
  return out;
}

export async function nextPosition(q: Queryable, budgetId: number): Promise<number> {
  return (await one<{ n: number }>(q, 'SELECT COALESCE(max(position) + 1, 0)::int AS n FROM line_items WHERE budget_id = $1', [budgetId]))!.n;
}

export async function updateLineItem(q: Queryable, budgetId: number, id: number, li: LineItem): Promise<StoredLineItem | undefined> {
  const r = await one<Raw>(
    q,
    `UPDATE line_items SET ${SQL_COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ')} WHERE budget_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [budgetId, id, ...fields(li)],
  );
  return r && fromRaw(r, li.unit, -1);
}

export async function deleteLineItem(q: Queryable, budgetId: number, id: number): Promise<boolean> {
  return (await q.query('DELETE FROM line_items WHERE budget_id = $1 AND id = $2 RETURNING id', [budgetId, id])).length > 0;
}

export async function deleteAllLineItems(q: Queryable, budgetId: number) {
  await q.query('DELETE FROM line_items WHERE budget_id = $1', [budgetId]);
}
