/** The public portal's front page: departments (their department budgets by year) → units → published years. */
import { get, type PublicDepartment } from '../api.ts';
import { ErrorNotice, useLoad } from '../components/common.tsx';
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import { departmentYears } from './PublicDepartmentPage.tsx';

export function PublicHome() {
  const { t } = useI18n();
  const list = useLoad(() => get<PublicDepartment[]>('/api/public/departments'), []);
  return (
    <section className="page">
      <h1>{t('publicTitle')}</h1>
      <p className="muted">{t('publicIntro')}</p>
      <p>
        <Link to="/public/overview" className="overview-link">
          {t('navOverview')} →
        </Link>
      </p>
      <ErrorNotice error={list.error} onReload={list.reload} />
      {list.data?.length === 0 && <p className="muted">{t('publicEmpty')}</p>}
      <div className="departments">
        {list.data?.map((d) => (
          <section key={d.code} className="card department">
            <h2>
              {d.name} <span className="sub">{d.code}</span>
            </h2>
            <p className="department-years">
              <span className="muted">{t('deptBudget')}</span>
              <span className="years">
                {departmentYears(d).map((y) => (
                  <Link key={y} to={`/public/departments/${d.code}/${y}`} className="year-link">
                    {y}
                  </Link>
                ))}
              </span>
            </p>
            <ul className="units">
              {d.units.map((u) => (
                <li key={u.code}>
                  <span className="unit-name">
                    {u.name} <span className="sub">{u.code}</span>
                  </span>
                  <span className="years">
                    {[...u.years]
                      .sort((a, b) => b.year - a.year)
                      .map((y) => (
                        <Link key={y.year} to={`/public/${u.code}/${y.year}`} className="year-link">
                          {y.year}
                        </Link>
                      ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
