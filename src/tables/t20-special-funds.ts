import { type Cell, type Row, type Table, makeRow } from '../ir/table.ts';
import { POOLS } from '../model/funds.ts';
import { EMPTY_TABLE_NOTE, mark } from './common.ts';
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
  const records = new Map(ctx.budget.specialFunds.map((f) => [projectKey(f.unit, f.name), f]));
  const funds = projectsOf(ctx, '省级专项资金').map((p) => {
    const k = projectKey(p.unit, p.name);
    const a: Amounts = [0, 0, 0, 0, 0];
    for (const li of projectItems(ctx, p.unit, p.name) ?? []) {
      if (POOLS.gpbNonTax(li.fund)) a[1] += li.amount;
      else if (POOLS.gpbFiscalCurrent(li.fund)) a[0] += li.amount;
      else if (POOLS.gfFiscalCurrent(li.fund)) a[2] += li.amount;
      else if (POOLS.soeFiscalCurrent(li.fund)) a[3] += li.amount;
    }
    const r = records.get(k);
    if (r) {
      a[0] += r.byFinance.gpbAppropriation;
      a[1] += r.byFinance.gpbNonTax;
      a[2] += r.byFinance.govFund;
      a[3] += r.byFinance.stateCapital;
      a[4] = r.byFinance.gpbAppropriation + r.byFinance.gpbNonTax + r.byFinance.govFund + r.byFinance.stateCapital;
    }
    return { p, a, r };
  });
  /** A row's cells: `lead`, the eight amounts of `a` (zeros blank unless `zeros`), then `tail` (pushed: no spread per row). */
  const cellsOf = (lead: Cell[], a: Amounts, zeros: boolean, ...tail: Cell[]): Cell[] => {
    const total = a[0] + a[1] + a[2] + a[3];
    for (const x of [total, a[0] + a[1], a[0], a[1], a[2], a[3], total - a[4], a[4]]) lead.push(x === 0 && !zeros ? null : x);
    for (const x of tail) lead.push(x);
    return lead;
  };
  const add = (s: Amounts, a: Amounts) => s.map((x, i) => x + a[i]) as Amounts;
  const rows: Row[] = [];
  const sumAll = funds.reduce<Amounts>((s, f) => add(s, f.a), [0, 0, 0, 0, 0]);
  rows.push(makeRow('total', 0, cellsOf(['合计', null], sumAll, true, 0, 0)));
  if (funds.length) {
    const d = ctx.budget.department;
    rows.push(makeRow('department', 0, cellsOf([d.code, d.name], sumAll, false, null, null), d.code));
    for (const u of ctx.units) {
      const own = funds.filter((f) => f.p.unit === u.code);
      if (!own.length) continue;
      const s = own.reduce<Amounts>((acc, f) => add(acc, f.a), [0, 0, 0, 0, 0]);
      rows.push(makeRow('unit', 1, cellsOf([u.code, u.name], s, false, null, null), u.code));
      for (const f of own)
        rows.push(makeRow('project', 2, cellsOf([null, f.p.name], f.a, false, f.r?.managementRule ?? null, f.r?.allocationRule ?? null), undefined, u.code));
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
    notes: ['备注：本表中省级专项资金反映全貌，包括细化列入部门预算金额和列入代编预算金额。', ...(funds.length ? [] : [EMPTY_TABLE_NOTE])],
    empty: funds.length === 0,
  };
}
