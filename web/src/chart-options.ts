/**
 * ECharts options of the portal's charts, built so that they are read without hovering: every bar
 * and slice carries its name, its amount in 万元 and its share (one decimal, computed from 分).
 * Names are escaped wherever they reach an HTML string (the tooltips).
 */
import type { EChartsCoreOption } from 'echarts/core';
import { toDisplayNumber } from '../../src/money/money.ts';
import { wanGrouped as wan } from './format.ts';

export const PALETTE = ['#2f6f9f', '#d9822b', '#3f9b6b', '#b94a48', '#7a5ea8', '#c2a33e', '#4aa3b5', '#8c6d46', '#d16aa0', '#6b7f8f'];

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** part / whole as a percentage with one decimal ("24.7%"); "—" when the whole is 0. */
export function share(partFen: number, wholeFen: number): string {
  if (!wholeFen) return '—';
  return `${(Math.round((partFen * 1000) / wholeFen) / 10).toFixed(1)}%`;
}

/** A change as a share of what it changed from, signed ("+0.7%"). */
export const signedShare = (changeFen: number, fromFen: number) => (fromFen ? `${changeFen > 0 ? '+' : ''}${share(changeFen, fromFen)}` : '—');

export interface Item {
  /** Stable id (a code or a slice key). */
  id: string;
  name: string;
  fen: number;
}

interface Datum {
  id: string;
  name: string;
  value: number;
  fen: number;
}
const datum = (i: Item): Datum => ({ id: i.id, name: i.name, value: toDisplayNumber(i.fen), fen: i.fen });

const tooltip = (whole: number) => ({
  trigger: 'item',
  formatter: (p: { data: Datum; seriesName?: string }) => `${escapeHtml(p.data.name)}<br/>${/^\d{4}$/.test(p.seriesName ?? '') ? `${p.seriesName}: ` : ''}${wan(p.data.fen)} (${share(p.data.fen, whole)})`,
});

/** Height for `n` bars whose names sit above them. */
export const barsHeight = (n: number) => 24 + n * 44;

/** Horizontal bars, largest first, each with "name" above it and "amount · share" after it. */
export function labelledBars(items: Item[], whole: number, unit: string): EChartsCoreOption {
  const data = [...items].sort((a, b) => b.fen - a.fen).map(datum);
  return {
    color: PALETTE,
    animation: false,
    tooltip: tooltip(whole),
    grid: { left: 4, right: 132, top: 18, bottom: 4 },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, show: false, data: data.map((d) => d.id) },
    series: [
      {
        type: 'bar',
        data,
        colorBy: 'data',
        barWidth: 14,
        cursor: 'pointer',
        // the figures after the bar; the name above it comes from the second series
        label: {
          show: true,
          position: 'right',
          color: '#1d2329',
          formatter: (p: { data: Datum }) => `${wan(p.data.fen)}${unit ? ` ${unit}` : ''} · ${share(p.data.fen, whole)}`,
        },
      },
      {
        // the names: a transparent copy of the bars whose labels sit above them
        type: 'bar',
        data,
        barWidth: 14,
        barGap: '-100%',
        silent: true,
        itemStyle: { color: 'transparent' },
        label: { show: true, position: [0, -15], color: '#1d2329', fontSize: 13, formatter: (p: { data: Datum }) => p.data.name },
        tooltip: { show: false },
      },
    ],
  };
}

/** This year beside last year for each item (grouped bars; last year's only when `withPrevious`), amounts after the bars. */
export function yearBars(items: { id: string; name: string; fen: number; previousFen?: number }[], years: [number, number], withPrevious: boolean): EChartsCoreOption {
  const total = items.reduce((s, i) => s + i.fen, 0);
  const previousTotal = items.reduce((s, i) => s + (i.previousFen ?? 0), 0);
  const series = (year: number, pick: (i: (typeof items)[number]) => number, whole: number, color: string) => ({
    type: 'bar',
    name: String(year),
    color,
    barMaxWidth: 16,
    data: items.map((i) => ({ id: i.id, name: i.name, value: toDisplayNumber(pick(i)), fen: pick(i) })),
    label: { show: true, position: 'right', formatter: (p: { data: Datum }) => `${wan(p.data.fen)}` },
    tooltip: tooltip(whole),
  });
  return {
    animation: false,
    legend: { top: 0 },
    grid: { left: 4, right: 72, top: 28, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisLabel: { width: 104, overflow: 'break', lineHeight: 14 }, axisTick: { show: false } },
    tooltip: { trigger: 'item' },
    series: [...(withPrevious ? [series(years[0], (i) => i.previousFen ?? 0, previousTotal, '#9bb7cf')] : []), series(years[1], (i) => i.fen, total, PALETTE[0])],
  };
}

/** A ring of a few parts, each labelled with name, amount and share. */
export function labelledPie(items: Item[], whole: number, unit: string): EChartsCoreOption {
  return {
    color: PALETTE,
    animation: false,
    tooltip: tooltip(whole),
    series: [
      {
        type: 'pie',
        radius: ['24%', '44%'],
        center: ['50%', '50%'],
        data: items.map(datum),
        avoidLabelOverlap: true,
        minShowLabelAngle: 0,
        // labels run to the chart's edges and wrap there, so they stay whole on a phone
        label: {
          formatter: (p: { data: Datum }) => `${p.data.name}\n${wan(p.data.fen)}${unit ? ` ${unit}` : ''} · ${share(p.data.fen, whole)}`,
          alignTo: 'edge',
          edgeDistance: 4,
          lineHeight: 16,
          overflow: 'break',
          width: 104,
        },
        labelLine: { length: 6, length2: 0 },
        labelLayout: { hideOverlap: false },
      },
    ],
  };
}

export interface TreeItem extends Item {
  children?: TreeItem[];
}

/** Rectangles sized by amount, labelled with name and amount; a click opens the next level. */
export function labelledTreemap(items: TreeItem[], whole: number, rootName: string): EChartsCoreOption {
  const node = (i: TreeItem): Datum & { children?: unknown[] } => ({ ...datum(i), ...(i.children ? { children: i.children.map(node) } : {}) });
  return {
    color: PALETTE,
    animation: false,
    tooltip: tooltip(whole),
    series: [
      {
        type: 'treemap',
        name: rootName,
        data: items.map(node),
        leafDepth: 1,
        roam: false,
        left: 0,
        right: 0,
        top: 0,
        bottom: 28,
        nodeClick: 'zoomToNode',
        breadcrumb: { show: true, bottom: 0, left: 0, itemStyle: { color: '#eef1f4', textStyle: { color: '#1d2329' } } },
        label: { show: true, overflow: 'break', formatter: (p: { data: Datum }) => `${p.data.name}\n${wan(p.data.fen)} · ${share(p.data.fen, whole)}`, fontSize: 12, lineHeight: 15 },
        // the band over an opened level names it (the root has no data: no band text)
        upperLabel: { show: true, height: 20, formatter: (p: { data?: Datum }) => (p.data?.fen !== undefined ? `${p.data.name}  ${wan(p.data.fen)}` : '') },
        itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 },
        levels: [{ itemStyle: { borderWidth: 0, gapWidth: 3 } }, { itemStyle: { gapWidth: 1 } }],
      },
    ],
  };
}
