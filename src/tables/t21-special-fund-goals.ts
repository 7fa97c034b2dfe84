import type { BuildContext } from './context.ts';
import { buildGoalsTable, type GoalsTableDef } from './performance-goals.ts';

export const t21: GoalsTableDef = {
  id: '21',
  title: '专项资金绩效目标表',
  category: '省级专项资金',
  codeLabel: '部门代码',
  withDirection: true,
  satisfactionLabel: '社会公益或服务对象满意度指标',
  notes: ['注：部门预算中不包含对市县专项转移支付。'],
};

export const build21 = (ctx: BuildContext) => buildGoalsTable(t21, ctx);
