/**
 * A chart with its figures as a table (a toggle) and PNG / SVG downloads. The table is the same
 * data, every row readable without the chart.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useRef, useState } from 'react';
import { useI18n } from '../i18n.ts';
import { type ChartHandle, EChart } from './EChart.tsx';

export interface ChartTable {
  head: string[];
  rows: { key: string; cells: ReactNode[]; level?: number; className?: string }[];
}

interface Props {
  title: string;
  testId: string;
  /** File name of the downloads, without extension. */
  file: string;
  option: EChartsCoreOption;
  height: number;
  table: ChartTable;
  empty?: boolean;
  /** Above the chart (a drill-down path, a note). */
  children?: ReactNode;
  onClick?: (data: unknown) => void;
}

function save(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

export function ChartCard({ title, testId, file, option, height, table, empty, children, onClick }: Props) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = useRef<ChartHandle | null>(null);
  const svg = () => {
    const url = URL.createObjectURL(new Blob([chart.current!.svg()], { type: 'image/svg+xml' }));
    save(url, `${file}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <figure className="chart-card card" data-chart={testId}>
      <figcaption>
        <span className="chart-title">{title}</span>
        {!empty && (
          <span className="chart-tools">
            <span className="segmented" role="group" aria-label={title}>
              <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
                {t('viewChart')}
              </button>
              <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                {t('viewTable')}
              </button>
            </span>
            {view === 'chart' && (
              <>
                <button type="button" className="link-button" data-download="png" onClick={() => chart.current && save(chart.current.png(), `${file}.png`)}>
                  PNG
                </button>
                <button type="button" className="link-button" data-download="svg" onClick={() => chart.current && svg()}>
                  SVG
                </button>
              </>
            )}
          </span>
        )}
      </figcaption>
      {children}
      {empty ? (
        <p className="muted empty-chart">{t('chartEmpty')}</p>
      ) : view === 'chart' ? (
        <EChart option={option} height={height} label={title} onClick={onClick} onReady={(h) => (chart.current = h)} />
      ) : (
        <div className="grid-wrap">
          <table className="grid chart-table">
            <thead>
              <tr>
                {table.head.map((h, i) => (
                  <th key={i} className={i ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key} className={r.className}>
                  {r.cells.map((c, i) =>
                    i ? (
                      <td key={i} className="num">
                        {c}
                      </td>
                    ) : (
                      <th key={i} scope="row" className={r.level ? `level-${r.level}` : undefined}>
                        {c}
                      </th>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
