/**
 * Checks a document of a column-read family against its identities. Only what is printed is
 * compared: a rule whose table, row or column the document does not print is not run (with the
 * reason); a blank cell in a printed column counts as zero. Each comparison allows half the
 * displayed step of every figure in it (a whole-元 figure in a table of 分 is rounded to 元), and
 * every finding names the printed figures it compared.
 */
import type { CheckReport, Finding } from '../../checks/types.ts';
import { leaves, type Table } from '../../ir/table.ts';
import { formatMoney, FEN_PER } from '../../money/money.ts';
import { conceptLabel } from '../layouts/concepts.ts';
import type { CellRef, FamilyRule } from '../layouts/family.ts';
import type { GridRead } from '../read/grid/index.ts';

interface Term {
  table: Table;
  row: number;
  col: number;
  value: number;
  step: number;
  /** placed by guess */
  unsure?: boolean;
}

class NotRun extends Error {}

export function checkFamily(read: GridRead): CheckReport {
  const report: CheckReport = { findings: [], rulesRun: [], rulesNotRun: [] };
  const byId = new Map(read.tables.map((t) => [t.id, t]));
  const kindName = (id: string) => read.family.kinds.find((k) => k.id === id)?.name ?? id;
  for (const id of read.missing)
    report.findings.push(finding('C-tables', 'error', `缺少${kindName(id)}`, `table ${kindName(id)} is missing`, { table: id }));
  for (const t of read.tables)
    if (t.empty && !t.notes.length)
      report.findings.push(finding('C-empty-note', 'warning', `${t.mark}为空表，但没有说明原因`, `${t.mark} is empty without a note saying why`, { table: t.id }));
  for (const t of read.tables.filter((x) => read.unitInferred.includes(x.id)))
    report.findings.push(
      finding('C-unit', 'warning', `${t.mark}未印出金额单位，按本文件其他表的单位（${t.unit}）读取`, `${t.mark} prints no unit; read in ${t.unit} like the document's other tables`, { table: t.id }),
    );
  const ctx = { byId, steps: read.steps, unsure: read.unsure, kindName };
  for (const rule of read.family.rules) {
    try {
      const found = evaluate(rule, ctx);
      report.rulesRun.push(rule.id);
      report.findings.push(...found);
    } catch (e) {
      if (!(e instanceof NotRun)) throw e;
      report.rulesNotRun.push({ rule: rule.id, reason: e.message });
    }
  }
  return report;
}

interface Ctx {
  byId: Map<string, Table>;
  steps: GridRead['steps'];
  unsure: GridRead['unsure'];
  kindName: (id: string) => string;
}

function evaluate(rule: FamilyRule, ctx: Ctx): Finding[] {
  const table = (id: string) => ctx.byId.get(id) ?? fail(`缺少${ctx.kindName(id)}`);
  switch (rule.kind) {
    case 'rowSum': {
      const t = table(rule.table);
      const total = colOf(t, rule.total);
      const parts = rule.parts.flatMap((p) => optionalCol(t, p) ?? []);
      if (total === undefined) fail(`${t.mark}没有“${conceptLabel(rule.total)}”列`);
      if (parts.length < 2) fail(`${t.mark}印出的组成列不足两列`);
      const anyIn = (c: number) => t.rows.some((r) => typeof r.cells[c] === 'number');
      if (!anyIn(total!) && parts.some(anyIn)) fail(`${t.mark}“${conceptLabel(rule.total)}”列未读到任何数字`);
      const out: Finding[] = [];
      t.rows.forEach((_, r) => {
        const lhs = term(t, r, total!, ctx);
        const rhs = parts.map((c) => term(t, r, c, ctx));
        if (lhs.step === 0 && rhs.every((x) => x.step === 0)) return;
        const f = compare(rule, [lhs], rhs, '=');
        if (f) out.push(f);
      });
      return out;
    }
    case 'rowBalance': {
      const t = table(rule.table);
      const col = (k: string) => colOf(t, k) ?? fail(`${t.mark}没有“${conceptLabel(k)}”列`);
      const [lhsCols, rhsCols] = [rule.lhs.map(col), rule.rhs.map(col)];
      if (![...lhsCols, ...rhsCols].some((c) => t.rows.some((r) => typeof r.cells[c] === 'number'))) fail(`${t.mark}未读到任何数字`);
      const out: Finding[] = [];
      t.rows.forEach((_, r) => {
        const lhs = lhsCols.map((c) => term(t, r, c, ctx));
        const rhs = rhsCols.map((c) => term(t, r, c, ctx));
        if ([...lhs, ...rhs].every((x) => x.step === 0)) return;
        const f = compare(rule, lhs, rhs, '=');
        if (f) out.push(f);
      });
      return out;
    }
    case 'tree': {
      const t = table(rule.table);
      const out: Finding[] = [];
      const amountCols = leaves(t.header).flatMap((c, i) => (c.kind === 'amount' ? [i] : []));
      const rowsByCode = t.rows.map((r, i) => ({ r, i })).filter((x) => x.r.code);
      // Two-sided tables print a total row per side: each column's total is the one with a figure in it.
      const totals = t.rows.flatMap((r, i) => (r.kind === 'total' ? [i] : []));
      const totalFor = (c: number) => totals.find((i) => typeof t.rows[i].cells[c] === 'number') ?? totals[0];
      const classes = rowsByCode.filter((x) => x.r.code!.length === 3).map((x) => x.i);
      for (const c of totals.length && classes.length ? amountCols : []) {
        const lhs = term(t, totalFor(c), c, ctx);
        const rhs = classes.map((k) => term(t, k, c, ctx));
        if (lhs.step === 0 && rhs.every((x) => x.step === 0)) continue;
        const f = compare(rule, [lhs], rhs, '=');
        if (f) out.push(f);
      }
      const parentsOf = [
        ...rowsByCode
          .filter((x) => x.r.code!.length < 7)
          .map((x) => ({ parent: x.i, kids: rowsByCode.filter((y) => y.r.code!.length === x.r.code!.length + 2 && y.r.code!.startsWith(x.r.code!)).map((y) => y.i) })),
      ].filter((p) => p.kids.length);
      for (const { parent, kids } of parentsOf)
        for (const c of amountCols) {
          const lhs = term(t, parent, c, ctx);
          const rhs = kids.map((k) => term(t, k, c, ctx));
          if (lhs.step === 0 && rhs.every((x) => x.step === 0)) continue;
          const f = compare(rule, [lhs], rhs, '=');
          if (f) out.push(f);
        }
      return out;
    }
    case 'cells': {
      const lhs = rule.lhs.map((r) => resolve(r, ctx));
      const rhs = rule.rhs.map((r) => resolve(r, ctx));
      // A column in which no figure was read at all cannot be the basis of an error.
      for (const x of [...lhs, ...rhs])
        if (!x.table.rows.some((r) => typeof r.cells[x.col] === 'number')) fail(`${x.table.mark}“${leaves(x.table.header)[x.col].path.join('/')}”列未读到任何数字`);
      const f = compare(rule, lhs, rhs, rule.op ?? '=');
      return f ? [f] : [];
    }
    case 'join': {
      const L = table(rule.left);
      const R = table(rule.right);
      const out: Finding[] = [];
      const rightAt = new Map(R.rows.flatMap((r, i) => (r.code ? [[r.code, i]] : [])));
      for (const [lk, rk] of rule.cols) {
        const lc = colOf(L, lk) ?? fail(`${L.mark}没有“${conceptLabel(lk)}”列`);
        const rc = colOf(R, rk) ?? fail(`${R.mark}没有“${conceptLabel(rk)}”列`);
        L.rows.forEach((row, i) => {
          if (!row.code) return;
          const ri = rightAt.get(row.code);
          const lhs = term(L, i, lc, ctx);
          if (lhs.step === 0) return;
          const rhs = ri === undefined ? { table: R, row: -1, col: rc, value: 0, step: 0 } : term(R, ri, rc, ctx);
          const f = compare(rule, [lhs], [rhs], rule.op);
          if (f) out.push(f);
        });
      }
      return out;
    }
  }
}

function fail(reason: string): never {
  throw new NotRun(reason);
}

/** A column by concept: in a side-by-side table the right half first; a half with one amount column answers for 合计. */
function colOf(t: Table, key: string, side?: 'left' | 'right'): number | undefined {
  const ls = leaves(t.header);
  const prefixes = side === 'left' ? ['l.'] : side === 'right' ? ['r.'] : ['', 'r.', 'l.'];
  for (const p of prefixes) {
    const i = ls.findIndex((c) => c.key === p + key);
    if (i >= 0) return i;
  }
  if (side && (key === 'total' || key === 'amount')) {
    const own = ls.flatMap((c, i) => (c.kind === 'amount' && c.key.startsWith(side === 'left' ? 'l.' : 'r.') ? [i] : []));
    if (own.length === 1) return own[0];
  }
  return undefined;
}

const optionalCol = (t: Table, key: string) => colOf(t, key);

function term(t: Table, row: number, col: number, ctx: Ctx): Term {
  const v = t.rows[row]?.cells[col];
  const step = ctx.steps.get(t.id)?.get(`${row}:${col}`) ?? 0;
  const unsure = ctx.unsure.get(t.id)?.has(`${row}:${col}`);
  return { table: t, row, col, value: typeof v === 'number' ? v : 0, step, ...(unsure ? { unsure } : {}) };
}

function resolve(ref: CellRef, ctx: Ctx): Term {
  const t = ctx.byId.get(ref.table) ?? fail(`缺少${ctx.kindName(ref.table)}`);
  const side = 'label' in ref.row ? ref.row.side : undefined;
  const col = colOf(t, ref.col, side) ?? fail(`${t.mark}没有“${conceptLabel(ref.col)}”列`);
  let row: number;
  // Two-sided tables print a total row per side: the one with a figure in the column.
  if ('total' in ref.row) {
    const totals = t.rows.flatMap((r, i) => (r.kind === 'total' ? [i] : []));
    row = totals.find((i) => typeof t.rows[i].cells[col] === 'number') ?? totals[0] ?? -1;
  }
  else {
    const { label, after } = ref.row;
    const labelCol = leaves(t.header).findIndex((c) => c.key === (side === 'right' ? 'r.label' : 'l.label'));
    const is = (re: RegExp) => (r: Table['rows'][number]) => typeof r.cells[labelCol] === 'string' && re.test((r.cells[labelCol] as string).replace(/\s/g, ''));
    const from = after ? t.rows.findIndex(is(after)) : 0;
    row = from < 0 ? -1 : t.rows.findIndex((r, i) => i >= (after ? from + 1 : 0) && is(label)(r));
  }
  if (row < 0) fail(`${t.mark}找不到${'total' in ref.row ? '合计' : `“${ref.row.label.source.replace(/[\^$\\]/g, '')}”`}行`);
  return term(t, row, col, ctx);
}

function compare(rule: FamilyRule, lhs: Term[], rhs: Term[], op: '=' | '<='): Finding | undefined {
  const sum = (ts: Term[]) => ts.reduce((s, x) => s + x.value, 0);
  const tol = [...lhs, ...rhs].reduce((s, x) => s + x.step / 2, 0);
  const found = sum(lhs);
  const expected = sum(rhs);
  if (op === '=' ? Math.abs(found - expected) <= tol : found <= expected + tol) return undefined;
  const at = lhs[0];
  const t = at.table;
  const col = leaves(t.header)[at.col];
  // Each term names its table and row only where they change from the term before.
  let lastTable = '';
  let lastRow = '';
  const show = (x: Term) => {
    const row = `「${x.row < 0 ? '（无此行）' : rowLabel(x.table, x.row)}」`;
    const col = leaves(x.table.header)[x.col]?.path.join('/') ?? '';
    const out = `${x.table.mark === lastTable ? '' : x.table.mark}${x.table.mark === lastTable && row === lastRow ? '' : row}${col} ${fmt(x)}`;
    [lastTable, lastRow] = [x.table.mark, row];
    return out;
  };
  const left = lhs.map(show).join(' + ');
  const right = rhs.length ? rhs.map(show).join(' + ') : '0';
  const diff = formatMoney(found - expected, t.unit, Math.max(...[...lhs, ...rhs].map(decimalsOfTerm)));
  const message = `${rule.formula} 不成立：${left} ${op === '=' ? '≠' : '>'} ${right}（差 ${grouped(diff)}）`;
  // A figure the reader could only place by guess is never the basis of an error.
  const guessed = [...lhs, ...rhs].some((x) => x.unsure);
  const en = `Identity ${rule.id} does not hold: ${left} ${op === '=' ? '≠' : '>'} ${right} (difference ${diff})`;
  return finding(rule.id, guessed ? 'info' : 'error', guessed ? `（数字位置不能确定，未作判断）${message}` : message, guessed ? `(figure placement uncertain, not judged) ${en}` : en, {
    table: t.id,
    row: at.row,
    rowLabel: rowLabel(t, at.row),
    column: col.key,
    columnLabel: col.path.join('/'),
    expected,
    found,
  });
}

/** A figure as printed: its own decimals, thousands separated; a blank cell as 空. */
function fmt(x: Term): string {
  if (x.step === 0) return '空';
  return grouped(formatMoney(x.value, x.table.unit, decimalsOfTerm(x)));
}

const decimalsOfTerm = (x: Term) => (x.step ? Math.max(0, Math.round(Math.log10(FEN_PER[x.table.unit] / x.step))) : 0);
const grouped = (s: string) => s.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

export function rowLabel(t: Table, row: number): string {
  const r = t.rows[row];
  if (!r) return '';
  const texts = r.cells.filter((c, i) => typeof c === 'string' && leaves(t.header)[i]?.kind !== 'amount') as string[];
  return texts.join(' ') || (r.kind === 'total' ? '合计' : '');
}

function finding(rule: string, severity: Finding['severity'], message: string, messageEn: string, rest: Partial<Finding>): Finding {
  return { rule, severity, message, messageEn, ...rest };
}
