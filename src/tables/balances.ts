import { leaves, type Table } from '../ir/table.ts';
import type { LineItem } from '../model/budget.ts';
import type { AggregateDef } from './aggregate.ts';
import { matches, type DefColumn } from './columns.ts';
import type { BuildContext } from './context.ts';

/**
 * Adds planned year-end balances (年终结转结余) to an income table laid out by unit: a balance is
 * income of its source that is not spent this year, so it appears in income columns only.
 */
export function addYearEndBalances(
  table: Table,
  def: AggregateDef,
  ctx: BuildContext,
): Table {
  const balances = ctx.budget.yearEndBalances;
  if (!balances.length) return table;
  const defLeaves: DefColumn[] = [];
  const walk = (ns: DefColumn[]) => ns.forEach((n) => (n.children?.length ? walk(n.children) : defLeaves.push(n)));
  walk(def.columns);
  const keyIndex = new Map(leaves(table.header).map((c, i) => [c.key, i]));
  for (const b of balances) {
    const pseudo = { unit: b.unit, fund: b.fund, amount: b.amount, kind: '项目支出', functionCode: '', deptEconCode: '', govEconCode: '' } as LineItem;
    const hit = new Set<number>();
    defLeaves.forEach((l, i) => l.measure && 'match' in l.measure && matches(l.measure.match, pseudo) && hit.add(i));
    // sum columns containing a hit column, transitively
    let grew = true;
    while (grew) {
      grew = false;
      defLeaves.forEach((l, i) => {
        if (!hit.has(i) && l.measure && 'sum' in l.measure && l.measure.sum.some((k) => hit.has(keyIndex.get(k)!))) {
          hit.add(i);
          grew = true;
        }
      });
    }
    for (const row of table.rows) {
      if (row.kind === 'unit' && row.code !== b.unit) continue;
      if (row.kind !== 'unit' && row.kind !== 'department' && row.kind !== 'total') continue;
      for (const i of hit) row.cells[i] = ((row.cells[i] as number | null) ?? 0) + b.amount;
    }
  }
  return table;
}
