/**
 * The admin's users page: every account with its role and scope (a reviewer's department, an
 * editor's unit), which the admin changes, disables or gives a fresh random password; and a form
 * for a new account. A generated password is shown once, as the API returns it once.
 */
import { type FormEvent, useState } from 'react';
import { api, get, type Role, type User } from '../api.ts';
import { ErrorNotice, useLoad } from '../components/common.tsx';
import { useI18n } from '../i18n.ts';
import { useSession } from '../session.ts';
import { useAccountText } from '../i18n-account.ts';

type Account = User & { disabled: boolean };
interface Department {
  code: string;
  name: string;
  units: { code: string; name: string }[];
}
interface RoleScope {
  role: Role;
  scope: string;
}

const ROLES: Role[] = ['admin', 'reviewer', 'editor'];
const scopeOf = (u: User) => u.departmentCode ?? u.unitCode ?? '';
/** The API's scope fields for a role: a department for a reviewer, a unit for an editor. */
const scopeFields = ({ role, scope }: RoleScope) => (role === 'reviewer' ? { departmentCode: scope } : role === 'editor' ? { unitCode: scope } : {});

export function UsersPage() {
  const t = useAccountText();
  const { t: tt } = useI18n();
  const { user: me } = useSession();
  const users = useLoad(() => get<Account[]>('/api/users'), []);
  const departments = useLoad(() => get<Department[]>('/api/departments'), []);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  /** Runs a change; on success shows `message` (or the password the server generated) and reloads. */
  const change = async (id: number, body: object, message: string, name: string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      const res = await api<{ user: Account; password?: string }>('PATCH', `/api/users/${id}`, { json: body });
      setNotice(res.password ? `${t('newPassword', { name })} ${res.password}` : message);
      users.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="page users-page">
      <h1>{t('usersTitle')}</h1>
      <p className="muted">{t('usersIntro')}</p>
      <ErrorNotice error={users.error ?? departments.error ?? error} onClose={() => setError(undefined)} />
      {notice && (
        <p className="notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {users.data && departments.data && (
        <table className="grid users">
          <thead>
            <tr>
              <th>{t('username')}</th>
              <th>{t('displayName')}</th>
              <th>{t('role')} · {t('scope')}</th>
              <th>{t('state')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} data-username={u.username} className={u.disabled ? 'muted' : undefined}>
                <td>{u.username}</td>
                <td>
                  {u.displayName}
                  {u.id === me?.id && t('you')}
                </td>
                <td>
                  <RoleEditor
                    key={`${u.role}/${scopeOf(u)}`}
                    initial={{ role: u.role, scope: scopeOf(u) }}
                    departments={departments.data!}
                    locked={u.id === me?.id}
                    onSave={(rs) => change(u.id, { role: rs.role, ...scopeFields(rs) }, t('saved'), u.username)}
                  />
                </td>
                <td>{u.disabled ? t('disabled') : t('active')}</td>
                <td className="actions">
                  {u.id !== me?.id && (
                    <button type="button" onClick={() => change(u.id, { disabled: !u.disabled }, t('saved'), u.username)}>
                      {u.disabled ? t('enable') : t('disable')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => confirm(t('resetConfirm', { name: u.username })) && change(u.id, { resetPassword: true }, t('saved'), u.username)}
                  >
                    {t('resetPassword')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {departments.data && <NewUserForm departments={departments.data} onCreated={(text) => {
            setNotice(text);
            users.reload();
          }} />}
      {users.loading && !users.data && <p className="muted">{tt('loading')}</p>}
    </section>
  );
}

/** Role and scope pickers; the scope list follows the role (departments for a reviewer, units for an editor). */
function ScopePicker({ value, departments, onChange, disabled }: { value: RoleScope; departments: Department[]; onChange: (v: RoleScope) => void; disabled?: boolean }) {
  const t = useAccountText();
  const { t: tt } = useI18n();
  return (
    <span className="role-scope">
      <select name="role" aria-label={t('role')} value={value.role} disabled={disabled} onChange={(e) => onChange({ role: e.target.value as Role, scope: '' })}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tt(`role_${r}`)}
          </option>
        ))}
      </select>
      {value.role === 'admin' ? (
        <span className="muted"> {t('allUnits')}</span>
      ) : (
        <select name="scope" aria-label={t('scope')} value={value.scope} disabled={disabled} required onChange={(e) => onChange({ ...value, scope: e.target.value })}>
          <option value="">{value.role === 'reviewer' ? t('chooseDepartment') : t('chooseUnit')}</option>
          {value.role === 'reviewer'
            ? departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.code} {d.name}
                </option>
              ))
            : departments.map((d) => (
                <optgroup key={d.code} label={`${d.code} ${d.name}`}>
                  {d.units.map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.code} {u.name}
                    </option>
                  ))}
                </optgroup>
              ))}
        </select>
      )}
    </span>
  );
}

function RoleEditor({ initial, departments, locked, onSave }: { initial: RoleScope; departments: Department[]; locked: boolean; onSave: (v: RoleScope) => void }) {
  const t = useAccountText();
  const [value, setValue] = useState(initial);
  const changed = value.role !== initial.role || value.scope !== initial.scope;
  const complete = value.role === 'admin' || value.scope !== '';
  return (
    <span className="role-editor">
      <ScopePicker value={value} departments={departments} onChange={setValue} disabled={locked} />
      {changed && (
        <button type="button" className="primary" disabled={!complete} onClick={() => onSave(value)}>
          {t('saveRole')}
        </button>
      )}
    </span>
  );
}

function NewUserForm({ departments, onCreated }: { departments: Department[]; onCreated: (notice: string) => void }) {
  const t = useAccountText();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roleScope, setRoleScope] = useState<RoleScope>({ role: 'editor', scope: '' });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = { username, displayName, role: roleScope.role, ...scopeFields(roleScope), ...(password ? { password } : {}) };
      const res = await api<{ user: Account; password?: string }>('POST', '/api/users', { json: body });
      onCreated(res.password ? `${t('created', { name: username })} ${t('newPassword', { name: username })} ${res.password}` : t('created', { name: username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form new-user" onSubmit={submit}>
      <h2>{t('createTitle')}</h2>
      <label>
        {t('username')}
        <input name="username" value={username} pattern="[A-Za-z0-9_.\-]{2,50}" onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('displayName')}
        <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
      </label>
      <label>
        {t('role')} · {t('scope')}
        <ScopePicker value={roleScope} departments={departments} onChange={setRoleScope} />
      </label>
      <label>
        {t('passwordOptional')}
        <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <span className="muted">{t('passwordRules')}</span>
      </label>
      <ErrorNotice error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('create')}
      </button>
    </form>
  );
}
