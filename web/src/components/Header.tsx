import { api, setCsrf } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.ts';
import { useAccountText } from '../i18n-account.ts';

export function Header() {
  const { t, lang, setLang } = useI18n();
  const { user, setUser } = useSession();
  const { path } = useLocation();
  const account = useAccountText();
  const nav = (to: string, label: string, active: boolean) => (
    <Link to={to} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
  const logout = async () => {
    await api('POST', '/api/logout').catch(() => {});
    setCsrf(undefined);
    setUser(null);
    navigate('/');
  };
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <span className="brand-name">{t('appName')}</span>
        <span className="brand-tagline">{t('appTagline')}</span>
      </Link>
      <nav className="main-nav">
        {nav('/', t('navPublic'), path === '/' || (path.startsWith('/public/') && path !== '/public/overview'))}
        {nav('/public/overview', t('navOverview'), path === '/public/overview')}
        {user && nav('/budgets', t('navBudgets'), path.startsWith('/budgets'))}
        {user?.role === 'admin' && nav('/users', account('navUsers'), path === '/users')}
        {nav('/audit', t('navAudit'), path === '/audit')}
        <a href="/api/docs">{t('apiDocs')}</a>
      </nav>
      <div className="header-tools">
        <button type="button" className="link-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {t('languageToggle')}
        </button>
        {user ? (
          <>
            <span className="user" title={user.username}>
              {user.displayName} · {t(`role_${user.role}`)}
            </span>
            <Link to="/account/password">{account('navPassword')}</Link>
            <button type="button" className="link-button" onClick={logout}>
              {t('logout')}
            </button>
          </>
        ) : (
          path !== '/login' && <Link to={`/login?next=${encodeURIComponent(path.startsWith('/budgets') ? path : '/budgets')}`}>{t('login')}</Link>
        )}
      </div>
    </header>
  );
}
