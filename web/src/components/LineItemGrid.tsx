/**
 * The line items of a budget as an editable grid: each change is saved on its own (with the
 * budget version it was based on), codes are chosen with pickers, amounts typed in 万元.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Classification, LineItem } from '../api.ts';
import { wan, wanExact } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { amountProblemKey } from '../amount-check.ts';
import { type CellProblems, CellNotes, type Field } from './CellProblem.tsx';
import { CodePicker } from './CodePicker.tsx';

/** A line item as the API takes it (amount: a 万元 decimal string). */
export interface LineItemInput {
  functionCode?: string;
  /** for a function code outside the list; '' clears it */
  functionName?: string;
  deptEconCode?: string;
  govEconCode?: string;
  kind?: string;
  project?: string;
  fund?: string;
  amount?: string;
}

interface Props {
  items: LineItem[];
  classification: Classification;
  /** Project names registered for the unit. */
  projects: string[];
  editable: boolean;
  /** Index of the row to show (a finding points at it). */
  highlight?: number;
  busy: Set<number>;
  onPatch: (item: LineItem, patch: LineItemInput) => Promise<boolean>;
  onAdd: (input: LineItemInput) => Promise<boolean>;
  onDelete: (item: LineItem, index: number) => Promise<boolean>;
  /** The checks' findings on each row's fields, shown in the cells. */
  problems?: CellProblems;
}

export function LineItemGrid({ items, classification: c, projects, editable, highlight, busy, onPatch, onAdd, onDelete, problems }: Props) {
  const { t, term } = useI18n();
  const [adding, setAdding] = useState(false);
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (highlight === undefined) return;
    body.current?.querySelector(`#item-${highlight + 1}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlight]);

  const select = (value: string, options: string[], onChange: (v: string) => void, label: string, blank?: string, className?: string) => (
    <select className={className} value={value} onChange={(e) => onChange(e.target.value)} disabled={!editable} aria-label={label} title={term(value)}>
      {blank !== undefined && <option value="">{blank}</option>}
      {!options.includes(value) && value !== '' && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {term(shortFund(o))}
        </option>
      ))}
    </select>
  );

  return (
    <div className="grid-wrap">
      <table className="grid line-items" aria-label={t('items')}>
        <thead>
          <tr>
            <th className="num">{t('colNo')}</th>
            <th>{t('colFunction')}</th>
            <th>{t('colDeptEcon')}</th>
            <th>{t('colGovEcon')}</th>
            <th>{t('colKind')}</th>
            <th>{t('colProject')}</th>
            <th>{t('colFund')}</th>
            <th className="num amount-col">{t('colAmount')}</th>
            {editable && <th />}
          </tr>
        </thead>
        <tbody ref={body}>
          {items.map((li, i) => {
            const patch = (p: LineItemInput) => void onPatch(li, p);
            const notes = problems?.get(i);
            const cell = (field: Field) => ({ className: notes?.has(field) ? 'has-problem' : undefined, 'data-field': field });
            return (
              <tr key={li.id} id={`item-${i + 1}`} data-id={li.id} className={[highlight === i ? 'highlight' : '', busy.has(li.id) ? 'busy' : '', notes ? 'has-problem' : ''].join(' ')}>
                <td className="num">{i + 1}</td>
                <td {...cell('functionCode')}>
                  <CodePicker
                    label={t('colFunction')}
                    subjects={c.function}
                    level="项"
                    value={li.functionCode}
                    disabled={!editable}
                    allowUnlisted
                    unlistedName={li.functionName}
                    onChange={(v, name) => patch({ functionCode: v, functionName: name ?? '' })}
                  />
                  <CellNotes notes={notes?.get('functionCode')} />
                </td>
                <td {...cell('deptEconCode')}>
                  <CodePicker label={t('colDeptEcon')} subjects={c.deptEcon} level="款" value={li.deptEconCode} disabled={!editable} onChange={(v) => patch({ deptEconCode: v })} />
                  <CellNotes notes={notes?.get('deptEconCode')} />
                </td>
                <td {...cell('govEconCode')}>
                  <CodePicker label={t('colGovEcon')} subjects={c.govEcon} level="款" value={li.govEconCode} emptyLabel={t('govEconAuto')} disabled={!editable} onChange={(v) => patch({ govEconCode: v })} />
                  <CellNotes notes={notes?.get('govEconCode')} />
                </td>
                <td {...cell('kind')}>
                  {select(li.kind, c.kinds, (v) => patch({ kind: v }), t('colKind'), undefined, 'kind')}
                  <CellNotes notes={notes?.get('kind')} />
                </td>
                <td {...cell('project')}>
                  {select(li.project ?? '', projects, (v) => patch({ project: v }), t('colProject'), '')}
                  <CellNotes notes={notes?.get('project')} />
                </td>
                <td {...cell('fund')}>
                  {select(li.fund, c.funds, (v) => patch({ fund: v }), t('colFund'))}
                  <CellNotes notes={notes?.get('fund')} />
                </td>
                <td {...cell('amount')} className={`num amount-cell${notes?.has('amount') ? ' has-problem' : ''}`}>
                  <AmountInput fen={li.amountFen} disabled={!editable} label={`${t('colAmount')} ${i + 1}`} onCommit={(amount) => onPatch(li, { amount })} />
                  <CellNotes notes={notes?.get('amount')} />
                </td>
                {editable && (
                  <td>
                    <button type="button" className="link-button danger" onClick={() => confirm(t('confirmDelete', { n: i + 1 })) && onDelete(li, i)}>
                      {t('deleteRow')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {editable &&
        (adding ? (
          <NewRow classification={c} projects={projects} onCancel={() => setAdding(false)} onAdd={async (input) => (await onAdd(input)) && (setAdding(false), true)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            + {t('addRow')}
          </button>
        ))}
    </div>
  );
}

/**
 * A fund source by its distinguishing part: this year's by the last segment (经费拨款), carry-over
 * with its prefix (上年结转结余/财政专户管理资金 differs from 本年/财政专户管理资金). Other labels as they are.
 */
const shortFund = (f: string) => (f.startsWith('本年/') ? f.split('/').at(-1)! : f);

/** A 万元 amount typed as text: saved on Enter or leaving the field, when it changed and parses. */
function AmountInput({ fen, disabled, label, onCommit }: { fen: number; disabled: boolean; label: string; onCommit: (amount: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const problemId = useId();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = async () => {
    if (text === null) return;
    const typed = text.trim();
    const key = typed === wanExact(fen) || typed === wan(fen) ? null : amountProblemKey(typed);
    const p = key && `${t(key)}：${typed}`;
    setProblem(p);
    if (p) return; // keep the text so that it can be corrected
    if (typed !== wanExact(fen) && typed !== wan(fen)) await onCommit(typed);
    // saved or refused (the notice says why): show the stored amount again
    setText(null);
  };
  return (
    <>
    <input
      className={`amount${problem ? ' invalid' : ''}`}
      inputMode="decimal"
      aria-label={label}
      aria-invalid={!!problem}
      aria-errormessage={problem ? problemId : undefined}
      value={text ?? wan(fen)}
      disabled={disabled}
      onFocus={() => setText((typed) => typed ?? wanExact(fen))}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') {
          setText(null);
          setProblem(null);
        }
      }}
    />
    {problem && <CellNotes id={problemId} notes={[{ severity: 'error', text: problem }]} />}
    </>
  );
}

function NewRow({ classification: c, projects, onAdd, onCancel }: { classification: Classification; projects: string[]; onAdd: (i: LineItemInput) => Promise<boolean>; onCancel: () => void }) {
  const { t, term } = useI18n();
  const [v, setV] = useState<LineItemInput>({ functionCode: '', deptEconCode: '', govEconCode: '', kind: c.kinds[0], project: '', fund: c.funds[0], amount: '' });
  const set = (p: LineItemInput) => setV((x) => ({ ...x, ...p }));
  const problemKey = v.amount ? amountProblemKey(v.amount) : null;
  const problem = problemKey && t(problemKey);
  const ready = v.functionCode && v.deptEconCode && v.amount && !problem;
  return (
    <fieldset className="card new-row">
      <legend>{t('addRowTitle')}</legend>
      <label>
        {t('colFunction')}
        <CodePicker
          label={t('colFunction')}
          subjects={c.function}
          level="项"
          value={v.functionCode!}
          allowUnlisted
          unlistedName={v.functionName || undefined}
          onChange={(x, name) => set({ functionCode: x, functionName: name ?? '' })}
        />
      </label>
      <label>
        {t('colDeptEcon')}
        <CodePicker label={t('colDeptEcon')} subjects={c.deptEcon} level="款" value={v.deptEconCode!} onChange={(x) => set({ deptEconCode: x })} />
      </label>
      <label>
        {t('colGovEcon')}
        <CodePicker label={t('colGovEcon')} subjects={c.govEcon} level="款" value={v.govEconCode!} emptyLabel={t('govEconAuto')} onChange={(x) => set({ govEconCode: x })} />
      </label>
      <label>
        {t('colKind')}
        <select value={v.kind} onChange={(e) => set({ kind: e.target.value })}>
          {c.kinds.map((k) => (
            <option key={k} value={k}>
              {term(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('colProject')}
        <select value={v.project} onChange={(e) => set({ project: e.target.value })}>
          <option value="" />
          {projects.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        {t('colFund')}
        <select value={v.fund} onChange={(e) => set({ fund: e.target.value })}>
          {c.funds.map((f) => (
            <option key={f} value={f}>
              {term(f)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('colAmount')}
        <input className={`amount${problem ? ' invalid' : ''}`} inputMode="decimal" value={v.amount} aria-invalid={!!problem} onChange={(e) => set({ amount: e.target.value })} />
        {problem && <CellNotes notes={[{ severity: 'error', text: problem }]} />}
      </label>
      <div className="row-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => void onAdd(v)}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </fieldset>
  );
}
