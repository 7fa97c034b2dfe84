/**
 * Download links of a package's tables, in every format the server renders; for a published
 * version or a department's package also the whole document (预算全文: …/publication.{pdf,docx,html}).
 */
import { type Key, useI18n } from '../i18n.ts';

const FORMATS: [string, Key][] = [
  ['xlsx', 'downloadXlsx'],
  ['pdf', 'downloadPdf'],
  ['html', 'downloadHtml'],
  ['json', 'downloadJson'],
  ['csv', 'downloadCsv'],
];

const PUBLICATION: [string, Key][] = [
  ['pdf', 'downloadPdf'],
  ['docx', 'downloadDocx'],
  ['html', 'downloadHtml'],
];

/** One list of links, `${base}/${file}.${format}`, each marked `${mark}=format` for the browser tests. */
function Links({ base, file, mark, formats }: { base: string; file: string; mark: string; formats: [string, Key][] }) {
  const { t } = useI18n();
  return (
    <ul>
      {formats.map(([f, label]) => (
        <li key={f}>
          <a href={`${base}/${file}.${f}`} download {...{ [mark]: f }}>
            {t(label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `base`: …/budgets/:unit/:year, …/packages/:unit/:year/latest|v/n or …/departments/:dept/:year */
export function Downloads({ base, hint, publication = false, publicationHint = 'publicationDownloadsHint' }: { base: string; hint?: string; publication?: boolean; publicationHint?: Key }) {
  const { t } = useI18n();
  return (
    <div className="downloads">
      <h3>{t('downloads')}</h3>
      {hint && <p className="muted">{hint}</p>}
      <Links base={base} file="download" mark="data-format" formats={FORMATS} />
      {publication && (
        <>
          <h3>{t('publicationDownloads')}</h3>
          <p className="muted">{t(publicationHint)}</p>
          <Links base={base} file="publication" mark="data-publication" formats={PUBLICATION} />
        </>
      )}
    </div>
  );
}
