/**
 * The province (whole portal) at a glance: every published unit's latest package of a year,
 * summed by department and by function (类 › 款 › 项), and the whole against the year before.
 * Pure: the server hands in one small summary per published package (see `summarize`), so the
 * overview never holds the packages themselves.
 */
import type { Classification } from '../classification/classification.ts';
import type { Budget } from '../model/budget.ts';

/** What the overview needs of one published package (amounts in 分). */
export interface PackageSummary {
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  unitName: string;
  year: number;
  version: number;
  totalFen: number;
  /** 项 code (7 digits) → amount. */
  functionFen: Record<string, number>;
}

export function summarize(budget: Pick<Budget, 'lineItems'>): Pick<PackageSummary, 'totalFen' | 'functionFen'> {
  const functionFen: Record<string, number> = {};
  let totalFen = 0;
  for (const li of budget.lineItems) {
    totalFen += li.amount;
    functionFen[li.functionCode] = (functionFen[li.functionCode] ?? 0) + li.amount;
  }
  return { totalFen, functionFen };
}

export interface OverviewFunction {
  code: string;
  name: string;
  amountFen: number;
  children?: OverviewFunction[];
}

export interface OverviewDepartment {
  code: string;
  name: string;
  totalFen: number;
  /** The same department's total the year before; null when it published nothing then. */
  previousFen: number | null;
  units: { code: string; name: string; version: number; totalFen: number }[];
  /** 类 and 款 codes → amount: where the department's money goes, for searching by function. */
  functionFen: Record<string, number>;
}

export interface Overview {
  year: number;
  /** Every year with something published, newest first, with its total. */
  years: { year: number; totalFen: number; departments: number; units: number }[];
  totalFen: number;
  /** By total, largest first. */
  departments: OverviewDepartment[];
  /** 类 › 款 › 项 across all departments, largest first at each level. */
  functions: OverviewFunction[];
  /** Each function 类 of this year and the year before (both 0 when absent). */
  yearOnYear: { previousYear: number; previousFen: number | null; rows: { code: string; name: string; previousFen: number; currentFen: number }[] } | null;
}

/** `year` defaults to the latest year with a published package; undefined when nothing is published. */
export function buildOverview(summaries: PackageSummary[], classification: Classification, year?: number): Overview | undefined {
  const byYear = new Map<number, PackageSummary[]>();
  for (const s of summaries) {
    const list = byYear.get(s.year);
    if (list) list.push(s);
    else byYear.set(s.year, [s]);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  const y = year ?? years[0];
  const current = byYear.get(y);
  if (y === undefined || !current) return undefined;
  const previous = byYear.get(y - 1) ?? [];
  const name = (code: string) => classification.function.nameOf(code) ?? code;

  const prevByDept = new Map<string, number>();
  for (const s of previous) prevByDept.set(s.departmentCode, (prevByDept.get(s.departmentCode) ?? 0) + s.totalFen);
  const depts = new Map<string, OverviewDepartment>();
  for (const s of current) {
    let d = depts.get(s.departmentCode);
    if (!d) depts.set(s.departmentCode, (d = { code: s.departmentCode, name: s.departmentName, totalFen: 0, previousFen: prevByDept.get(s.departmentCode) ?? null, units: [], functionFen: {} }));
    d.totalFen += s.totalFen;
    d.units.push({ code: s.unitCode, name: s.unitName, version: s.version, totalFen: s.totalFen });
    for (const [code, fen] of Object.entries(s.functionFen)) for (const c of [code.slice(0, 3), code.slice(0, 5)]) d.functionFen[c] = (d.functionFen[c] ?? 0) + fen;
  }
  for (const d of depts.values()) d.units.sort((a, b) => b.totalFen - a.totalFen || a.code.localeCompare(b.code));

  const classesOf = (list: PackageSummary[]) => {
    const m = new Map<string, number>();
    for (const s of list) for (const [code, fen] of Object.entries(s.functionFen)) m.set(code.slice(0, 3), (m.get(code.slice(0, 3)) ?? 0) + fen);
    return m;
  };
  const [now, before] = [classesOf(current), classesOf(previous)];
  const sum = (list: PackageSummary[]) => list.reduce((t, s) => t + s.totalFen, 0);

  return {
    year: y,
    years: years.map((yy) => {
      const list = byYear.get(yy)!;
      return { year: yy, totalFen: sum(list), departments: new Set(list.map((s) => s.departmentCode)).size, units: list.length };
    }),
    totalFen: sum(current),
    departments: [...depts.values()].sort((a, b) => b.totalFen - a.totalFen || a.code.localeCompare(b.code)),
    functions: functionTree(current, name),
    yearOnYear: previous.length
      ? {
          previousYear: y - 1,
          previousFen: sum(previous),
          rows: [...new Set([...now.keys(), ...before.keys()])].sort().map((code) => ({ code, name: name(code), previousFen: before.get(code) ?? 0, currentFen: now.get(code) ?? 0 })),
        }
      : null,
  };
}

function functionTree(list: PackageSummary[], name: (code: string) => string): OverviewFunction[] {
  const nodes = new Map<string, OverviewFunction>();
  const roots: OverviewFunction[] = [];
  const node = (code: string, parent?: OverviewFunction) => {
    let n = nodes.get(code);
    if (!n) {
      nodes.set(code, (n = { code, name: name(code), amountFen: 0 }));
      (parent ? (parent.children ??= []) : roots).push(n);
    }
    return n;
  };
  for (const s of list) {
    for (const [code, fen] of Object.entries(s.functionFen)) {
      const cls = node(code.slice(0, 3));
      const sec = node(code.slice(0, 5), cls);
      for (const n of [cls, sec, node(code, sec)]) n.amountFen += fen;
    }
  }
  const sort = (ns: OverviewFunction[]): OverviewFunction[] => {
    ns.sort((a, b) => b.amountFen - a.amountFen || a.code.localeCompare(b.code));
    for (const n of ns) if (n.children) sort(n.children);
    return ns;
  };
  return sort(roots);
}
