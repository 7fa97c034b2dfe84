/**
 * The charts of a published package, each readable without hovering and each with a table view
 * and PNG/SVG downloads: spending by function as labelled bars that open 类 → 款 → 项, income by
 * its top sources, basic against project spending, and 三公 beside last year's.
 */
import { useMemo, useState } from 'react';
import type { Charts, FunctionNode, Slice } from '../api.ts';
import { barsHeight, labelledBars, labelledPie, share, yearBars } from '../chart-options.ts';
import { wanGrouped as wan } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { type ChartTable, ChartCard } from './ChartCard.tsx';

export function PackageCharts({ charts, previous, year, file }: { charts: Charts; previous?: Charts; year: number; file: string }) {
  const { t, term, name, lang } = useI18n();
  const [path, setPath] = useState<FunctionNode[]>([]);
  const level = path.length ? path.at(-1)!.children ?? [] : charts.spendingByFunction;
  const levelWhole = level.reduce((s, n) => s + n.amountFen, 0);
  const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);
  const unit = t('wanUnit');
  const fname = (n: FunctionNode) => `${n.code} ${name(n.name)}`;
  // a slice by the last part of its header path ("公务用车购置及运行费/公务用车购置费" → 公务用车购置费)
  const sliceName = (s: Slice) => term(s.label.split('/').at(-1)!);

  const options = useMemo(() => {
    const income = charts.incomeByGroup ?? charts.incomeBySource;
    const prev = new Map((previous?.threePublic ?? []).map((s) => [s.key, s.amountFen]));
    const threeKeys = [...new Set([...charts.threePublic.map((s) => s.key), ...prev.keys()])];
    const threeLabel = new Map([...(previous?.threePublic ?? []), ...charts.threePublic].map((s) => [s.key, sliceName(s)]));
    return {
      fn: labelledBars(level.map((n) => ({ id: n.code, name: fname(n), fen: n.amountFen })), levelWhole, unit),
      income: labelledPie(income.map((s) => ({ id: s.key, name: sliceName(s), fen: s.amountFen })), sum(income), unit),
      kinds: labelledPie(charts.spendingByKind.map((s) => ({ id: s.key, name: sliceName(s), fen: s.amountFen })), sum(charts.spendingByKind), unit),
      three: yearBars(
        threeKeys.map((k) => ({ id: k, name: threeLabel.get(k)!, fen: charts.threePublic.find((s) => s.key === k)?.amountFen ?? 0, previousFen: prev.get(k) ?? 0 })),
        [year - 1, year],
        !!previous,
      ),
      threeKeys,
    };
  }, [charts, previous, level, lang]);

  const head = [t('chartItem'), t('chartAmount'), t('chartShare')];
  const sliceTable = (list: Slice[]): ChartTable => {
    const whole = sum(list);
    return {
      head,
      rows: [
        ...list.map((s) => ({ key: s.key, cells: [s.label.split('/').map(term).join(' · '), wan(s.amountFen), share(s.amountFen, whole)] })),
        { key: 'total', className: 'total', cells: [t('total'), wan(whole), share(whole, whole)] },
      ],
    };
  };
  const fnRows: ChartTable['rows'] = [];
  const walk = (ns: FunctionNode[], depth: number) => {
    for (const n of ns) {
      fnRows.push({ key: n.code, level: depth, cells: [fname(n), wan(n.amountFen), share(n.amountFen, charts.totalSpendingFen)] });
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(charts.spendingByFunction, 0);
  const threeTable: ChartTable = {
    head: [t('chartItem'), String(year - 1), String(year), t('yoyChange')],
    rows: options.threeKeys.map((k) => {
      const now = charts.threePublic.find((s) => s.key === k);
      const before = previous?.threePublic.find((s) => s.key === k);
      const label = (now ?? before)!;
      const d = (now?.amountFen ?? 0) - (before?.amountFen ?? 0);
      return { key: k, cells: [sliceName(label), previous ? wan(before?.amountFen ?? 0) : '—', wan(now?.amountFen ?? 0), previous ? `${d > 0 ? '+' : ''}${wan(d)}` : '—'] };
    }),
  };

  return (
    <div className="charts">
      <p className="total-spending">{t('totalSpending', { total: wan(charts.totalSpendingFen) })}</p>
      {lang === 'en' && <p className="muted small">{t('noEnglishNote')}</p>}
      <div className="chart-grid">
        <ChartCard
          title={t('chartFunction')}
          testId="function"
          file={`${file}-function`}
          option={options.fn}
          height={barsHeight(level.length)}
          table={{ head, rows: fnRows }}
          empty={!charts.spendingByFunction.length}
          onClick={(d) => {
            const n = level.find((x) => x.code === (d as { id?: string }).id);
            if (n?.children) setPath([...path, n]);
          }}
        >
          <nav className="drill" aria-label={t('chartFunction')}>
            <button type="button" className="link-button" disabled={!path.length} onClick={() => setPath([])}>
              {t('allFunctions')}
            </button>
            {path.map((n, i) => (
              <span key={n.code}>
                {' › '}
                <button type="button" className="link-button" disabled={i === path.length - 1} onClick={() => setPath(path.slice(0, i + 1))}>
                  {fname(n)}
                </button>
              </span>
            ))}
            {level.some((n) => n.children) && <span className="muted"> · {t('drillHint')}</span>}
          </nav>
        </ChartCard>
        <ChartCard title={t('chartIncome')} testId="income" file={`${file}-income`} option={options.income} height={340} table={sliceTable(charts.incomeBySource)} empty={!charts.incomeBySource.length} />
        <ChartCard title={t('chartKind')} testId="kind" file={`${file}-kind`} option={options.kinds} height={300} table={sliceTable(charts.spendingByKind)} empty={!charts.spendingByKind.length} />
        <ChartCard
          title={t('chartThreePublic')}
          testId="three-public"
          file={`${file}-three-public`}
          option={options.three}
          height={60 + options.threeKeys.length * (previous ? 56 : 36)}
          table={threeTable}
          empty={!options.threeKeys.length}
        >
          {!previous && <p className="muted small">{t('noPreviousYear', { year: year - 1 })}</p>}
        </ChartCard>
      </div>
    </div>
  );
}
