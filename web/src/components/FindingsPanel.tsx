/**
 * The checks' findings on the current data, folded under their causes: one group per line item
 * with what is wrong in it, and the table identities that therefore fail listed under it,
 * collapsed. Each links to the line item or table cell it is about.
 */
import type { Finding, FindingsReport } from '../api.ts';
import { type FindingGroup, groupFindings, severityOf } from '../finding-groups.ts';
import { findingText, labelIn, type Words } from '../finding-text.ts';
import { wan } from '../format.ts';
import { useI18n } from '../i18n.ts';

export type FindingTarget = { item: number } | { table: string; row?: number; column?: string };

export function FindingsPanel({ report, checking, onLocate }: { report?: FindingsReport; checking: boolean; onLocate: (t: FindingTarget) => void }) {
  const { t, lang, term, name } = useI18n();
  const words: Words = { lang, term, name };
  const groups = groupFindings(report?.findings ?? []);
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
      {report && groups.length === 0 && <p className="ok">{t('findingsNone')}</p>}
      <ul className="finding-list">
        {groups.map((g, i) => (
          <Group key={i} g={g} words={words} onLocate={onLocate} />
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

function Group({ g, words, onLocate }: { g: FindingGroup; words: Words; onLocate: (t: FindingTarget) => void }) {
  const { t } = useI18n();
  const sev = severityOf(g);
  const single = g.row === undefined && !g.ofSeveral;
  return (
    <li className={`finding ${sev}${single ? '' : ' finding-group'}`} data-row={g.row}>
      {g.row !== undefined && (
        <p className="group-head">
          <span className={`sev ${sev}`}>{t(`severity_${sev}`)}</span>
          <button type="button" className="link-button" onClick={() => onLocate({ item: g.row! - 1 })}>
            {t('lineItemRow', { n: g.row })}
          </button>
        </p>
      )}
      {g.causes.map((f, i) => (
        <One key={i} f={f} words={words} inGroup={!single} showSeverity={single} onLocate={onLocate} />
      ))}
      {g.consequences.length > 0 && (
        <details className="consequences" open={g.ofSeveral && g.consequences.length <= 2}>
          <summary>{t(g.ofSeveral ? 'findingsConsequencesOf' : 'findingsConsequences', { n: g.consequences.length })}</summary>
          <ul>
            {g.consequences.map((f, i) => (
              <li key={i} className={`finding ${f.severity}`}>
                <One f={f} words={words} inGroup showSeverity={false} onLocate={onLocate} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function One({ f, words, inGroup, showSeverity, onLocate }: { f: Finding; words: Words; inGroup: boolean; showSeverity: boolean; onLocate: (t: FindingTarget) => void }) {
  const { t } = useI18n();
  return (
    <div className="one-finding">
      {showSeverity && <span className={`sev ${f.severity}`}>{t(`severity_${f.severity}`)}</span>}
      <span className="rule">{f.rule}</span>
      <p>{findingText(f, words, inGroup)}</p>
      {f.expected !== undefined && f.found !== undefined && f.rule !== 'R1-amount' && (
        <p className="figures">
          {t('expected')} {wan(f.expected)} · {t('found')} {wan(f.found)}
        </p>
      )}
      <Locations f={f} words={words} withItem={!inGroup} onLocate={onLocate} />
    </div>
  );
}

function Locations({ f, words, withItem, onLocate }: { f: Finding; words: Words; withItem: boolean; onLocate: (t: FindingTarget) => void }) {
  const { t } = useI18n();
  const links = [];
  if (withItem && f.source?.file === '明细' && f.source.row) {
    const n = f.source.row;
    links.push(
      <button key="item" type="button" className="link-button" onClick={() => onLocate({ item: n - 1 })}>
        {t('lineItemRow', { n })}
      </button>,
    );
  }
  if (f.table) {
    const label = [t('tableMark', { id: f.table }), f.rowLabel && labelIn(f.rowLabel, words), f.columnLabel && labelIn(f.columnLabel, words)].filter(Boolean).join(' · ');
    links.push(
      <button key="cell" type="button" className="link-button" onClick={() => onLocate({ table: f.table!, row: f.row, column: f.column })}>
        {label}
      </button>,
    );
  }
  return links.length ? <p className="where">{links}</p> : null;
}
