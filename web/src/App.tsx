/** The app shell: session, language, header and the page for the current URL. */
import { type ReactNode, useEffect, useState } from 'react';
import { get, setCsrf, type User } from './api.ts';
import { Header } from './components/Header.tsx';
import { type Lang, LangContext } from './i18n.ts';
import { AuditPage } from './pages/AuditPage.tsx';
import { BudgetList } from './pages/BudgetList.tsx';
import { Login } from './pages/Login.tsx';
import { NotFoundPage } from './pages/ErrorPages.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { PasswordPage } from './pages/PasswordPage.tsx';
import { PublicDepartmentPage } from './pages/PublicDepartmentPage.tsx';
import { PublicHome } from './pages/PublicHome.tsx';
import { PublicationInputsPage } from './pages/PublicationInputsPage.tsx';
import { PublicPackagePage } from './pages/PublicPackagePage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { Workspace } from './pages/Workspace.tsx';
import { match, navigate, useLocation } from './router.tsx';
import { SessionContext, useSession } from './session.ts';

const initialLang = (): Lang => (localStorage.getItem('yusuan.lang') === 'en' ? 'en' : 'zh');

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const setLang = (l: Lang) => {
    localStorage.setItem('yusuan.lang', l);
    setLangState(l);
  };
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    get<{ user: User; csrfToken: string }>('/api/me')
      .then((s) => {
        setCsrf(s.csrfToken);
        setUser(s.user);
      })
      .catch(() => setUser(null))
      .finally(() => setReady(true));
  }, []);

  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <SessionContext.Provider value={{ user, setUser }}>
        <Header />
        <main>{ready ? <Page /> : null}</main>
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}

function Page() {
  const { path, query } = useLocation();
  let m: Record<string, string> | null;
  if (path === '/' || path === '') return <PublicHome />;
  if (path === '/public/overview') {
    const y = Number(query.get('year'));
    return <OverviewPage year={y > 0 ? y : undefined} />;
  }
  if ((m = match('/public/departments/:dept/:year', path))) return <PublicDepartmentPage key={`${m.dept}/${m.year}`} dept={m.dept} year={Number(m.year)} />;
  if ((m = match('/public/:unit/:year', path))) {
    const v = Number(query.get('v'));
    return <PublicPackagePage key={`${m.unit}/${m.year}`} unit={m.unit} year={Number(m.year)} version={v > 0 ? v : undefined} />;
  }
  if (path === '/login') return <Login next={query.get('next') ?? '/budgets'} />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/budgets') return <Private><BudgetList /></Private>;
  if (path === '/users') return <Private><UsersPage /></Private>;
  if (path === '/account/password') return <Private><PasswordPage /></Private>;
  if ((m = match('/budgets/:unit/:year/publication', path))) return <Private><PublicationInputsPage key={`${m.unit}/${m.year}`} unit={m.unit} year={Number(m.year)} /></Private>;
  if ((m = match('/budgets/:unit/:year', path))) return <Private><Workspace key={`${m.unit}/${m.year}`} unit={m.unit} year={Number(m.year)} /></Private>;
  return <NotFoundPage />;
}

/** Pages for signed-in users: others go to the login page and come back. */
function Private({ children }: { children: ReactNode }) {
  const { user } = useSession();
  useEffect(() => {
    if (!user) navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  }, [user]);
  return user ? <>{children}</> : null;
}
