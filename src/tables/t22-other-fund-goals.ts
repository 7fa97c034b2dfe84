import type { BuildContext } from './context.ts';
import { buildGoalsTable, type GoalsTableDef } from './performance-goals.ts';

export const t22: GoalsTableDef = {
  id: '22',
  title: '其他资金绩效目标表',
  category: '其他资金',
  codeLabel: '单位代码',
  withDirection: false,
  satisfactionLabel: '社会公益或服务对象满意度',
  notes: [],
};

export const build22 = (ctx: BuildContext) => buildGoalsTable(t22, ctx);
