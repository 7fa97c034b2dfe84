/** Download links of a package's tables, in every format the server renders. */
import { type Key, useI18n } from '../i18n.ts';

const FORMATS: [string, Key][] = [
  ['xlsx', 'downloadXlsx'],
  ['pdf', 'downloadPdf'],
  ['html', 'downloadHtml'],
  ['json', 'downloadJson'],
  ['csv', 'downloadCsv'],
];

/** `base`: …/budgets/:unit/:year or …/packages/:unit/:year/latest|v/n */
export function Downloads({ base, hint }: { base: string; hint?: string }) {
  const { t } = useI18n();
  return (
    <div className="downloads">
      <h3>{t('downloads')}</h3>
      {hint && <p className="muted">{hint}</p>}
      <ul>
        {FORMATS.map(([f, label]) => (
          <li key={f}>
            <a href={`${base}/download.${f}`} download data-format={f}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
