import type { LineItem } from '../model/budget.ts';
import { POOLS } from '../model/funds.ts';
import { isBasic } from '../model/budget.ts';

/** 预算08–13表: this year's 一般公共预算 basic spending of one economic class (不含上年结转结余). */
export const basicGpbOf = (cls: string) => (li: LineItem) =>
  isBasic(li.kind) && POOLS.gpbFiscalCurrent(li.fund) && li.deptEconCode.startsWith(cls);
