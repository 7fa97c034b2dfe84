/**
 * Audit of someone's disclosures: upload one or more PDF, xlsx or text files; the server reads
 * each one's tables back and runs the same checks as on our own tables (POST /api/public/audit,
 * open to anyone, one file per request). Files go one after another, with progress; a busy server
 * (503) is asked again after the time it names. Each file gets a line; the chosen one's tables
 * and findings are shown, findings linked to their cells.
 */
import { type FormEvent, useEffect, useState } from 'react';
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

interface FileResult {
  name: string;
  report?: AuditReport;
  error?: unknown;
}

const asFindings = (r: AuditReport): FindingsReport => ({
  version: 0,
  errors: r.counts.errors,
  warnings: r.counts.warnings,
  findings: r.findings,
  rulesRun: r.coverage.rulesRun,
  rulesNotRun: r.coverage.rulesNotRun,
});

const MAX_RETRIES = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function AuditPage() {
  const { t } = useI18n();
  const [results, setResults] = useState<FileResult[]>([]);
  const [shown, setShown] = useState<number>();
  const [progress, setProgress] = useState<{ i: number; n: number; name: string; started: number; retryIn?: number }>();
  const [, tick] = useState(0);
  const [highlight, setHighlight] = useState<TableCellRef>();

  // the elapsed seconds in the progress line move while a file is being audited
  useEffect(() => {
    if (!progress) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [progress]);

  const auditOne = async (file: File, i: number, n: number): Promise<FileResult> => {
    for (let attempt = 0; ; attempt++) {
      setProgress({ i, n, name: file.name, started: Date.now() });
      const form = new FormData();
      form.append('file', file);
      try {
        return { name: file.name, report: await api<AuditReport>('POST', '/api/public/audit', { form }) };
      } catch (err) {
        const retry = err instanceof ApiError && err.status === 503 ? Number((err.details as { retryAfterSeconds?: number })?.retryAfterSeconds ?? 5) : 0;
        if (retry && attempt < MAX_RETRIES) {
          setProgress({ i, n, name: file.name, started: Date.now(), retryIn: retry });
          await sleep(retry * 1000);
          continue;
        }
        return { name: file.name, error: err instanceof ApiError && err.status === 404 ? new Error(t('auditUnavailable')) : err };
      }
    }
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const files = [...((e.currentTarget.elements.namedItem('file') as HTMLInputElement).files ?? [])];
    if (!files.length) return;
    setResults([]);
    setShown(undefined);
    const done: FileResult[] = [];
    for (const [k, file] of files.entries()) {
      done.push(await auditOne(file, k + 1, files.length));
      setResults([...done]);
      setShown((s) => s ?? (done.at(-1)!.report ? k : undefined));
    }
    setProgress(undefined);
  };
  const locate = (target: FindingTarget) => 'table' in target && setHighlight({ ...target });
  const report = shown === undefined ? undefined : results[shown]?.report;
  const single = results.length === 1 && !progress;

  return (
    <section className="page audit">
      <h1>{t('auditTitle')}</h1>
      <p className="muted">{t('auditIntro')}</p>
      <form className="card form inline-form" onSubmit={submit}>
        <label>
          {t('auditFile')}
          <input type="file" name="file" multiple accept=".txt,.pdf,.xlsx,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </label>
        <button type="submit" className="primary" disabled={!!progress}>
          {progress ? t('auditRunning') : t('auditButton')}
        </button>
      </form>
      {progress && (
        <p className="muted" role="status" data-testid="audit-progress">
          <progress value={progress.i - 1} max={progress.n} />{' '}
          {progress.retryIn
            ? t('auditBusy', { s: progress.retryIn, name: progress.name })
            : t('auditProgress', { i: progress.i, n: progress.n, name: progress.name, s: Math.floor((Date.now() - progress.started) / 1000) })}
        </p>
      )}
      {single && results[0].error !== undefined && <ErrorNotice error={results[0].error} onClose={() => setResults([])} />}
      {!single && results.length > 0 && (
        <div className="card">
          <h2>{t('auditResults')}</h2>
          <ul className="audit-files" data-testid="audit-files">
            {results.map((r, k) => (
              <li key={k} className={r.report ? (r.report.counts.errors ? 'error' : 'clean') : 'failed'}>
                <strong>{r.name}</strong>{' '}
                {r.report ? t('auditCounts', r.report.counts) : `${t('auditFailed')} — ${r.error instanceof Error ? r.error.message : String(r.error)}`}{' '}
                {r.report && (
                  <button type="button" onClick={() => setShown(k)} disabled={shown === k}>
                    {t('auditShow')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report && (
        <div className="workspace-body">
          <div className="workspace-main">
            <p className="muted" data-testid="audit-coverage">
              {results.length > 1 && `${results[shown!].name} · `}
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
