import { type Cell, type Row, type Table, makeRow } from '../ir/table.ts';
import { isBasic, type LineItem } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { mark } from './common.ts';
import { perSignature, type BuildContext } from './context.ts';

export const HEADER_23 = [
  { label: '部门名称', key: 'name', kind: 'text' as const },
  {
    label: '年度预算申请',
    children: [
      { label: '资金总额', key: 'total' },
      {
        label: '按收入性质分',
        children: [
          { label: '一般公共预算', key: 'gpb' },
          { label: '政府性基金拨款', key: 'gf' },
          { label: '财政专户管理资金', key: 'sa' },
          { label: '其他资金', key: 'other' },
        ],
      },
      { label: '按支出性质分', children: [{ label: '基本支出', key: 'basic' }, { label: '项目支出', key: 'project' }] },
    ],
  },
  { label: '部门职能职责描述', key: 'duties', kind: 'text' as const },
  { label: '整体绩效目标', key: 'overallGoal', kind: 'text' as const },
  {
    label: '部门整体支出年度绩效目标',
    children: [
      { label: '产出指标', key: 'output', kind: 'text' as const },
      { label: '效益指标', key: 'benefit', kind: 'text' as const },
    ],
  },
];

/**
 * By source, only this year's 一般公共预算 / 政府性基金 / 财政专户 money counts as such; 其他资金 is the
 * rest, carry-over included (the seed books its 一般公共预算 carry-over there, S1).
 * Per signature: slot of its source (1 一般公共预算, 2 政府性基金, 3 财政专户), and of its kind (4 基本, 5 项目); 6 for any other.
 * Both in one number (source * 8 + kind): no array to make or read per item.
 */
const slotsOf = perSignature((li: LineItem): number =>
  (POOLS.gpbCurrent(li.fund) ? 1 : POOLS.gfCurrent(li.fund) ? 2 : POOLS.saCurrent(li.fund) ? 3 : 6) * 8 + (isBasic(li.kind) ? 4 : li.kind === '项目支出' ? 5 : 6),
);

/** [total, 一般公共预算, 政府性基金, 财政专户, 其他资金, 基本支出, 项目支出] of the budget and of each unit, in one pass. */
function amounts(ctx: BuildContext): { all: number[]; byUnit: number[][] } {
  // Slot 0 collects the total, 1–5 the slots above (6 is never read): 其他资金 is what the source slots leave.
  const all = [0, 0, 0, 0, 0, 0, 0];
  const byUnit = ctx.units.map(() => [0, 0, 0, 0, 0, 0, 0]);
  const { items, signature, cell, cellUnit } = ctx;
  for (let i = 0; i < items.length; i++) {
    const a = items[i].amount;
    const slots = slotsOf(signature[i], items[i]);
    const source = slots >> 3;
    const kind = slots & 7;
    all[0] += a;
    all[source] += a;
    all[kind] += a;
    const u = byUnit[cellUnit[cell[i]]];
    if (u === undefined) continue;
    u[0] += a;
    u[source] += a;
    u[kind] += a;
  }
  const row = (s: number[]) => [s[0], s[1], s[2], s[3], s[0] - s[1] - s[2] - s[3], s[4], s[5]];
  return { all: row(all), byUnit: byUnit.map(row) };
}

export function build23(ctx: BuildContext): Table {
  const rows: Row[] = [];
  const goals = new Map(ctx.budget.unitPerformance.map((g) => [g.unit, g]));
  // The 合计 row prints zeros as 0.00, the unit rows leave them blank (seed).
  const { all, byUnit } = amounts(ctx);
  // Cells pushed, not spread into literals (that goes through the iterator protocol, per unit).
  const total: Cell[] = ['合计：'];
  for (const a of all) total.push(a);
  total.push(null, null, null, null);
  rows.push(makeRow('total', 0, total));
  for (const [ui, u] of ctx.units.entries()) {
    const g = goals.get(u.code);
    const cells: Cell[] = [u.name];
    for (const a of byUnit[ui]) cells.push(a || null);
    cells.push(g?.duties ?? null, g?.overallGoal ?? null, g?.outputIndicators ?? null, g?.benefitIndicators ?? null);
    rows.push(makeRow('unit', 0, cells, u.code));
  }
  return {
    id: '23',
    mark: mark('23'),
    title: ' 部门整体支出绩效目标表',
    filer: ctx.filer,
    unit: '万元',
    header: HEADER_23,
    rows,
    notes: [],
    empty: ctx.items.length === 0,
  };
}
