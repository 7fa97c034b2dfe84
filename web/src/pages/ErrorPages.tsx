/**
 * Pages for an address that leads nowhere (404) or to something the user may not see (403),
 * and the choice between them and an ordinary error notice when a page's data fails to load.
 */
import { ApiError } from '../api.ts';
import { ErrorNotice } from '../components/common.tsx';
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.ts';

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <section className="page error-page" data-testid="not-found">
      <p className="error-code">404</p>
      <h1>{t('notFoundTitle')}</h1>
      <p>{message ?? t('notFoundBody', { path: location.pathname })}</p>
      <p className="error-links">
        <Link to="/">{t('goHome')}</Link>
        <Link to="/public/overview">{t('navOverview')}</Link>
      </p>
    </section>
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section className="page error-page" data-testid="forbidden">
      <p className="error-code">403</p>
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenBody')}</p>
      <p className="error-links">
        {user && <Link to="/budgets">{t('goBudgets')}</Link>}
        <Link to="/">{t('goHome')}</Link>
      </p>
    </section>
  );
}

/** What a page shows when its main data could not be loaded. */
export function PageLoadError({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={error.message} />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenPage />;
  return (
    <section className="page">
      <ErrorNotice error={error} onReload={onReload} />
    </section>
  );
}
