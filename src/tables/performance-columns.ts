import type { ColumnNode } from '../ir/table.ts';
import { INDICATORS, type Indicator } from '../model/budget.ts';

/** 绩效指标 header of 预算21表 / 预算22表. 22 prints the last label without 指标. */
export function indicatorColumns(satisfactionLabel: string): ColumnNode {
  const leaf = (i: Indicator, label: string = i): ColumnNode => ({ label, key: `ind.${i}`, kind: 'text' });
  return {
    label: '绩效指标',
    children: [
      { label: '产出指标', children: INDICATORS.slice(0, 4).map((i) => leaf(i)) },
      {
        label: '效益指标',
        children: [...INDICATORS.slice(4, 8).map((i) => leaf(i)), leaf('社会公益或服务对象满意度指标', satisfactionLabel)],
      },
    ],
  };
}
