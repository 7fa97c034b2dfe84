/** Small pieces every page uses: status badge, error and conflict notices, tabs, a data-loading hook. */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Status } from '../api.ts';
import { useI18n } from '../i18n.ts';

export function StatusBadge({ status }: { status: Status }) {
  const { status: label } = useI18n();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {label(status)}
    </span>
  );
}

interface Problem {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  path?: string;
  field?: string;
  message: string;
}

const where = (p: Problem) => [p.file, p.sheet, p.row !== undefined ? `第 ${p.row} 行` : '', p.column, p.path, p.field].filter(Boolean).join(' · ');

/**
 * An API error as a person should see it. A 409 (someone else changed the budget, or it changed
 * state) offers a reload; a 422 lists each located problem of the input.
 */
export function ErrorNotice({ error, onReload, onClose }: { error: unknown; onReload?: () => void; onClose?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const e = error instanceof ApiError ? error : undefined;
  const conflict = e?.status === 409;
  const problems = ((e?.details as { problems?: Problem[] } | undefined)?.problems ?? []).slice(0, 50);
  return (
    <div className={`notice ${conflict ? 'conflict' : 'error'}`} role="alert" data-testid={conflict ? 'conflict' : 'error'}>
      <strong>{conflict ? t('conflictTitle') : t('errorTitle')}</strong>
      {conflict && <p>{t('conflictBody')}</p>}
      <p className="message">{e ? e.message.split('\n')[0] : String(error)}</p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>
              {where(p) && <span className="where">{where(p)}：</span>}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="notice-actions">
        {onReload && (
          <button type="button" className={conflict ? 'primary' : undefined} onClick={onReload}>
            {t('reload')}
          </button>
        )}
        {onClose && (
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        )}
      </div>
    </div>
  );
}

export function Tabs<K extends string>({ tabs, active, onChange }: { tabs: [K, ReactNode][]; active: K; onChange: (k: K) => void }) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map(([k, label]) => (
        <button key={k} type="button" role="tab" aria-selected={k === active} className={k === active ? 'active' : undefined} onClick={() => onChange(k)}>
          {label}
        </button>
      ))}
    </div>
  );
}

/** Loads data when `deps` change; a newer load wins over an older one that finishes late. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  // reloads when the caller's `deps` change
  const run = useCallback(() => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => n === seq.current && setState({ data, loading: false }),
      (error) => n === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps);
  useEffect(run, [run]);
  /** Replaces the data locally (after a write that returned the new state). */
  const setData = (update: (d: T | undefined) => T) => {
    seq.current++;
    setState((s) => ({ data: update(s.data), loading: false }));
  };
  return { ...state, reload: run, setData };
}
