import type { Cell, Row, Table } from '../ir/table.ts';
import { isBasic, type LineItem } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { mark } from './common.ts';
import type { BuildContext } from './context.ts';

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
 */
function amounts(items: LineItem[]): number[] {
  let total = 0, gpb = 0, gf = 0, sa = 0, basic = 0, project = 0;
  for (const li of items) {
    total += li.amount;
    if (POOLS.gpbCurrent(li.fund)) gpb += li.amount;
    else if (POOLS.gfCurrent(li.fund)) gf += li.amount;
    else if (POOLS.saCurrent(li.fund)) sa += li.amount;
    if (isBasic(li.kind)) basic += li.amount;
    else if (li.kind === '项目支出') project += li.amount;
  }
  return [total, gpb, gf, sa, total - gpb - gf - sa, basic, project];
}

export function build23(ctx: BuildContext): Table {
  const rows: Row[] = [];
  const goals = new Map(ctx.budget.unitPerformance.map((g) => [g.unit, g]));
  // The 合计 row prints zeros as 0.00, the unit rows leave them blank (seed).
  rows.push({ kind: 'total', indent: 0, cells: ['合计：', ...amounts(ctx.items), null, null, null, null] });
  const byUnit = ctx.units.map((): LineItem[] => []);
  ctx.items.forEach((li, i) => byUnit[ctx.cellUnit[ctx.cell[i]]]?.push(li));
  for (const [ui, u] of ctx.units.entries()) {
    const items = byUnit[ui];
    const g = goals.get(u.code);
    const cells: Cell[] = [u.name, ...amounts(items).map((a) => a || null), g?.duties ?? null, g?.overallGoal ?? null, g?.outputIndicators ?? null, g?.benefitIndicators ?? null];
    rows.push({ kind: 'unit', code: u.code, indent: 0, cells });
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
