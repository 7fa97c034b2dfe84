/** The overview's charts: spending by function across all departments (treemap), and the largest departments. */
import { useMemo } from 'react';
import { barsHeight, labelledBars, labelledTreemap, share, signedShare, type TreeItem } from '../chart-options.ts';
import { wanGrouped as wan } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { Overview, OverviewFunction } from '../overview.ts';
import { type ChartTable, ChartCard } from './ChartCard.tsx';

const TOP = 15;

export function OverviewCharts({ overview: o }: { overview: Overview }) {
  const { t, name, lang } = useI18n();
  const fname = (f: OverviewFunction) => `${f.code} ${name(f.name)}`;
  const options = useMemo(() => {
    const tree = (f: OverviewFunction): TreeItem => ({ id: f.code, name: fname(f), fen: f.amountFen, ...(f.children ? { children: f.children.map(tree) } : {}) });
    return {
      functions: labelledTreemap(o.functions.map(tree), o.totalFen, t('allFunctions')),
      departments: labelledBars(o.departments.slice(0, TOP).map((d) => ({ id: d.code, name: d.name, fen: d.totalFen })), o.totalFen, t('wanUnit')),
    };
  }, [o, lang]);
  const head = [t('chartItem'), t('chartAmount'), t('chartShare')];
  const fnRows: ChartTable['rows'] = [];
  const walk = (fs: OverviewFunction[], level: number) => {
    for (const f of fs) {
      fnRows.push({ key: f.code, level, cells: [fname(f), wan(f.amountFen), share(f.amountFen, o.totalFen)] });
      if (f.children && level < 1) walk(f.children, level + 1);
    }
  };
  walk(o.functions, 0);
  const yoy = o.yearOnYear;
  return (
    <div className="chart-stack">
      <ChartCard title={t('overviewFunctions')} testId="overview-functions" file={`overview-${o.year}-functions`} option={options.functions} height={460} table={{ head, rows: fnRows }} empty={!o.functions.length} />
      <ChartCard
        title={t('chartDepartments', { n: Math.min(TOP, o.departments.length) })}
        testId="overview-departments"
        file={`overview-${o.year}-departments`}
        option={options.departments}
        height={barsHeight(Math.min(TOP, o.departments.length))}
        table={{ head, rows: o.departments.map((d) => ({ key: d.code, cells: [d.name, wan(d.totalFen), share(d.totalFen, o.totalFen)] })) }}
      />
      {yoy && (
        <figure className="card chart-card">
          <figcaption>{t('overviewYoy', { year: yoy.previousYear })}</figcaption>
          <div className="grid-wrap">
            <table className="grid yoy">
              <thead>
                <tr>
                  <th>{t('chartItem')}</th>
                  <th className="num">{yoy.previousYear}</th>
                  <th className="num">{o.year}</th>
                  <th className="num">{t('yoyRatio')}</th>
                </tr>
              </thead>
              <tbody>
                <tr className="total">
                  <th scope="row">{t('total')}</th>
                  <td className="num">{wan(yoy.previousFen ?? 0)}</td>
                  <td className="num">{wan(o.totalFen)}</td>
                  <td className="num">{signedShare(o.totalFen - (yoy.previousFen ?? 0), yoy.previousFen ?? 0)}</td>
                </tr>
                {yoy.rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">{`${r.code} ${name(r.name)}`}</th>
                    <td className="num">{wan(r.previousFen)}</td>
                    <td className="num">{wan(r.currentFen)}</td>
                    <td className="num">{signedShare(r.currentFen - r.previousFen, r.previousFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      )}
    </div>
  );
}
