/**
 * A published package: charts, the 23 tables, year-on-year (when last year is published too) and
 * downloads. `?v=n` shows a fixed version, whose content never changes; without it, the latest.
 */
import { useState } from 'react';
import { ApiError, get, packageUrl, type PublicPackage, type SnapshotMeta, type YearOnYear } from '../api.ts';
import { Tabs, useLoad } from '../components/common.tsx';
import { ChartsTab } from '../components/ChartsTab.tsx';
import { Downloads } from '../components/Downloads.tsx';
import { TableBook } from '../components/TableBook.tsx';
import { YearOnYearView } from '../components/YearOnYearView.tsx';
import { dateTime } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { PageLoadError } from './ErrorPages.tsx';

// ECharts is large: only the public package page loads it

type Tab = 'charts' | 'tables' | 'yoy' | 'downloads';

export function PublicPackagePage({ unit, year, version }: { unit: string; year: number; version?: number }) {
  const { t, lang } = useI18n();
  const base = packageUrl(unit, year, version);
  const pkg = useLoad(() => get<PublicPackage>(base), [base]);
  const versions = useLoad(() => get<SnapshotMeta[]>(`/api/public/packages/${unit}/${year}`), [unit, year]);
  const yoy = useLoad(
    () => get<YearOnYear>(`/api/public/packages/${unit}/${year}/yoy`).catch((e) => (e instanceof ApiError && e.status === 404 ? undefined : Promise.reject(e))),
    [unit, year],
  );
  const [tab, setTab] = useState<Tab>('charts');

  if (pkg.error) return <PageLoadError error={pkg.error} onReload={pkg.reload} />;
  const p = pkg.data;
  if (!p) return <section className="page"><p className="muted">{t('loading')}</p></section>;

  const tabs: [Tab, string][] = [
    ['charts', t('tabCharts')],
    ['tables', t('tabTables')],
    ...(yoy.data ? [['yoy', t('tabYoy')] as [Tab, string]] : []),
    ['downloads', t('downloads')],
  ];
  return (
    <section className="page package">
      <p className="breadcrumb">
        <Link to="/">{t('navPublic')}</Link> › <Link to={`/public/departments/${p.department.code}/${p.year}`}>{p.department.name}</Link> › {p.unit.name}
      </p>
      <div className="page-head">
        <h1>
          {p.unit.name} <span className="sub">{p.year}</span>
        </h1>
        <label className="inline">
          {t('version')}
          <select
            value={version ?? ''}
            onChange={(e) => navigate(`/public/${unit}/${year}${e.target.value ? `?v=${e.target.value}` : ''}`, { replace: true })}
          >
            <option value="">
              {t('latest')} ({t('versionN', { n: versions.data?.at(-1)?.version ?? p.version })})
            </option>
            {[...(versions.data ?? [])].reverse().map((v) => (
              <option key={v.version} value={v.version}>
                {t('versionN', { n: v.version })} · {dateTime(v.publishedAt, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted meta-line">
        {t('versionN', { n: p.version })} · {t('publishedAt', { at: dateTime(p.publishedAt, lang) })} · {t('contentHash')} <code title={p.contentHash}>{p.contentHash.slice(0, 12)}</code>
      </p>
      <Tabs<Tab> tabs={tabs} active={tab} onChange={setTab} />
      {tab === 'charts' && <ChartsTab base={base} previousBase={packageUrl(unit, year - 1)} year={year} file={`${unit}-${year}`} />}
      {tab === 'tables' && <TableBook tables={p.tables} />}
      {tab === 'yoy' && yoy.data && <YearOnYearView yoy={yoy.data} />}
      {tab === 'downloads' && <Downloads base={base} publication />}
    </section>
  );
}
