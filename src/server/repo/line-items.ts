import type { Kind, LineItem } from '../../model/budget.ts';
import type { FundSource } from '../../model/funds.ts';
import { one, toSafeNumber, type Queryable } from '../db/db.ts';

/** A line item as stored: the model's LineItem plus its id and display position. */
export interface StoredLineItem extends LineItem {
  id: number;
  position: number;
}

interface Raw {
  id: string;
  position: number;
  function_code: string;
  dept_econ_code: string;
  gov_econ_code: string;
  kind: Kind;
  project: string | null;
  fund_source: FundSource;
  amount_fen: string;
}

/** `index`: the item's place in the budget's list (0-based; -1 for a single item, which then has no source). */
const fromRaw = (r: Raw, unit: string, index: number): StoredLineItem => {
  const id = toSafeNumber(r.id, 'line_items.id');
  return {
    id,
    position: r.position,
    unit,
    functionCode: r.function_code,
    deptEconCode: r.dept_econ_code,
    govEconCode: r.gov_econ_code,
    kind: r.kind,
    project: r.project ?? undefined,
    fund: r.fund_source,
    amount: toSafeNumber(r.amount_fen, 'line_items.amount_fen'),
    // findings say “明细 第 n 行”: n is the item's place in GET …/line-items, from 1
    ...(index >= 0 ? { source: { file: LINE_ITEMS_FILE, row: index + 1 } } : {}),
  };
};

export const LINE_ITEMS_FILE = '明细';

const COLUMNS = 'id, position, function_code, dept_econ_code, gov_econ_code, kind, project, fund_source, amount_fen';
const fields = (li: LineItem) => [li.functionCode, li.deptEconCode, li.govEconCode, li.kind, li.project ?? null, li.fund, li.amount];

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
      `INSERT INTO line_items (budget_id, position, function_code, dept_econ_code, gov_econ_code, kind, project, fund_source, amount_fen)
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
    `UPDATE line_items SET function_code = $3, dept_econ_code = $4, gov_econ_code = $5, kind = $6, project = $7, fund_source = $8,
       amount_fen = $9 WHERE budget_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
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
