/** The charts of a published package (a unit's or a department's), loaded from `${base}/charts`; last year's too, when published. */
import { lazy, Suspense } from 'react';
import { ApiError, type Charts, get } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { ErrorNotice, useLoad } from './common.tsx';

// ECharts is loaded only when charts are shown.
const PackageCharts = lazy(() => import('./PackageCharts.tsx').then((m) => ({ default: m.PackageCharts })));

/** `previousBase`: the same package a year earlier (404 when not published: no comparison). */
export function ChartsTab({ base, previousBase, year, file }: { base: string; previousBase?: string; year: number; file: string }) {
  const { t } = useI18n();
  const charts = useLoad(() => get<Charts>(`${base}/charts`), [base]);
  const previous = useLoad(
    () => (previousBase ? get<Charts>(`${previousBase}/charts`).catch((e) => (e instanceof ApiError && e.status === 404 ? undefined : Promise.reject(e))) : Promise.resolve(undefined)),
    [previousBase],
  );
  if (!charts.data) return <ErrorNotice error={charts.error} onReload={charts.reload} />;
  if (previous.loading) return <p className="muted">{t('loading')}</p>;
  return (
    <Suspense fallback={<p className="muted">{t('loading')}</p>}>
      <PackageCharts charts={charts.data} previous={previous.data?.totalSpendingFen ? previous.data : undefined} year={year} file={file} />
    </Suspense>
  );
}
