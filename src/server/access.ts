/**
 * Who may do what. Roles: admin (the finance department: everything), reviewer (one department:
 * reads its units' budgets, approves, returns and publishes them), editor (one unit: reads,
 * imports, edits, submits and withdraws its own budget). Anonymous visitors see only published
 * packages, through /api/public.
 */
import { forbidden, unauthorized } from './errors.ts';

export const ROLES = ['admin', 'reviewer', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Reviewer's department. */
  departmentCode: string | null;
  /** Editor's unit. */
  unitCode: string | null;
}

export interface UnitScope {
  code: string;
  departmentCode: string;
}

/** read: view a budget, its tables, findings, downloads and history. edit: import, line items, withdraw. */
export type Action = 'read' | 'edit' | 'submit' | 'review' | 'publish';

const inDepartment = (u: User, unit: UnitScope) => u.departmentCode === unit.departmentCode;
const ownUnit = (u: User, unit: UnitScope) => u.unitCode === unit.code;

const POLICY: Record<Exclude<Role, 'admin'>, Record<Action, (u: User, unit: UnitScope) => boolean>> = {
  reviewer: { read: inDepartment, edit: () => false, submit: () => false, review: inDepartment, publish: inDepartment },
  editor: { read: ownUnit, edit: ownUnit, submit: ownUnit, review: () => false, publish: () => false },
};

export function can(user: User | null, action: Action, unit: UnitScope): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return POLICY[user.role][action](user, unit);
}

const DENIED: Record<Action, string> = {
  read: '无权查看该单位的预算',
  edit: '无权修改该单位的预算',
  submit: '无权送审该单位的预算',
  review: '无权审核该单位的预算',
  publish: '无权公开该单位的预算',
};

export function authorize(user: User | null, action: Action, unit: UnitScope): User {
  if (!user) throw unauthorized();
  if (!can(user, action, unit)) throw forbidden(DENIED[action]);
  return user;
}

export function requireUser(user: User | null): User {
  if (!user) throw unauthorized();
  return user;
}

export function requireAdmin(user: User | null): User {
  if (requireUser(user).role !== 'admin') throw forbidden('仅财政部门管理员可执行此操作');
  return user!;
}

/** SQL condition restricting units (alias `u`) to a user's scope; $n is the next parameter. */
export function unitScopeSql(user: User, n: number): { sql: string; params: unknown[] } {
  if (user.role === 'admin') return { sql: 'true', params: [] };
  if (user.role === 'reviewer') return { sql: `u.department_code = $${n}`, params: [user.departmentCode] };
  return { sql: `u.code = $${n}`, params: [user.unitCode] };
}
