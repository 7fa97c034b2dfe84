import { type Cell, type Row, type Table, makeRow } from '../ir/table.ts';
import { isBasic, type LineItem, type UnitPerformance } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { blankCells, mark } from './common.ts';
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

/** Sums by slot (0 total, 1–5 the slots above) of the budget and of each unit, in one pass. */
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
  return { all, byUnit };
}

/**
 * Writes [total, 一般公共预算, 政府性基金, 财政专户, 其他资金, 基本支出, 项目支出] of slot sums `s` into
 * cells 1–7 (zeros blank when `blankZeros`): 其他资金 is what the source slots leave.
 */
function writeAmounts(cells: Cell[], s: number[], blankZeros: boolean): void {
  const put = (k: number, a: number) => (cells[k] = blankZeros ? a || null : a);
  put(1, s[0]);
  put(2, s[1]);
  put(3, s[2]);
  put(4, s[3]);
  put(5, s[0] - s[1] - s[2] - s[3]);
  put(6, s[4]);
  put(7, s[5]);
}

/** The unit's goals record: the last one listed for it, as a Map built from the list would keep. */
function goalsOf(records: UnitPerformance[], unit: string): UnitPerformance | undefined {
  for (let i = records.length - 1; i >= 0; i--) if (records[i].unit === unit) return records[i];
  return undefined;
}

/** Name, seven amounts, four goal texts. */
const WIDTH = 12;

export function build23(ctx: BuildContext): Table {
  const rows: Row[] = [];
  // The 合计 row prints zeros as 0.00, the unit rows leave them blank (seed).
  const { all, byUnit } = amounts(ctx);
  // Cells written into arrays of the row's length: no pushes, no lists of amounts per row.
  const total = blankCells(WIDTH);
  total[0] = '合计：';
  writeAmounts(total, all, false);
  rows.push(makeRow('total', 0, total));
  for (let ui = 0; ui < ctx.units.length; ui++) {
    const u = ctx.units[ui];
    const g = goalsOf(ctx.budget.unitPerformance, u.code);
    const cells = blankCells(WIDTH);
    cells[0] = u.name;
    writeAmounts(cells, byUnit[ui], true);
    cells[8] = g?.duties ?? null;
    cells[9] = g?.overallGoal ?? null;
    cells[10] = g?.outputIndicators ?? null;
    cells[11] = g?.benefitIndicators ?? null;
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
