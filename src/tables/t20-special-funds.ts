import { type Cell, type Row, type Table, makeRow } from '../ir/table.ts';
import { POOLS } from '../model/funds.ts';
import { blankCells, EMPTY_TABLE_NOTE, mark } from './common.ts';
import type { BuildContext } from './context.ts';
import { projectItems, projectKey, projectsOf } from './projects.ts';

/**
 * The header tree is partly undetermined by the seed (A4): its empty 合计 row prints 10 zeros for
 * 8 amount columns. We read the two extra zeros as the 合计 row also summing the two text columns,
 * so 合计 prints 0.00 under 资金管理办法 and 分配办法 [assumed].
 */
export const HEADER_20 = [
  { label: '单位代码', key: 'code', kind: 'code' as const },
  { label: '单位名称（专项名称）', key: 'name', kind: 'text' as const },
  {
    label: '预算额度',
    children: [
      { label: '总计', key: 'total' },
      {
        label: '一般公共预算',
        children: [
          { label: '小计', key: 'gpb.total' },
          { label: '经费拨款', key: 'gpb.appropriation' },
          { label: '纳入一般公共预算管理的非税收入', key: 'gpb.nonTax' },
        ],
      },
      { label: '政府性基金', key: 'gf' },
      { label: '国有资本经营预算', key: 'soe' },
    ],
  },
  {
    label: '预算编制方式',
    children: [
      { label: '编入部门预算金额', key: 'inBudget' },
      { label: '财政代编金额', key: 'byFinance' },
    ],
  },
  { label: '资金管理办法', key: 'managementRule', kind: 'text' as const },
  { label: '分配办法', key: 'allocationRule', kind: 'text' as const },
];

type Amounts = [appropriation: number, nonTax: number, gf: number, soe: number, byFinance: number];

export function build20(ctx: BuildContext): Table {
  const projects = projectsOf(ctx, '省级专项资金');
  // Most units have no special funds: no index of the records, no lists, only the 合计 row of zeros.
  const records = projects.length ? new Map(ctx.budget.specialFunds.map((f) => [projectKey(f.unit, f.name), f])) : undefined;
  const funds = projects.map((p) => {
    const a: Amounts = [0, 0, 0, 0, 0];
    for (const li of projectItems(ctx, p.unit, p.name) ?? []) {
      if (POOLS.gpbNonTax(li.fund)) a[1] += li.amount;
      else if (POOLS.gpbFiscalCurrent(li.fund)) a[0] += li.amount;
      else if (POOLS.gfFiscalCurrent(li.fund)) a[2] += li.amount;
      else if (POOLS.soeFiscalCurrent(li.fund)) a[3] += li.amount;
    }
    const r = records!.get(projectKey(p.unit, p.name));
    if (r) {
      a[0] += r.byFinance.gpbAppropriation;
      a[1] += r.byFinance.gpbNonTax;
      a[2] += r.byFinance.govFund;
      a[3] += r.byFinance.stateCapital;
      a[4] = r.byFinance.gpbAppropriation + r.byFinance.gpbNonTax + r.byFinance.govFund + r.byFinance.stateCapital;
    }
    return { p, a, r };
  });
  const rows: Row[] = [];
  const sumAll: Amounts = [0, 0, 0, 0, 0];
  for (const f of funds) addTo(sumAll, f.a);
  rows.push(makeRow('total', 0, cellsOf('合计', null, sumAll, true, 0, 0)));
  if (funds.length) {
    const d = ctx.budget.department;
    rows.push(makeRow('department', 0, cellsOf(d.code, d.name, sumAll, false, null, null), d.code));
    for (const u of ctx.units) {
      const own = funds.filter((f) => f.p.unit === u.code);
      if (!own.length) continue;
      const s: Amounts = [0, 0, 0, 0, 0];
      for (const f of own) addTo(s, f.a);
      rows.push(makeRow('unit', 1, cellsOf(u.code, u.name, s, false, null, null), u.code));
      for (const f of own)
        rows.push(makeRow('project', 2, cellsOf(null, f.p.name, f.a, false, f.r?.managementRule ?? null, f.r?.allocationRule ?? null), undefined, u.code));
    }
  }
  return {
    id: '20',
    mark: mark('20'),
    title: '省级专项资金预算汇总表',
    filer: ctx.filer,
    unit: '万元',
    header: HEADER_20,
    rows,
    notes: funds.length ? [NOTE_20] : [NOTE_20, EMPTY_TABLE_NOTE],
    empty: funds.length === 0,
  };
}

const NOTE_20 = '备注：本表中省级专项资金反映全貌，包括细化列入部门预算金额和列入代编预算金额。';

/** Adds the amounts of `a` into `s`. */
function addTo(s: Amounts, a: Amounts): void {
  for (let i = 0; i < s.length; i++) s[i] += a[i];
}

/** A row's cells: code and name, the eight amounts of `a` (zeros blank unless `zeros`), then the two text columns. */
function cellsOf(code: Cell, name: Cell, a: Amounts, zeros: boolean, rule: Cell, allocation: Cell): Cell[] {
  const cells = blankCells(12);
  const total = a[0] + a[1] + a[2] + a[3];
  const amount = (x: number) => (x === 0 && !zeros ? null : x);
  cells[0] = code;
  cells[1] = name;
  cells[2] = amount(total);
  cells[3] = amount(a[0] + a[1]);
  cells[4] = amount(a[0]);
  cells[5] = amount(a[1]);
  cells[6] = amount(a[2]);
  cells[7] = amount(a[3]);
  cells[8] = amount(total - a[4]);
  cells[9] = amount(a[4]);
  cells[10] = rule;
  cells[11] = allocation;
  return cells;
}
