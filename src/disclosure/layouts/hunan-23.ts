/**
 * The layout of the 23 Hunan tables (ids, titles, header trees with column keys, row layout),
 * taken from the builders themselves: building an empty budget yields every table's structure,
 * the column definitions give the sums that hold in each row, and a probe budget the columns no
 * figure can reach. Readers map disclosures onto these layouts so that the same rules check them.
 */
import type { Classification } from '../../classification/classification.ts';
import { leaves, type Table } from '../../ir/table.ts';
import type { AggregateDef } from '../../tables/aggregate.ts';
import type { DefColumn } from '../../tables/columns.ts';
import { emptyBudget } from '../../model/budget.ts';
import { buildTables } from '../../tables/index.ts';
import { t02 } from '../../tables/t02-income-summary.ts';
import { t03 } from '../../tables/t03-expenditure-summary.ts';
import { t04 } from '../../tables/t04-expenditure-by-gov-econ.ts';
import { t05 } from '../../tables/t05-expenditure-by-dept-econ.ts';
import { t07 } from '../../tables/t07-general-budget-expenditure.ts';
import { t08 } from '../../tables/t08-personnel-wages-by-gov-econ.ts';
import { t09 } from '../../tables/t09-personnel-wages-by-dept-econ.ts';
import { t10 } from '../../tables/t10-personnel-households-by-gov-econ.ts';
import { t11 } from '../../tables/t11-personnel-households-by-dept-econ.ts';
import { t12 } from '../../tables/t12-public-goods-by-gov-econ.ts';
import { t13 } from '../../tables/t13-public-goods-by-dept-econ.ts';
import { t14 } from '../../tables/t14-three-public-expenses.ts';
import { t15 } from '../../tables/t15-gov-fund-expenditure.ts';
import { t16 } from '../../tables/t16-gov-fund-by-gov-econ.ts';
import { t17 } from '../../tables/t17-gov-fund-by-dept-econ.ts';
import { t18 } from '../../tables/t18-state-capital-expenditure.ts';
import { t19 } from '../../tables/t19-special-account-expenditure.ts';
import type { LayoutSet, RowLayout, SumIdentity, TableLayout } from './layout.ts';
import { unreachableColumns } from './reachable.ts';
import { HUNAN_23_RULES } from '../../checks/index.ts';
import { HUNAN_23_HINTS } from './hunan-23-hints.ts';

export type { RowLayout, TableLayout } from './layout.ts';

const ROWS: Record<string, RowLayout> = {
  '01': 'lists', '02': 'units', '03': 'tree', '04': 'items', '05': 'items', '06': 'lists', '07': 'tree',
  '08': 'items', '09': 'items', '10': 'items', '11': 'items', '12': 'items', '13': 'items', '14': 'units',
  '15': 'tree', '16': 'items', '17': 'items', '18': 'tree', '19': 'tree', '20': 'projects', '21': 'goals',
  '22': 'goals', '23': 'units',
};

const DEFS: AggregateDef[] = [t02, t03, t04, t05, t07, t08, t09, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19];

/** The tables built without an aggregate definition state their row sums here (spec §4.1). */
const OTHER_SUMS: Record<string, SumIdentity[]> = {
  '20': [
    { key: 'total', parts: ['gpb.total', 'gf', 'soe'] },
    { key: 'gpb.total', parts: ['gpb.appropriation', 'gpb.nonTax'] },
    { key: 'total', parts: ['inBudget', 'byFinance'] },
  ],
  '21': [{ key: 'total', parts: ['provincial', 'transfer'] }],
  '22': [{ key: 'total', parts: ['provincial', 'transfer'] }],
  // 基本 + 项目 is not an identity of 23: 资金总额 also holds 事业单位经营支出 (I23-kind).
  '23': [{ key: 'total', parts: ['gpb', 'gf', 'sa', 'other'] }],
};

function sumsOf(columns: DefColumn[]): SumIdentity[] {
  const out: SumIdentity[] = [];
  const walk = (ns: DefColumn[]) =>
    ns.forEach((n) => {
      if (n.children?.length) walk(n.children);
      else if (n.measure && 'sum' in n.measure) out.push({ key: n.key!, parts: [...n.measure.sum] });
    });
  walk(columns);
  return out;
}

const SUMS: Record<string, SumIdentity[]> = { ...Object.fromEntries(DEFS.map((d) => [d.id, sumsOf(d.columns)])), ...OTHER_SUMS };

function emptyZeros(t: Table): string[] {
  const first = t.rows[0];
  return first ? leaves(t.header).flatMap((c, i) => (first.cells[i] === 0 ? [c.key] : [])) : [];
}

function listRows(t: Table): (string | null)[][] {
  const kinds = leaves(t.header).map((c) => c.kind);
  return t.rows.map((r) => r.cells.flatMap((c, i) => (kinds[i] === 'text' ? [typeof c === 'string' ? c : null] : [])));
}

export function hunan23Layouts(classification: Classification): TableLayout[] {
  const empty = buildTables(emptyBudget(classification.year, { code: '000', name: '' }), classification);
  const unreachable = unreachableColumns(classification);
  return empty.map((t) => ({
    id: t.id,
    mark: t.mark,
    title: t.title,
    header: t.header,
    rows: ROWS[t.id],
    // 13 starts at the department row; goal tables print a 合计 row only when empty.
    totalRow: t.id !== '13' && ROWS[t.id] !== 'goals',
    sums: SUMS[t.id] ?? [],
    emptyZeros: emptyZeros(t),
    unreachable: unreachable.get(t.id) ?? [],
    ...(ROWS[t.id] === 'lists' ? { listRows: listRows(t) } : {}),
  }));
}

export function hunan23(classification: Classification): LayoutSet {
  // The reader's placement hints are identities too: they are checked with the catalogue.
  const rules = [...HUNAN_23_RULES, ...HUNAN_23_HINTS];
  return { id: 'hunan-23', tables: hunan23Layouts(classification), marks: true, rules, hints: rules };
}
