/** Upload of an input: the Excel input workbook, or budget.json with line-items.csv. */
import { type FormEvent, useState } from 'react';
import { api, budgetUrl } from '../api.ts';
import { wan } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { ErrorNotice } from './common.tsx';

export interface ImportResult {
  unitCode: string;
  year: number;
  version: number;
  status: string;
  lineItems: number;
  totalFen: number;
}

/** With `target`, replaces that unit-year (at the version shown); without, imports every unit of the file. */
export function ImportForm({ target, onImported }: { target?: { unit: string; year: number; version: number }; onImported: (r: ImportResult[]) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<ImportResult[]>();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const files = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).files?.[0];
    const data = new FormData();
    const workbook = files('workbook');
    if (workbook) data.append('workbook', workbook);
    else {
      const budget = files('budget');
      const csv = files('lineItems');
      if (budget) data.append('budget', budget);
      if (csv) data.append('lineItems', csv);
    }
    if (target) data.append('version', String(target.version));
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const res = target
        ? [(await api<{ budget: ImportResult }>('POST', `${budgetUrl(target.unit, target.year)}/import`, { form: data })).budget]
        : (await api<{ budgets: ImportResult[] }>('POST', '/api/imports', { form: data })).budgets;
      setDone(res);
      form.reset();
      onImported(res);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form import-form" onSubmit={submit}>
      <h3>{t('importTitle')}</h3>
      <p className="muted">{t('importHint')}</p>
      <div className="import-choices">
        <label>
          {t('importWorkbook')}
          <input type="file" name="workbook" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </label>
        <span className="or">/</span>
        <label>
          {t('importJson')}
          <input type="file" name="budget" accept=".json,application/json" />
        </label>
        <label>
          {t('importCsv')}
          <input type="file" name="lineItems" accept=".csv,text/csv" />
        </label>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('importing') : t('importButton')}
      </button>
      {done?.map((r) => (
        <p key={r.unitCode} className="ok" role="status">
          {r.unitCode} {r.year}：{t('imported', { n: r.lineItems, total: wan(r.totalFen) })}
        </p>
      ))}
      <ErrorNotice error={error} onClose={() => setError(undefined)} />
    </form>
  );
}
