/** The budgets the signed-in user may see: an editor's unit, a reviewer's department, everything for an admin. */
import { useState } from 'react';
import { type BudgetSummary, get, type Status } from '../api.ts';
import { ErrorNotice, StatusBadge, useLoad } from '../components/common.tsx';
import { ImportForm } from '../components/ImportForm.tsx';
import { dateTime } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.ts';

const STATUSES: Status[] = ['draft', 'submitted', 'approved', 'returned', 'published'];

export function BudgetList() {
  const { t, lang, status: statusLabel } = useI18n();
  const { user } = useSession();
  const [status, setStatus] = useState<Status | ''>(user?.role === 'reviewer' ? 'submitted' : '');
  const list = useLoad(() => get<BudgetSummary[]>(`/api/budgets${status ? `?status=${status}` : ''}`), [status]);

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('budgetsTitle')}</h1>
        <label className="inline">
          {t('filterStatus')}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={list.error} onReload={list.reload} />
      {list.data && list.data.length === 0 && <p className="muted">{t('budgetsEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="grid budgets">
          <thead>
            <tr>
              <th>{t('unit')}</th>
              <th>{t('year')}</th>
              <th>{t('status')}</th>
              <th className="num">{t('version')}</th>
              <th>{t('updatedAt')}</th>
              <th className="num">{t('published')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={`${b.unitCode}/${b.year}`}>
                <td>
                  <Link to={`/budgets/${b.unitCode}/${b.year}`}>
                    {b.unitCode} {b.unitName}
                  </Link>
                </td>
                <td>{b.year}</td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <td className="num">{b.version}</td>
                <td>{dateTime(b.updatedAt, lang)}</td>
                <td className="num">{b.publishedVersions || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {user?.role !== 'reviewer' && (
        <ImportForm
          onImported={(r) => {
            if (r.length === 1) navigate(`/budgets/${r[0].unitCode}/${r[0].year}`);
            else list.reload();
          }}
        />
      )}
    </section>
  );
}
