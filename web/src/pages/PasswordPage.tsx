/** Any signed-in user changes their own password (POST /api/me/password); other sessions end. */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorNotice } from '../components/common.tsx';
import { useAccountText } from '../i18n-account.ts';

export function PasswordPage() {
  const t = useAccountText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setError(undefined);
    if (next !== again) return setError(new ApiError(400, 'mismatch', t('mismatch')));
    setBusy(true);
    try {
      await api('POST', '/api/me/password', { json: { currentPassword: current, newPassword: next } });
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page narrow">
      <h1>{t('passwordTitle')}</h1>
      <p className="muted">{t('passwordRules')}</p>
      <form className="card form" onSubmit={submit}>
        <label>
          {t('currentPassword')}
          <input name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label>
          {t('newPasswordLabel')}
          <input name="newPassword" type="password" autoComplete="new-password" minLength={10} value={next} onChange={(e) => setNext(e.target.value)} required />
        </label>
        <label>
          {t('confirmPassword')}
          <input name="confirmPassword" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
        </label>
        <ErrorNotice error={error} />
        {done && (
          <p className="ok" role="status" data-testid="password-changed">
            {t('passwordChanged')}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('passwordTitle')}
        </button>
      </form>
    </section>
  );
}
