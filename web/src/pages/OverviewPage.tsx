/**
 * The province overview: all published departments side by side with their totals, spending by
 * function across departments, the whole against last year, and a search by department, unit or
 * function; every name links down to the department's or the unit's package.
 */
import { lazy, Suspense, useState } from 'react';
import { get } from '../api.ts';
import { share, signedShare } from '../chart-options.ts';
import { useLoad } from '../components/common.tsx';
import { wanGrouped as wan } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { type Overview, type OverviewDepartment, searchOverview } from '../overview.ts';
import { Link, navigate } from '../router.tsx';
import { PageLoadError } from './ErrorPages.tsx';

// ECharts is large: loaded only for the chart
const OverviewCharts = lazy(() => import('../components/OverviewCharts.tsx').then((m) => ({ default: m.OverviewCharts })));

/** Departments listed before "show all" (the largest; a search lists every match). */
const SHOWN = 20;

const change = (now: number, before: number | null) => (before === null ? '—' : signedShare(now - before, before));

export function OverviewPage({ year }: { year?: number }) {
  const { t, name } = useI18n();
  const data = useLoad(() => get<Overview>(`/api/public/overview${year ? `?year=${year}` : ''}`), [year]);
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  if (data.error && !data.data) return <PageLoadError error={data.error} onReload={data.reload} />;
  if (!data.data) return <section className="page"><p className="muted">{t('loading')}</p></section>;
  const o = data.data;
  const found = searchOverview(o, query, name);
  const units = o.departments.reduce((s, d) => s + d.units.length, 0);
  const yoy = o.yearOnYear;
  return (
    <section className="page overview">
      <div className="page-head">
        <h1>{t('overviewTitle', { year: o.year })}</h1>
        {o.years.length > 1 && (
          <label className="inline">
            {t('overviewYear')}
            <select value={o.year} onChange={(e) => navigate(`/public/overview?year=${e.target.value}`, { replace: true })}>
              {o.years.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted">{t('overviewIntro')}</p>
      <div className="figures">
        <p className="figure" data-testid="overview-total">
          <span className="label">{t('overviewTotal')}</span>
          <span className="value">{wan(o.totalFen)}</span>
          <span className="unit">{t('amountUnit')}</span>
        </p>
        <p className="figure">
          <span className="label">{t('overviewCounts', { d: o.departments.length, u: units })}</span>
        </p>
        {yoy && (
          <p className="figure">
            <span className="label">{t('overviewYoy', { year: yoy.previousYear })}</span>
            <span className="value">{change(o.totalFen, yoy.previousFen)}</span>
            <span className="unit">
              {wan(yoy.previousFen ?? 0)} → {wan(o.totalFen)}
            </span>
          </p>
        )}
      </div>
      <input className="search" type="search" value={query} placeholder={t('overviewSearch')} aria-label={t('overviewSearch')} onChange={(e) => setQuery(e.target.value)} />
      {found.functions.map(({ fn, departments }) => (
        <section key={fn.code} className="card function-hit" data-function={fn.code}>
          <h2>{t('overviewFunctionIn', { name: `${fn.code} ${name(fn.name)}` })}</h2>
          <ol className="rank">
            {departments.slice(0, 20).map(({ dept, fen }) => (
              <li key={dept.code}>
                <Link to={`/public/departments/${dept.code}/${o.year}`}>{dept.name}</Link>
                <span className="num">
                  {wan(fen)} · {share(fen, fn.amountFen)}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section className="card">
        <h2>{t('overviewDepartments')}</h2>
        {found.departments.length === 0 && found.functions.length === 0 && <p className="muted">{t('overviewNoMatch')}</p>}
        <ol className="dept-list" data-testid="overview-departments">
          {(all || query.trim() ? found.departments : found.departments.slice(0, SHOWN)).map((d) => (
            <DepartmentRow key={d.code} d={d} year={o.year} whole={o.totalFen} open={!!query.trim() && found.departments.length <= 3} />
          ))}
        </ol>
        {!all && !query.trim() && found.departments.length > SHOWN && (
          <button type="button" className="show-all" onClick={() => setAll(true)}>
            {t('overviewShowAll', { n: found.departments.length })}
          </button>
        )}
      </section>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <OverviewCharts overview={o} />
      </Suspense>
    </section>
  );
}

function DepartmentRow({ d, year, whole, open }: { d: OverviewDepartment; year: number; whole: number; open: boolean }) {
  const { t } = useI18n();
  return (
    <li className="dept-row" data-dept={d.code}>
      <div className="dept-line">
        <Link to={`/public/departments/${d.code}/${year}`} className="dept-name">
          {d.name}
        </Link>
        <span className="num dept-total">{wan(d.totalFen)}</span>
      </div>
      <div className="dept-line muted small">
        <span>
          {d.code} · {t('overviewUnits', { n: d.units.length })}
        </span>
        <span className="num">
          {share(d.totalFen, whole)}
          {d.previousFen !== null && ` · ${t('overviewPrevious')} ${change(d.totalFen, d.previousFen)}`}
        </span>
      </div>
      {/* opened for a search that finds a few departments; a new search resets what was opened by hand */}
      <details open={open} key={String(open)}>
        <summary>{t('overviewShowUnits')}</summary>
        <ul className="unit-list">
          {d.units.map((u) => (
            <li key={u.code}>
              <Link to={`/public/${u.code}/${year}`}>{u.name}</Link>
              <span className="num">{wan(u.totalFen)}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
