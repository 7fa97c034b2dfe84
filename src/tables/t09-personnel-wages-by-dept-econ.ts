import { aggregate, type AggregateDef } from './aggregate.ts';
import { basicGpbOf } from './basic-pool.ts';
import { amount, group, ITEM_KEY_COLUMNS, sum } from './columns.ts';
import { NOTE_NO_CARRY_OVER } from './common.ts';
import type { BuildContext } from './context.ts';

const econ = (label: string, code: string) => amount(label, `e.${code}`, { deptEcon: [code] });

export const t09: AggregateDef = {
  id: '09',
  title: '一般公共预算基本支出表--人员经费(工资福利支出)(按部门预算经济分类)',
  notes: [NOTE_NO_CARRY_OVER],
  rows: 'items',
  pool: basicGpbOf('301'),
  columns: [
    ...ITEM_KEY_COLUMNS,
    sum('总  计', 'total', 'wage.total', 'social.total', 'e.30113', 'other.total'),
    group('工资津补贴', [
      sum('合计', 'wage.total', 'e.30101', 'e.30102', 'e.30103', 'e.30107'),
      econ('基本工资', '30101'),
      econ('津贴补贴', '30102'),
      econ('奖金', '30103'),
      econ('绩效工资', '30107'),
    ]),
    group('社会保障缴费', [
      sum('合计', 'social.total', 'e.30108', 'e.30109', 'e.30110', 'e.30111', 'e.30112'),
      econ('机关事业单位基本养老保险缴费', '30108'),
      econ('职业年金缴费', '30109'),
      econ('职工基本医疗保险缴费', '30110'),
      econ('公务员医疗补助缴费', '30111'),
      econ('其他社会保障缴费', '30112'),
    ]),
    econ('住房公积金', '30113'),
    group('其他工资福利支出', [
      sum('合计', 'other.total', 'e.30106', 'e.30114', 'e.30199'),
      econ('伙食补助费', '30106'),
      econ('医疗费', '30114'),
      econ('其他工资福利支出', '30199'),
    ]),
  ],
};

export const build09 = (ctx: BuildContext) => aggregate(t09, ctx);
