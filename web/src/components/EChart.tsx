/**
 * An ECharts chart that follows its container's size. Only the chart types the portal uses are
 * bundled. It draws on a canvas (PNG export); the SVG export renders the same option once more
 * with the SVG renderer, off screen.
 */
import { BarChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, PieChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export interface ChartHandle {
  png(): string;
  svg(): string;
}

interface Props {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  /** A click on a data item (bar, slice, rectangle), with its data. */
  onClick?: (data: unknown) => void;
  onReady?: (h: ChartHandle | null) => void;
}

export function EChart({ option, height = 360, label, onClick, onReady }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const chart: EChartsType = init(el.current!, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    chart.on('click', (p) => click.current?.((p as { data: unknown }).data));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el.current!);
    onReady?.({
      png: () => chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
      svg: () => {
        const off = init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
        off.setOption({ ...option, animation: false, backgroundColor: '#fff' });
        const text = off.renderToSVGString();
        off.dispose();
        return text;
      },
    });
    return () => {
      onReady?.(null);
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}
