/**
 * Identities between the tables of the nine-table set, as rules for the checks and as placement
 * hints for the readers. Labels are the Ministry of Finance template's; a publisher that words a
 * line differently leaves that rule not run (reported), never wrongly failed. One comparison
 * per rule, so that one missing line does not stop the others.
 */
import type { CellsRule, JoinRule, Ref } from '../../checks/rule.ts';

const rev = (label: string, table = '1', nth?: number): Ref => ({ table, row: { label, in: 'rev.label', nth }, col: 'rev.amount' });
const exp = (label: string, col = 'exp.amount', table = '1'): Ref => ({ table, row: { label, in: 'exp.label' }, col });
const total = (table: string, col: string): Ref => ({ table, row: { total: true }, col });
const cells = (id: string, formula: string, lhs: Ref, rhs: Ref): CellsRule => ({
  id,
  kind: 'cells',
  severity: 'error',
  tables: [...new Set([lhs.table, rhs.table])],
  formula,
  comparisons: [{ lhs: [lhs], rhs: [rhs] }],
});

const INCOME: [string, string][] = [
  ['一、一般公共预算拨款收入', 'gpb'],
  ['二、政府性基金预算拨款收入', 'gf'],
  ['三、国有资本经营预算拨款收入', 'soe'],
  ['四、财政专户管理资金收入', 'sa'],
  ['五、事业收入', 'shiye'],
  ['六、事业单位经营收入', 'operating'],
  ['七、上级补助收入', 'upper'],
  ['八、附属单位上缴收入', 'subsidiary'],
  ['九、其他收入', 'other'],
  ['上年结转结余', 'co'],
];

const ROWS: JoinRule['rows'] = ['total', 'class', 'section', 'item'];

export const STANDARD_9_RULES: (CellsRule | JoinRule)[] = [
  ...INCOME.map(([label, col]) => cells(`S1-2-${col}`, `表1 ${label} = 表2 合计·${label.replace(/^.、/, '')}`, rev(label), total('2', col))),
  cells('S1-3', '表1 本年支出合计 = 表3 合计', exp('本年支出合计'), total('3', 'total')),
  cells('S5-8', '表5 合计·基本支出 = 表8 合计', total('5', 'basic'), total('8', 'total')),
  cells('S4-5', '表4 本年支出·一般公共预算 = 表5 合计', exp('一、本年支出', 'exp.gpb', '4'), total('5', 'total')),
  cells('S4-1', '表4 本年一般公共预算拨款 = 表1 一般公共预算拨款收入', rev('（一）一般公共预算拨款', '4', 1), rev('一、一般公共预算拨款收入')),
  {
    id: 'S5-3',
    kind: 'join',
    severity: 'error',
    tables: ['5', '3'],
    left: '5',
    right: '3',
    op: '<=',
    pairs: [
      [['basic'], ['basic']],
      [['project'], ['project']],
    ],
    rows: ROWS,
    formula: '表5 基本支出/项目支出 ≤ 表3 对应列（逐行）',
  },
];
