/**
 * Items of spending by 项 against the function-classified 一般公共预算 table: "公共安全支出（204类）
 * 司法（06款）行政运行（01项）1672.67万元" (a budget) or "一般公共服务支出（类）财政事务（款）行政运行
 * （项）… 支出决算为1511.89万元" (a 决算) must be what the table prints in that 项's row, found by
 * its code, or by its name under its 款 and 类 when the text gives no code.
 */
import type { Table } from '../../ir/table.ts';
import { formatMoney } from '../../money/money.ts';
import { placeOf, type NarrativeContext } from './context.ts';
import { bare } from './figures.ts';
import { Lookup } from './lookup.ts';
import { enumerated } from './prose.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

const GPB_TABLE = /一般公共预算.*支出.*表/;
const NOT_GPB_TABLE = /基本支出|三公|经济分类|收(?:入)?支(?:出)?/;
const ITEM = /([^（(，。、：:“”"]+?)[（(](\d{3})?类[）)]([^（(]+?)[（(](\d{2})?款[）)]([^（(]+?)[（(](\d{2})?项[）)][“”"]?/;
const OUTTURN = /支出决算(?:数)?$/;

export function checkItemTables(ctx: NarrativeContext, tables: Table[]): NarrativeFinding[] {
  const lookup = new Lookup(tables);
  const table = lookup.titled(GPB_TABLE, NOT_GPB_TABLE)[0];
  if (!table) return [];
  const out: NarrativeFinding[] = [];
  let item: { code?: string; names: [string, string, string] } | undefined;
  for (const s of ctx.sentences) {
    if (s.heading || enumerated(s.text)) item = undefined;
    const m = ITEM.exec(s.text);
    if (m && enumerated(s.text)) item = { code: m[2] && m[4] && m[6] ? m[2] + m[4] + m[6] : undefined, names: [m[1], m[3], m[5]] };
    if (!item) continue;
    for (const f of s.figures) {
      if (f.kind !== 'amount') continue;
      const named = m && f.at === m.index + m[0].length;
      if (!named && !OUTTURN.test(bare(f.subject))) continue;
      const hit = lookup.item(table, item, ['合计']) ?? lookup.item(table, item, []);
      if (!hit || Math.abs(f.value - hit.value) <= (f.step + hit.precision) / 2) continue;
      out.push(
        narrativeFinding(
          'N-figure',
          placeOf(s, f.at),
          {
            label: `${item.names[2]}（项）`,
            labelEn: `item ${item.code ?? item.names[2]}`,
            stated: f.text,
            table: table.title.replace(/\s+/g, ''),
            cell: `${hit.rowLabel}·${hit.columnLabel}`,
            actual: `${formatMoney(hit.value, table.unit, 2)}${table.unit}`,
          },
          { table: table.id, row: hit.row, rowLabel: hit.rowLabel, column: hit.columnKey, columnLabel: hit.columnLabel, expected: hit.value, found: f.value },
        ),
      );
    }
  }
  return out;
}
