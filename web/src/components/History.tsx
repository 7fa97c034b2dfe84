/**
 * The budget's audit trail: who (display name) changed what and when; a line item by its row in
 * the grid, each changed field as before → after.
 */
import { budgetUrl, get, type HistoryEntry, type LineItem } from '../api.ts';
import { dateTime, wan } from '../format.ts';
import { type Key, useI18n } from '../i18n.ts';
import { ErrorNotice, useLoad } from './common.tsx';

type Obj = Record<string, unknown>;

/** Recorded fields by their column names; others (ids, positions, the unit and year of the page) are not shown. */
const FIELDS: Record<string, Key> = {
  functionCode: 'colFunction',
  deptEconCode: 'colDeptEcon',
  govEconCode: 'colGovEcon',
  kind: 'colKind',
  project: 'colProject',
  fund: 'colFund',
  amountFen: 'colAmount',
  lineItems: 'items',
  totalFen: 'historyTotal',
  status: 'status',
  version: 'version',
  comment: 'reviewComment',
  snapshotVersion: 'published',
};

/** The fields that changed, as "field: before → after" (a deleted item: what it was). */
function changes(e: HistoryEntry, t: (k: Key) => string, term: (s: string) => string): string[] {
  const before = (e.before ?? {}) as Obj;
  const after = (e.after ?? {}) as Obj;
  const show = (k: string, v: unknown) =>
    v === undefined || v === null ? '' : k.endsWith('Fen') && typeof v === 'number' ? wan(v) : k === 'status' ? t(`status_${v}` as Key) : term(String(v));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k in FIELDS);
  if (e.action === 'delete') return keys.map((k) => `${t(FIELDS[k])}: ${show(k, before[k])}`);
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${t(FIELDS[k])}: ${k in before ? `${show(k, before[k])} → ` : ''}${show(k, after[k])}`);
}

export function History({ unit, year, version, items }: { unit: string; year: number; version: number; items: LineItem[] }) {
  const { t, term, lang } = useI18n();
  const list = useLoad(() => get<HistoryEntry[]>(`${budgetUrl(unit, year)}/history`), [unit, year, version]);
  const rowOf = new Map(items.map((li, i) => [String(li.id), i + 1]));
  /** The line item's row in the grid now, or where it was when it was deleted. */
  const where = (e: HistoryEntry) => {
    if (e.entity !== 'line_item') return '';
    const now = rowOf.get(e.entityId);
    if (now) return t('historyRow', { n: now });
    const pos = (e.before as Obj | undefined)?.position;
    return typeof pos === 'number' ? t('historyRowDeleted', { n: pos + 1 }) : '';
  };
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
                <td title={e.username ?? undefined}>{e.displayName ?? e.username ?? ''}</td>
                <td className="nowrap">
                  {actionLabel(e.action)}
                  {where(e) && <span className="history-row"> · {where(e)}</span>}
                </td>
                <td>
                  <ul className="changes">
                    {changes(e, t, term).map((c, i) => (
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
