/** The province overview as the API sends it (src/overview/overview.ts), and its search. */
export type { Overview, OverviewDepartment, OverviewFunction } from '../../src/overview/overview.ts';
import type { Overview, OverviewDepartment, OverviewFunction } from '../../src/overview/overview.ts';

export interface SearchResult {
  departments: OverviewDepartment[];
  /** Function 类/款 whose code or name matches, with the departments spending on each (largest first). */
  functions: { fn: OverviewFunction; departments: { dept: OverviewDepartment; fen: number }[] }[];
}

/**
 * Departments whose code or name matches, or one of whose units does; functions (类 and 款) whose
 * code or name (or `nameOf`, its English) matches. An empty query finds every department.
 */
export function searchOverview(o: Overview, query: string, nameOf: (zh: string) => string = (x) => x): SearchResult {
  const q = query.trim().toLowerCase();
  if (!q) return { departments: o.departments, functions: [] };
  const hit = (...texts: string[]) => texts.some((x) => x.toLowerCase().includes(q));
  const departments = o.departments.filter((d) => hit(d.code, d.name) || d.units.some((u) => hit(u.code, u.name)));
  const fns: OverviewFunction[] = [];
  for (const cls of o.functions) {
    if (hit(cls.code, cls.name, nameOf(cls.name))) fns.push(cls);
    for (const sec of cls.children ?? []) if (hit(sec.code, sec.name, nameOf(sec.name))) fns.push(sec);
  }
  return {
    departments,
    functions: fns.slice(0, 8).map((fn) => ({
      fn,
      departments: o.departments
        .filter((d) => d.functionFen[fn.code])
        .map((dept) => ({ dept, fen: dept.functionFen[fn.code] }))
        .sort((a, b) => b.fen - a.fen),
    })),
  };
}
