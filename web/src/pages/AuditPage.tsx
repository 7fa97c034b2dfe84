/**
 * Audit of someone's disclosure: upload a PDF, xlsx or text file; the server reads the tables back
 * and runs the same checks as on our own tables (POST /api/audit). Findings link to the cells.
 */
import { type FormEvent, useState } from 'react';
import { api, ApiError, type FindingsReport, type JsonTable } from '../api.ts';
import { ErrorNotice } from '../components/common.tsx';
import { FindingsPanel, type FindingTarget } from '../components/FindingsPanel.tsx';
import { TableBook, type TableCellRef } from '../components/TableBook.tsx';
import { useI18n } from '../i18n.ts';

export type AuditReport = FindingsReport & { tables: JsonTable[] };

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
      setReport(await api<AuditReport>('POST', '/api/audit', { form }));
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
          <input type="file" name="file" accept=".pdf,.xlsx,.txt,application/pdf,text/plain" required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auditRunning') : t('auditButton')}
        </button>
      </form>
      <ErrorNotice error={error} onClose={() => setError(undefined)} />
      {report && (
        <div className="workspace-body">
          <div className="workspace-main">
            <p className="muted">{t('auditTables', { n: report.tables.length })}</p>
            <TableBook tables={report.tables} highlight={highlight} />
          </div>
          <FindingsPanel report={report} checking={false} onLocate={locate} />
        </div>
      )}
    </section>
  );
}
