/** The charts of a published package (a unit's or a department's), loaded from `${base}/charts`. */
import { lazy, Suspense } from 'react';
import { type Charts, get } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { ErrorNotice, useLoad } from './common.tsx';

// ECharts is loaded only when charts are shown.
const PackageCharts = lazy(() => import('./PackageCharts.tsx').then((m) => ({ default: m.PackageCharts })));

export function ChartsTab({ base }: { base: string }) {
  const { t } = useI18n();
  const charts = useLoad(() => get<Charts>(`${base}/charts`), [base]);
  if (!charts.data) return <ErrorNotice error={charts.error} onReload={charts.reload} />;
  return (
    <Suspense fallback={<p className="muted">{t('loading')}</p>}>
      <PackageCharts charts={charts.data} />
    </Suspense>
  );
}
