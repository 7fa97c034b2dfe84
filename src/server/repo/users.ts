import type { Role, User } from '../access.ts';
import { one, type Queryable } from '../db/db.ts';

const COLUMNS = `id, username, display_name AS "displayName", role, department_code AS "departmentCode", unit_code AS "unitCode"`;

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  departmentCode?: string | null;
  unitCode?: string | null;
  passwordHash: string;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<User> {
  return (await one<User>(
    q,
    `INSERT INTO users (username, display_name, role, department_code, unit_code, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [u.username, u.displayName, u.role, u.departmentCode ?? null, u.unitCode ?? null, u.passwordHash],
  ))!;
}

export async function findLogin(q: Queryable, username: string): Promise<(User & { passwordHash: string }) | undefined> {
  return one(q, `SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM users WHERE username = $1 AND NOT disabled`, [username]);
}

export async function getUser(q: Queryable, id: number): Promise<(User & { disabled: boolean }) | undefined> {
  return one(q, `SELECT ${COLUMNS}, disabled FROM users WHERE id = $1`, [id]);
}

export async function listUsers(q: Queryable): Promise<(User & { disabled: boolean })[]> {
  return q.query(`SELECT ${COLUMNS}, disabled FROM users ORDER BY id`);
}

export async function updateUser(q: Queryable, id: number, change: { passwordHash?: string; disabled?: boolean; displayName?: string }) {
  await q.query(
    `UPDATE users SET password_hash = COALESCE($2, password_hash), disabled = COALESCE($3, disabled),
     display_name = COALESCE($4, display_name) WHERE id = $1`,
    [id, change.passwordHash ?? null, change.disabled ?? null, change.displayName ?? null],
  );
}

export async function hasAdmin(q: Queryable): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled LIMIT 1`)).length > 0;
}

export async function passwordHashOf(q: Queryable, id: number): Promise<string | undefined> {
  return (await one<{ passwordHash: string }>(q, `SELECT password_hash AS "passwordHash" FROM users WHERE id = $1`, [id]))?.passwordHash;
}

/** Role and scope change together: the table's CHECK allows only matching pairs. */
export async function setRole(q: Queryable, id: number, r: { role: Role; departmentCode: string | null; unitCode: string | null }) {
  await q.query('UPDATE users SET role = $2, department_code = $3, unit_code = $4 WHERE id = $1', [id, r.role, r.departmentCode, r.unitCode]);
}
