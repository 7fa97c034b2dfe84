/**
 * The charts of a published package: spending by function as a sunburst (类 → 款 → 项), revenue
 * by source, basic against project spending, and the 三公 expenses. Values are 分 from the server;
 * the charts plot 万元 and the tooltips print the exact 2-decimal figure.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { toDisplayNumber } from '../../../src/money/money.ts';
import type { Charts, FunctionNode, Slice } from '../api.ts';
import { wan } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { EChart } from './EChart.tsx';

const PALETTE = ['#2f6f9f', '#d9822b', '#3f9b6b', '#b94a48', '#7a5ea8', '#c2a33e', '#4aa3b5', '#8c6d46', '#d16aa0', '#6b7f8f'];

interface Datum {
  name: string;
  value: number;
  fen: number;
}

const tooltip = { trigger: 'item', formatter: (p: { name: string; data: Datum; percent?: number }) => `${p.name}<br/>${wan(p.data.fen)}${p.percent !== undefined ? ` (${p.percent}%)` : ''}` };

export function PackageCharts({ charts }: { charts: Charts }) {
  const { t, term, lang } = useI18n();
  const options = useMemo(() => {
    const datum = (name: string, fen: number): Datum => ({ name, value: toDisplayNumber(fen), fen });
    const tree = (n: FunctionNode): Datum & { children?: unknown[] } => ({ ...datum(`${n.code} ${term(n.name)}`, n.amountFen), ...(n.children ? { children: n.children.map(tree) } : {}) });
    // a slice by the last part of its header path ("本年收入/一般公共预算" → 一般公共预算), unless that repeats
    const names = (list: Slice[]) => {
      const last = list.map((s) => s.label.split('/').at(-1)!);
      return list.map((s, i) =>
        last.indexOf(last[i]) === last.lastIndexOf(last[i]) ? term(last[i]) : s.label.split('/').filter((x) => x !== '本年收入').map(term).join(' · '),
      );
    };
    const slices = (list: Slice[]) => {
      const n = names(list);
      return list.map((s, i) => datum(n[i], s.amountFen));
    };
    const bar = (list: Slice[]) => ({
      color: PALETTE,
      tooltip: { ...tooltip, trigger: 'item' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: names(list), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{ type: 'bar', data: slices(list), colorBy: 'data', barMaxWidth: 36, label: { show: true, position: 'right', formatter: (p: { data: Datum }) => wan(p.data.fen) } }],
    });
    return {
      sunburst: {
        color: PALETTE,
        tooltip,
        series: [
          {
            type: 'sunburst',
            radius: ['12%', '95%'],
            data: charts.spendingByFunction.map(tree),
            // names only where they fit; the tooltip gives code, name and amount
            label: { minAngle: 18, overflow: 'truncate', formatter: (p: { name: string }) => p.name.replace(/^\d+ /, '') },
            levels: [
              {},
              { r0: '12%', r: '42%', label: { rotate: 'tangential', width: 80 } },
              { r0: '42%', r: '70%', label: { rotate: 'radial', width: 70 } },
              { r0: '70%', r: '95%', label: { rotate: 'radial', width: 70 } },
            ],
          },
        ],
      },
      income: {
        color: PALETTE,
        tooltip,
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: slices(charts.incomeBySource), label: { formatter: '{b}\n{d}%' } }],
      },
      kinds: {
        color: PALETTE,
        tooltip,
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: '65%', center: ['50%', '45%'], data: slices(charts.spendingByKind), label: { formatter: '{b}\n{d}%' } }],
      },
      threePublic: bar(charts.threePublic),
    };
  }, [charts, lang]); // term depends only on lang

  const panel = (title: string, list: unknown[], option: EChartsCoreOption, testId: string) => (
    <figure className="chart-card card" data-chart={testId}>
      <figcaption>{title}</figcaption>
      {list.length ? <EChart option={option} label={title} /> : <p className="muted empty-chart">{t('chartEmpty')}</p>}
    </figure>
  );
  return (
    <div className="charts">
      <p className="total-spending">{t('totalSpending', { total: wan(charts.totalSpendingFen) })}</p>
      <div className="chart-grid">
        {panel(t('chartFunction'), charts.spendingByFunction, options.sunburst, 'function')}
        {panel(t('chartIncome'), charts.incomeBySource, options.income, 'income')}
        {panel(t('chartKind'), charts.spendingByKind, options.kinds, 'kind')}
        {panel(t('chartThreePublic'), charts.threePublic, options.threePublic, 'three-public')}
      </div>
    </div>
  );
}
