/**
 * The form for what 第一部分 部门预算说明 needs beyond the line items: 职能职责, 机构设置, staffing,
 * last year's figures and the reasons for changes, 政府采购, 国有资产, meetings and trainings.
 * It reads and saves budget.json's `publication` (amounts in 万元) with the version it read; the
 * server validates and names each problem's field. Lists are typed one entry per line.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { api, budgetUrl, get } from '../api.ts';
import { ErrorNotice, useLoad } from '../components/common.tsx';
import { Link } from '../router.tsx';

type Json = Record<string, unknown>;
interface View {
  version: number;
  amountUnit: string;
  inputs: Json | null;
}

/** Each field: its path in `publication`, its label, and how it is typed. */
type Kind = 'text' | 'long' | 'count' | 'amount' | 'lines' | 'vehicles' | 'newAssets';
const FIELDS: [string, string, Kind][] = [
  ['duties', '职能职责', 'long'],
  ['organisation', '机构设置', 'long'],
  ['divisions', '内设机构（每行一个）', 'lines'],
  ['staffing.establishment', '编制数（人）', 'count'],
  ['staffing.serving', '实有在职人数（人）', 'count'],
  ['staffing.retired', '离退休人数（人）', 'count'],
  ['previousYear.income', '上年收入预算总计（万元）', 'amount'],
  ['previousYear.expenditure', '上年支出预算总计（万元）', 'amount'],
  ['previousYear.gpb', '上年一般公共预算拨款支出（万元）', 'amount'],
  ['previousYear.govFund', '上年政府性基金预算拨款支出（万元）', 'amount'],
  ['previousYear.threePublic', '上年“三公”经费预算（万元）', 'amount'],
  ['previousYear.officeRunning', '上年机关运行经费（万元）', 'amount'],
  ['previousYear.meetings', '上年会议费（万元）', 'amount'],
  ['previousYear.training', '上年培训费（万元）', 'amount'],
  ['reasons.income', '收入增减原因', 'long'],
  ['reasons.expenditure', '支出增减原因', 'long'],
  ['reasons.threePublic', '“三公”经费增减原因', 'long'],
  ['reasons.officeRunning', '机关运行经费增减原因', 'long'],
  ['reasons.generalExpenditure', '一般性支出说明', 'long'],
  ['procurement.goods', '政府采购预算：货物类（万元）', 'amount'],
  ['procurement.works', '政府采购预算：工程类（万元）', 'amount'],
  ['procurement.services', '政府采购预算：服务类（万元）', 'amount'],
  ['assets.asOf', '国有资产截至日期（如 2023年12月31日）', 'text'],
  ['assets.vehicles', '车辆（每行：类别 数量）', 'vehicles'],
  ['assets.equipmentOver50', '单位价值50万元以上通用设备（台/套）', 'count'],
  ['assets.specialEquipmentOver100', '单位价值100万元以上专用设备（台/套）', 'count'],
  ['assets.newAssets', '拟新增资产（每行：名称 数量 金额）', 'newAssets'],
  ['meetings.count', '拟召开会议（次）', 'count'],
  ['meetings.people', '会议人数（人）', 'count'],
  ['meetings.content', '会议内容', 'text'],
  ['training.count', '拟举办培训（次）', 'count'],
  ['training.people', '培训人数（人）', 'count'],
  ['training.content', '培训内容', 'text'],
];

const getPath = (o: Json | null, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x as Json | undefined)?.[k], o ?? undefined);

/** The form's text of a field. */
function display(v: unknown, kind: Kind): string {
  if (v === undefined || v === null) return '';
  if (kind === 'lines') return (v as string[]).join('\n');
  if (kind === 'vehicles') return (v as { category: string; count: number }[]).map((x) => `${x.category} ${x.count}`).join('\n');
  if (kind === 'newAssets') return (v as { name: string; count: number; amount: string }[]).map((x) => `${x.name} ${x.count} ${x.amount}`).join('\n');
  return String(v);
}

/** A field's text as the API takes it (counts that are not whole numbers go as typed, for the server to name). */
function parse(text: string, kind: Kind): unknown {
  const t = text.trim();
  if (!t) return undefined;
  const lines = t.split('\n').map((l) => l.trim()).filter(Boolean);
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);
  switch (kind) {
    case 'count':
      return num(t);
    case 'lines':
      return lines;
    case 'vehicles':
      return lines.map((l) => {
        const m = /^(.*\S)\s+(\S+)$/.exec(l);
        return m ? { category: m[1], count: num(m[2]) } : { category: l, count: l };
      });
    case 'newAssets':
      return lines.map((l) => {
        const m = /^(.*\S)\s+(\S+)\s+(\S+)$/.exec(l);
        return m ? { name: m[1], count: num(m[2]), amount: m[3] } : { name: l, count: l, amount: l };
      });
    default:
      return t;
  }
}

/** The form's texts back into `publication`; groups left empty are left out, other keys kept as they were. */
function toInputs(values: Record<string, string>, before: Json | null): Json {
  const out: Json = { ...(before ?? {}) };
  for (const [path] of FIELDS) {
    const [top] = path.split('.');
    if (path.includes('.')) delete out[top];
    else delete out[path];
  }
  for (const [path, , kind] of FIELDS) {
    const v = parse(values[path] ?? '', kind);
    if (v === undefined) continue;
    const keys = path.split('.');
    let o = out;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Json;
    o[keys[keys.length - 1]] = v;
  }
  return out;
}

/** Labels left, inputs right; the page's own layout, so that it needs nothing from the shared stylesheet. */
const FORM_GRID = { display: 'grid', gridTemplateColumns: 'minmax(10em, 22em) minmax(0, 40em)', gap: '0.5em 1em', alignItems: 'start' } as const;

export function PublicationInputsPage({ unit, year }: { unit: string; year: number }) {
  const url = `${budgetUrl(unit, year)}/publication`;
  const view = useLoad(() => get<View>(url), [url]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (view.data) setValues(Object.fromEntries(FIELDS.map(([path, , kind]) => [path, display(getPath(view.data!.inputs, path), kind)])));
  }, [view.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const r = await api<View>('PUT', url, { json: { inputs: toInputs(values, view.data!.inputs) }, version: view.data!.version });
      view.setData(() => r);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="page publication-inputs">
      <p>
        <Link to={`/budgets/${unit}/${year}`}>← {unit} {year}</Link>
      </p>
      <h1>预算说明信息（{year}）</h1>
      <p>第一部分 部门预算说明的金额取自预算表；此处填写预算表之外的信息。金额单位：万元。</p>
      <ErrorNotice error={view.error ?? error} onReload={() => view.reload()} />
      {view.data && (
        <form onSubmit={save} data-testid="publication-form" style={FORM_GRID}>
          {FIELDS.map(([path, label, kind]) => (
            <label key={path} className="field" style={{ display: 'contents' }}>
              <span>{label}</span>
              {kind === 'long' || kind === 'lines' || kind === 'vehicles' || kind === 'newAssets' ? (
                <textarea style={{ width: '100%' }} name={path} rows={kind === 'long' ? 4 : 3} value={values[path] ?? ''} onChange={(e) => setValues({ ...values, [path]: e.target.value })} />
              ) : (
                <input
                  style={{ maxWidth: '16em' }}
                  name={path}
                  inputMode={kind === 'text' ? undefined : 'decimal'}
                  value={values[path] ?? ''}
                  onChange={(e) => setValues({ ...values, [path]: e.target.value })}
                />
              )}
            </label>
          ))}
          <span />
          <span>
            <button type="submit" className="primary">
              保存
            </button>
            {saved && <span role="status"> 已保存（版本 {view.data.version}）</span>}
          </span>
        </form>
      )}
    </section>
  );
}
