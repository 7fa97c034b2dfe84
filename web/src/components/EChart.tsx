/** An ECharts chart that follows its container's size. Only the chart types the portal uses are bundled. */
import { BarChart, PieChart, SunburstChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, PieChart, SunburstChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function EChart({ option, height = 360, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = init(el.current!, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}
