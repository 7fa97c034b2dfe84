/** 预算21表 and 预算22表 list the performance goals of projects, one row each. */
import { type Cell, type ColumnNode, type Row, type Table, makeRow } from '../ir/table.ts';
import { INDICATORS, type ProjectCategory } from '../model/budget.ts';
import { blankCells, EMPTY_TABLE_NOTE, mark } from './common.ts';
import type { BuildContext } from './context.ts';
import { indicatorColumns } from './performance-columns.ts';
import { fiscalCurrent, projectGoal, projectItems, projectsOf } from './projects.ts';

export interface GoalsTableDef {
  id: string;
  title: string;
  category: ProjectCategory;
  codeLabel: string;
  withDirection: boolean;
  satisfactionLabel: string;
  notes: string[];
}

const headers = new WeakMap<GoalsTableDef, ColumnNode[]>();

export function goalsHeader(def: GoalsTableDef): ColumnNode[] {
  let h = headers.get(def);
  if (!h) headers.set(def, (h = goalsHeaderOf(def)));
  return h;
}

function goalsHeaderOf(def: GoalsTableDef): ColumnNode[] {
  return [
    { label: def.codeLabel, key: 'code', kind: 'code' },
    { label: '单位（专项）名称', key: 'name', kind: 'text' },
    ...(def.withDirection ? [{ label: '支出方向', key: 'direction', kind: 'text' as const }] : []),
    { label: '资金总额', key: 'total' },
    { label: '资金投向', children: [{ label: '省级支出', key: 'provincial' }, { label: '对市县专项转移支付', key: 'transfer' }] },
    { label: '实施期绩效目标', key: 'periodGoal', kind: 'text' },
    { label: '年度绩效目标', key: 'annualGoal', kind: 'text' },
    indicatorColumns(def.satisfactionLabel),
  ];
}

/** Number of columns of a goals table. */
function goalsHeaderWidth(def: GoalsTableDef): number {
  return (def.withDirection ? 3 : 2) + 5 + INDICATORS.length;
}

/**
 * 省级支出 is the project's line items (this year's 财政拨款); 对市县专项转移支付 lies outside the
 * department budget (the note of 预算21表) and comes from the goal record; 资金总额 is both.
 */
export function buildGoalsTable(def: GoalsTableDef, ctx: BuildContext): Table {
  const rows: Row[] = [];
  const lead = (code: Cell, name: Cell, direction: Cell): Cell[] => (def.withDirection ? [code, name, direction] : [code, name]);
  const width = goalsHeaderWidth(def);
  for (const p of projectsOf(ctx, def.category)) {
    const g = projectGoal(ctx, p.unit, p.name);
    if (!g) continue;
    const provincial = fiscalCurrent(projectItems(ctx, p.unit, p.name));
    const transfer = g.transferToLocal ?? 0;
    // Cells written into an array of the row's length (pushes regrew it, per project).
    const cells = blankCells(width);
    let k = 0;
    cells[k++] = p.unit;
    cells[k++] = p.name;
    if (def.withDirection) cells[k++] = p.direction ?? null;
    cells[k++] = provincial + transfer;
    cells[k++] = provincial || null;
    cells[k++] = transfer || null;
    cells[k++] = g.periodGoal;
    cells[k++] = g.annualGoal;
    for (const i of INDICATORS) cells[k++] = g.indicators[i] ?? null;
    rows.push(makeRow('project', 0, cells, p.unit, p.unit));
  }
  const empty = rows.length === 0;
  // The seed prints an empty table as one unlabeled row "0.00 0.00" (资金总额, 省级支出) [assumed, A5].
  if (empty) rows.push(makeRow('total', 0, [...lead(null, null, null), 0, 0, null, null, null, ...INDICATORS.map(() => null)]));
  return {
    id: def.id,
    mark: mark(def.id),
    title: def.title,
    filer: ctx.filer,
    unit: '万元',
    header: goalsHeader(def),
    rows,
    notes: empty ? [...def.notes, EMPTY_TABLE_NOTE] : def.notes.slice(),
    empty,
  };
}
