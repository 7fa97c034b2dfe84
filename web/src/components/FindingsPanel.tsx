/** The checks' findings on the current data; each one links to the line item or table cell it is about. */
import type { Finding, FindingsReport } from '../api.ts';
import { wan } from '../format.ts';
import { useI18n } from '../i18n.ts';

export type FindingTarget = { item: number } | { table: string; row?: number; column?: string };

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function FindingsPanel({ report, checking, onLocate }: { report?: FindingsReport; checking: boolean; onLocate: (t: FindingTarget) => void }) {
  const { t, lang } = useI18n();
  const findings = [...(report?.findings ?? [])].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <aside className="findings card" aria-labelledby="findings-title" aria-busy={checking}>
      <h2 id="findings-title">{t('findings')}</h2>
      {report && (
        <p className="counts" data-testid="findings-counts" data-version={report.version} data-errors={report.errors} data-warnings={report.warnings}>
          <span className={`count error${report.errors ? '' : ' zero'}`}>{t('findingsErrors', { n: report.errors })}</span>
          <span className={`count warning${report.warnings ? '' : ' zero'}`}>{t('findingsWarnings', { n: report.warnings })}</span>
          {checking && <span className="muted"> {t('findingsChecking')}</span>}
        </p>
      )}
      {!report && <p className="muted">{t('findingsChecking')}</p>}
      {report && findings.length === 0 && <p className="ok">{t('findingsNone')}</p>}
      <ul className="finding-list">
        {findings.map((f, i) => (
          <li key={i} className={`finding ${f.severity}`}>
            <span className={`sev ${f.severity}`}>{t(`severity_${f.severity}`)}</span>
            <span className="rule">{f.rule}</span>
            <p>{lang === 'en' ? f.messageEn : f.message}</p>
            {f.expected !== undefined && f.found !== undefined && (
              <p className="figures">
                {t('expected')} {wan(f.expected)} · {t('found')} {wan(f.found)}
              </p>
            )}
            <Locations f={f} onLocate={onLocate} />
          </li>
        ))}
      </ul>
      {report && (
        <details className="rules">
          <summary>
            {t('rulesRun', { n: report.rulesRun.length })} · {t('rulesNotRun', { n: report.rulesNotRun.length })}
          </summary>
          <ul>
            {report.rulesNotRun.map((r) => (
              <li key={r.rule}>
                <span className="rule">{r.rule}</span> {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}

function Locations({ f, onLocate }: { f: Finding; onLocate: (t: FindingTarget) => void }) {
  const { t } = useI18n();
  const links = [];
  if (f.source?.file === '明细' && f.source.row) {
    const n = f.source.row;
    links.push(
      <button key="item" type="button" className="link-button" onClick={() => onLocate({ item: n - 1 })}>
        {t('lineItemRow', { n })}
      </button>,
    );
  }
  if (f.table) {
    const label = [t('tableMark', { id: f.table }), f.rowLabel, f.columnLabel].filter(Boolean).join(' · ');
    links.push(
      <button key="cell" type="button" className="link-button" onClick={() => onLocate({ table: f.table!, row: f.row, column: f.column })}>
        {label}
      </button>,
    );
  }
  return links.length ? <p className="where">{links}</p> : null;
}
