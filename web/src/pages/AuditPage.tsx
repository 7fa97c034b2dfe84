/**
 * Audit of someone's disclosure: upload a PDF, xlsx or text file; the server reads the tables back
 * and runs the same checks as on our own tables (POST /api/public/audit, open to anyone). Findings link to the cells.
 */
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Finding, type FindingsReport, type JsonTable } from '../api.ts';
import { ErrorNotice } from '../components/common.tsx';
import { FindingsPanel, type FindingTarget } from '../components/FindingsPanel.tsx';
import { TableBook, type TableCellRef } from '../components/TableBook.tsx';
import { useI18n } from '../i18n.ts';

/** The answer of POST /api/public/audit (the JSON of `yusuan audit`, with counts). */
export interface AuditReport {
  layout: string;
  tables: JsonTable[];
  findings: Finding[];
  coverage: { tablesExpected: number; tablesFound: number; tablesMissing: string[]; rulesRun: string[]; rulesNotRun: { rule: string; reason: string }[] };
  ambiguities: unknown[];
  warnings: string[];
  counts: { errors: number; warnings: number };
}

const asFindings = (r: AuditReport): FindingsReport => ({
  version: 0,
  errors: r.counts.errors,
  warnings: r.counts.warnings,
  findings: r.findings,
  rulesRun: r.coverage.rulesRun,
  rulesNotRun: r.coverage.rulesNotRun,
});

export function AuditPage() {
  const { t } = useI18n();
  const [report, setReport] = useState<AuditReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [highlight, setHighlight] = useState<TableCellRef>();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await api<AuditReport>('POST', '/api/public/audit', { form }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? new Error(t('auditUnavailable')) : err);
    } finally {
      setBusy(false);
    }
  };
  const locate = (target: FindingTarget) => 'table' in target && setHighlight({ ...target });

  return (
    <section className="page audit">
      <h1>{t('auditTitle')}</h1>
      <p className="muted">{t('auditIntro')}</p>
      <form className="card form inline-form" onSubmit={submit}>
        <label>
          {t('auditFile')}
          <input type="file" name="file" accept=".txt,.pdf,.xlsx,text/plain,application/pdf" required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auditRunning') : t('auditButton')}
        </button>
      </form>
      <ErrorNotice error={error} onClose={() => setError(undefined)} />
      {report && (
        <div className="workspace-body">
          <div className="workspace-main">
            <p className="muted" data-testid="audit-coverage">
              {t('auditTables', { n: report.coverage.tablesFound })} / {report.coverage.tablesExpected}
              {report.coverage.tablesMissing.length > 0 && ` · ${t('auditMissing', { ids: report.coverage.tablesMissing.join('、') })}`}
            </p>
            {report.warnings.length > 0 && (
              <ul className="read-warnings muted">
                {report.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
            <TableBook tables={report.tables} highlight={highlight} />
          </div>
          <FindingsPanel report={asFindings(report)} checking={false} onLocate={locate} />
        </div>
      )}
    </section>
  );
}
