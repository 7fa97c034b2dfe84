/**
 * A department's published budget (部门预算): charts, its 23 tables and downloads, rolled up from the
 * latest published version of each of its units; beside them its units, with the version each
 * contributes, and a note naming the units that have not published the year yet.
 */
import { useState } from 'react';
import { type DepartmentPackage, departmentUrl, get, type PublicDepartment } from '../api.ts';
import { Tabs, useLoad } from '../components/common.tsx';
import { ChartsTab } from '../components/ChartsTab.tsx';
import { Downloads } from '../components/Downloads.tsx';
import { TableBook } from '../components/TableBook.tsx';
import { dateTime } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { PageLoadError } from './ErrorPages.tsx';

// ECharts is large: only the public package pages load it

type Tab = 'charts' | 'tables' | 'downloads';

/** Years in which any unit of the department has published, newest first. */
export const departmentYears = (d?: PublicDepartment) => [...new Set(d?.units.flatMap((u) => u.years.map((y) => y.year)) ?? [])].sort((a, b) => b - a);

export function PublicDepartmentPage({ dept, year }: { dept: string; year: number }) {
  const { t, lang } = useI18n();
  const base = departmentUrl(dept, year);
  const pkg = useLoad(() => get<DepartmentPackage>(base), [base]);
  const listing = useLoad(() => get<PublicDepartment[]>('/api/public/departments'), []);
  const [tab, setTab] = useState<Tab>('charts');

  if (pkg.error) return <PageLoadError error={pkg.error} onReload={pkg.reload} />;
  const p = pkg.data;
  if (!p) return <section className="page"><p className="muted">{t('loading')}</p></section>;

  const years = departmentYears(listing.data?.find((d) => d.code === dept));
  const missing = p.units.filter((u) => u.version === null);
  const tabs: [Tab, string][] = [
    ['charts', t('tabCharts')],
    ['tables', t('tabTables')],
    ['downloads', t('downloads')],
  ];
  return (
    <section className="page package department-package">
      <p className="breadcrumb">
        <Link to="/">{t('navPublic')}</Link> › {p.department.name}
      </p>
      <div className="page-head">
        <h1>
          {p.department.name} <span className="sub">{t('deptBudget')} {p.year}</span>
        </h1>
        {years.length > 1 && (
          <label className="inline">
            {t('year')}
            <select value={year} onChange={(e) => navigate(`/public/departments/${dept}/${e.target.value}`, { replace: true })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted meta-line">
        {t('deptComposedOf', { n: p.units.length - missing.length })} · {t('contentHash')} <code title={p.contentHash}>{p.contentHash.slice(0, 12)}</code>
      </p>
      {missing.length > 0 && (
        <p className="notice pending" data-testid="missing-units">
          {t('deptMissing', { year: p.year })}
          {lang === 'zh' ? missing.map((u) => `${u.name}（${u.code}）`).join('、') : ` ${missing.map((u) => `${u.name} (${u.code})`).join(', ')}`}
        </p>
      )}
      <div className="department-body">
        <div className="department-main">
          <Tabs<Tab> tabs={tabs} active={tab} onChange={setTab} />
          {tab === 'charts' && <ChartsTab base={base} previousBase={departmentUrl(dept, year - 1)} year={year} file={`${dept}-${year}`} />}
          {tab === 'tables' && <TableBook tables={p.tables} />}
          {tab === 'downloads' && <Downloads base={base} hint={t('deptDownloadsHint')} publication publicationHint="deptPublicationDownloadsHint" />}
        </div>
        <aside className="card department-units">
          <h2>{t('deptUnits')}</h2>
          <ul className="units parts">
            {p.units.map((u) => (
              <li key={u.code} data-unit={u.code} className={u.version === null ? 'unpublished' : undefined}>
                <span className="unit-name">
                  {u.version === null ? u.name : <Link to={`/public/${u.code}/${p.year}?v=${u.version}`}>{u.name}</Link>} <span className="sub">{u.code}</span>
                </span>
                <span className="muted">
                  {u.version === null ? t('notPublished') : t('deptUnitVersion', { n: u.version, at: dateTime(u.publishedAt!, lang) })}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  );
}
