/** The budget's audit trail: who changed what and when, with before and after. */
import { budgetUrl, get, type HistoryEntry } from '../api.ts';
import { dateTime, wan } from '../format.ts';
import { type Key, useI18n } from '../i18n.ts';
import { ErrorNotice, useLoad } from './common.tsx';

type Obj = Record<string, unknown>;

const show = (k: string, v: unknown) => (v === undefined || v === null ? '' : /Fen$/.test(k) && typeof v === 'number' ? wan(v) : String(v));

/** The fields that changed, "field: before → after". */
function changes(e: HistoryEntry): string[] {
  const before = (e.before ?? {}) as Obj;
  const after = (e.after ?? {}) as Obj;
  if (e.action === 'delete') return Object.entries(before).filter(([k]) => k !== 'id' && k !== 'position').map(([k, v]) => `${k}: ${show(k, v)}`);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'id' && k !== 'position');
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => (k in before ? `${k}: ${show(k, before[k])} → ${show(k, after[k])}` : `${k}: ${show(k, after[k])}`));
}

export function History({ unit, year, version }: { unit: string; year: number; version: number }) {
  const { t, lang } = useI18n();
  const list = useLoad(() => get<HistoryEntry[]>(`${budgetUrl(unit, year)}/history`), [unit, year, version]);
  const actionLabel = (a: string) => (['import', 'create', 'update', 'delete', 'submit', 'withdraw', 'approve', 'return', 'publish'].includes(a) ? t(`action_${a}` as Key) : a);
  return (
    <div className="history">
      <ErrorNotice error={list.error} onReload={list.reload} />
      {list.data?.length === 0 && <p className="muted">{t('historyEmpty')}</p>}
      {!!list.data?.length && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('historyWhen')}</th>
              <th>{t('historyWho')}</th>
              <th>{t('historyAction')}</th>
              <th>{t('historyChange')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{dateTime(e.at, lang)}</td>
                <td>{e.username ?? ''}</td>
                <td className="nowrap">
                  {actionLabel(e.action)}
                  {e.entity === 'line_item' ? ` #${e.entityId}` : ''}
                </td>
                <td>
                  <ul className="changes">
                    {changes(e).map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
