/**
 * A unit's budget for a year: line items, the 23 tables, history, import and downloads, with the
 * workflow on top and the findings beside. Writes go one at a time, each with the version the
 * previous one returned, so the app never races itself; a 409 means someone else changed it.
 */
import { useRef, useState } from 'react';
import { api, budgetUrl, type BudgetView, type Classification, type FindingsReport, get, type JsonTable, type LineItem, post, type Status } from '../api.ts';
import { ErrorNotice, Tabs, useLoad } from '../components/common.tsx';
import { useCellProblems } from '../components/CellProblem.tsx';
import { Downloads } from '../components/Downloads.tsx';
import { type FindingTarget, FindingsPanel } from '../components/FindingsPanel.tsx';
import { History } from '../components/History.tsx';
import { ImportForm } from '../components/ImportForm.tsx';
import { LineItemGrid, type LineItemInput } from '../components/LineItemGrid.tsx';
import { TableBook, type TableCellRef } from '../components/TableBook.tsx';
import { type Transition, WorkflowBar } from '../components/WorkflowBar.tsx';
import { wan } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.ts';
import { PageLoadError } from './ErrorPages.tsx';

type Tab = 'items' | 'tables' | 'history' | 'files';
interface Written {
  version: number;
  status: Status;
}

export function Workspace({ unit, year }: { unit: string; year: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const base = budgetUrl(unit, year);
  const budget = useLoad(() => get<BudgetView>(base), [base]);
  const b = budget.data;
  const classification = useLoad(() => get<Classification>(`/api/classification/${year}`), [year]);
  const findings = useLoad(() => get<FindingsReport>(`${base}/findings`), [base, b?.version]);
  const problems = useCellProblems(findings.data?.findings);
  const [tab, setTab] = useState<Tab>('items');
  const tables = useLoad(() => (tab === 'tables' ? get<{ tables: JsonTable[] }>(`${base}/tables`) : Promise.resolve(undefined)), [base, b?.version, tab === 'tables']);
  const [itemHighlight, setItemHighlight] = useState<number>();
  const [cellHighlight, setCellHighlight] = useState<TableCellRef>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(new Set<number>());
  const [published, setPublished] = useState<number>();
  const queue = useRef(Promise.resolve());
  const version = useRef(0);
  if (b) version.current = b.version;

  /** Runs one write after the previous ones, based on the latest version; applies its answer. */
  const write = <R extends Written>(send: (version: number) => Promise<R>, apply: (b: BudgetView, r: R) => BudgetView, id?: number) =>
    new Promise<boolean>((resolve) => {
      queue.current = queue.current.then(async () => {
        setError(undefined);
        if (id !== undefined) setBusy((s) => new Set(s).add(id));
        try {
          const r = await send(version.current);
          version.current = r.version;
          budget.setData((cur) => apply({ ...cur!, version: r.version, status: r.status }, r));
          resolve(true);
        } catch (e) {
          setError(e);
          resolve(false);
        } finally {
          if (id !== undefined)
            setBusy((s) => {
              const n = new Set(s);
              n.delete(id);
              return n;
            });
        }
      });
    });

  if (budget.error && !b) return <PageLoadError error={budget.error} onReload={budget.reload} />;
  if (!b || !classification.data) return <section className="page"><p className="muted">{t('loading')}</p></section>;

  const canEditRole = user?.role === 'admin' || (user?.role === 'editor' && user.unitCode === b.unit.code);
  const editable = canEditRole && b.status !== 'submitted';
  const projects = (b.document.projects ?? []).filter((p) => p.unit === b.unit.code).map((p) => p.name);

  const patch = (li: LineItem, p: LineItemInput) =>
    write(
      (v) => api<Written & { item: LineItem }>('PATCH', `${base}/line-items/${li.id}`, { json: { ...p, amountUnit: '万元' }, version: v }),
      (cur, r) => ({ ...cur, lineItems: cur.lineItems.map((x) => (x.id === li.id ? r.item : x)) }),
      li.id,
    );
  const add = (input: LineItemInput) =>
    write(
      (v) => api<Written & { item: LineItem }>('POST', `${base}/line-items`, { json: { ...input, project: input.project || undefined, govEconCode: input.govEconCode || undefined, amountUnit: '万元' }, version: v }),
      (cur, r) => ({ ...cur, lineItems: [...cur.lineItems, r.item] }),
    );
  const remove = (li: LineItem) =>
    write(
      (v) => api<Written>('DELETE', `${base}/line-items/${li.id}`, { version: v }),
      (cur) => ({ ...cur, lineItems: cur.lineItems.filter((x) => x.id !== li.id) }),
      li.id,
    );
  const transition = (name: Transition, comment?: string) =>
    write(
      (v) => post<Written & { snapshot?: { version: number } }>(`${base}/${name}`, comment ? { comment } : {}, v),
      (cur, r) => {
        if (r.snapshot) setPublished(r.snapshot.version);
        return { ...cur, reviewComment: name === 'approve' || name === 'return' ? (comment ?? null) : cur.reviewComment };
      },
    );
  const locate = (target: FindingTarget) => {
    if ('item' in target) {
      setTab('items');
      setItemHighlight(target.item);
    } else {
      setTab('tables');
      setCellHighlight({ ...target });
    }
  };
  const reload = () => {
    setError(undefined);
    budget.reload();
  };
  const total = b.lineItems.reduce((s, li) => s + li.amountFen, 0);

  return (
    <section className="page workspace">
      <div className="page-head">
        <h1>
          {b.unit.name} <span className="sub">{b.unit.code} · {b.year}</span>
        </h1>
        <span className="muted">{b.unit.departmentName}</span>
        <Link to={`/budgets/${unit}/${year}/publication`}>预算说明信息</Link>
      </div>
      <WorkflowBar budget={b} user={user} errors={findings.data?.errors ?? 0} publishedVersion={published} onTransition={transition} />
      <ErrorNotice error={error} onReload={reload} onClose={() => setError(undefined)} />
      {!editable && <p className="muted read-only">{canEditRole ? t('readOnlySubmitted') : t('readOnlyRole')}</p>}
      <div className="workspace-body">
        <div className="workspace-main">
          <Tabs<Tab>
            tabs={[
              ['items', `${t('tabItems')} (${b.lineItems.length})`],
              ['tables', t('tabTables')],
              ['history', t('tabHistory')],
              ['files', t('tabFiles')],
            ]}
            active={tab}
            onChange={setTab}
          />
          {tab === 'items' && (
            <>
              <p className="muted">{t('itemsCount', { n: b.lineItems.length, total: wan(total) })}</p>
              <LineItemGrid
                items={b.lineItems}
                classification={classification.data}
                projects={projects}
                editable={editable}
                highlight={itemHighlight}
                busy={busy}
                onPatch={patch}
                onAdd={add}
                onDelete={remove}
                problems={problems}
              />
            </>
          )}
          {tab === 'tables' && (
            <>
              <ErrorNotice error={tables.error} onReload={tables.reload} />
              {tables.data ? <TableBook tables={tables.data.tables} highlight={cellHighlight} /> : <p className="muted">{t('loading')}</p>}
            </>
          )}
          {tab === 'history' && <History unit={unit} year={year} version={b.version} items={b.lineItems} />}
          {tab === 'files' && (
            <div className="files">
              <Downloads base={base} hint={t('draftDownloadsHint')} />
              {editable && <ImportForm target={{ unit, year, version: b.version }} onImported={() => budget.reload()} />}
            </div>
          )}
        </div>
        <FindingsPanel report={findings.data} checking={findings.loading} onLocate={locate} />
      </div>
    </section>
  );
}
