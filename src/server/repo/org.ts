import type { UnitType } from '../../classification/mapping.ts';
import { one, type Queryable } from '../db/db.ts';

export interface UnitRow {
  code: string;
  departmentCode: string;
  departmentName: string;
  name: string;
  type: UnitType;
}

const UNIT_COLUMNS = `u.code, u.department_code AS "departmentCode", d.name AS "departmentName", u.name, u.type`;

export async function getUnit(q: Queryable, code: string): Promise<UnitRow | undefined> {
  return one(q, `SELECT ${UNIT_COLUMNS} FROM units u JOIN departments d ON d.code = u.department_code WHERE u.code = $1`, [code]);
}

/** Units matching an SQL condition on `u` (see unitScopeSql), with their department. */
export async function listUnits(q: Queryable, where = 'true', params: unknown[] = []): Promise<UnitRow[]> {
  return q.query(
    `SELECT ${UNIT_COLUMNS} FROM units u JOIN departments d ON d.code = u.department_code WHERE ${where} ORDER BY u.code`,
    params,
  );
}

export async function upsertDepartment(q: Queryable, code: string, name: string) {
  await q.query('INSERT INTO departments (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name', [code, name]);
}

export async function upsertUnit(q: Queryable, u: { code: string; departmentCode: string; name: string; type: string }) {
  await q.query(
    `INSERT INTO units (code, department_code, name, type) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type`,
    [u.code, u.departmentCode, u.name, u.type],
  );
}

/** Groups units by department, as the API lists them. */
export function byDepartment(units: UnitRow[]) {
  const out = new Map<string, { code: string; name: string; units: { code: string; name: string; type: UnitType }[] }>();
  for (const u of units) {
    const d = out.get(u.departmentCode) ?? { code: u.departmentCode, name: u.departmentName, units: [] };
    d.units.push({ code: u.code, name: u.name, type: u.type });
    out.set(u.departmentCode, d);
  }
  return [...out.values()];
}
