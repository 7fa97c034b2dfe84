/**
 * A department's public package (部门预算): its 23 tables composed from the latest published
 * snapshot of each of its units, as the department discloses them (合计, the department row, then
 * each unit's block). Which snapshots it is made of is read from the database on every request;
 * the composition is kept by the content hash over those parts, so it is done once per set of
 * unit versions.
 */
import { cachedClassification } from '../../classification/load.ts';
import { tableToJson } from '../../formats/json.ts';
import type { Table } from '../../ir/table.ts';
import type { Budget, Department } from '../../model/budget.ts';
import { departmentInputs } from '../../model/department-inputs.ts';
import { composeDepartment } from '../../tables/compose.ts';
import type { Queryable } from '../db/db.ts';
import { EncodedBody } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { listDepartmentLatest, sha256, type UnitLatest } from '../repo/snapshots.ts';
import { type Charts, chartsOf } from './charts.ts';
import type { PackageCache } from './packages.ts';

const FORMAT = 'yusuan-department-package/1';

export interface DepartmentPackage {
  department: Department;
  year: number;
  /** sha256 over the department and its units' parts: which snapshot of each, or none. */
  contentHash: string;
  /** Every unit of the department, in code order; version null = not published for the year, not included. */
  units: UnitLatest[];
  /** The department's budget: its published units' budgets put together; 填报部门 is the department. */
  budget: Budget;
  tables: Table[];
  /** The JSON body of GET /api/public/departments/:dept/:year, serialised once, compressed once per coding. */
  body: EncodedBody;
  charts(): Charts;
}

export class DepartmentPackageCache {
  private readonly entries = new Map<string, Promise<DepartmentPackage>>();
  constructor(
    private readonly packages: PackageCache,
    private readonly max = 32,
  ) {}

  async get(q: Queryable, dept: string, year: number): Promise<DepartmentPackage> {
    const d = await listDepartmentLatest(q, dept, year);
    if (!d) throw notFound(`部门 ${dept} 不存在`);
    if (!d.units.some((u) => u.version !== null)) throw notFound(`${d.name} ${year} 年度预算尚未公开`);
    const department = { code: d.code, name: d.name };
    const contentHash = sha256(JSON.stringify([FORMAT, department, year, d.units.map((u) => [u.code, u.name, u.version, u.contentHash])]));
    let p = this.entries.get(contentHash);
    if (!p) {
      p = this.compose(q, department, year, d.units, contentHash);
      p.catch(() => this.entries.delete(contentHash));
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(contentHash, p);
    }
    return p;
  }

  private async compose(q: Queryable, department: Department, year: number, units: UnitLatest[], contentHash: string): Promise<DepartmentPackage> {
    // the versions the hash was made of, not whatever is latest by now
    const published = units.filter((u) => u.version !== null);
    const parts = await Promise.all(published.map((u) => this.packages.get(q, u.code, year, u.version!)));
    const budget = departmentBudget(department, year, parts.map((e) => e.content.budget));
    const tables = composeDepartment(budget, parts.map((e) => e.content.tables));
    const body = new EncodedBody(JSON.stringify({ department, year, contentHash, units, tables: tables.map(tableToJson) }), contentHash);
    let charts: Charts | undefined;
    return { department, year, contentHash, units, budget, tables, body, charts: () => (charts ??= chartsOf({ budget, tables }, cachedClassification(year))) };
  }
}

/** The units' own budgets (in unit code order) as one department budget, with their 说明 inputs put together. */
function departmentBudget(department: Department, year: number, units: Budget[]): Budget {
  const all = <K extends 'units' | 'projects' | 'lineItems' | 'yearEndBalances' | 'specialFunds' | 'projectPerformance' | 'unitPerformance'>(k: K) =>
    units.flatMap((b): unknown[] => b[k] ?? []) as Budget[K];
  return {
    year,
    department,
    filer: department.name,
    units: all('units'),
    projects: all('projects'),
    lineItems: all('lineItems'),
    yearEndBalances: all('yearEndBalances'),
    specialFunds: all('specialFunds'),
    projectPerformance: all('projectPerformance'),
    unitPerformance: all('unitPerformance'),
    publication: departmentInputs(units),
  };
}
