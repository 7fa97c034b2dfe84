import { type FormEvent, useState } from 'react';
import { ApiError, api, setCsrf, type User } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { navigate } from '../router.tsx';
import { useSession } from '../session.ts';

export function Login({ next }: { next: string }) {
  const { t } = useI18n();
  const { setUser } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await api<{ user: User; csrfToken: string }>('POST', '/api/login', { json: { username, password } });
      setCsrf(s.csrfToken);
      setUser(s.user);
      // only paths of this app, never another site
      navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/budgets', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page narrow">
      <h1>{t('login')}</h1>
      <p className="muted">{t('loginTitle')}</p>
      <form className="card form" onSubmit={submit}>
        <label>
          {t('username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('login')}
        </button>
      </form>
      <p className="muted">{t('loginPublicHint')}</p>
    </section>
  );
}
