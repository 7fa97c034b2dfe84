/**
 * The browser's side of the JSON API (see /api/docs): same-origin fetch with the session cookie,
 * the CSRF token on every write, and the budget version in If-Match so that a stale edit comes
 * back as a 409 instead of overwriting someone else's change.
 */
import type { Finding } from '../../src/checks/types.ts';
import type { JsonTable } from '../../src/formats/json.ts';

export type { Finding, JsonTable };
export type Role = 'admin' | 'reviewer' | 'editor';
export type Status = 'draft' | 'submitted' | 'approved' | 'returned' | 'published';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  unitCode: string | null;
}

export interface LineItem {
  id: number;
  position: number;
  functionCode: string;
  deptEconCode: string;
  govEconCode: string;
  kind: string;
  project?: string;
  fund: string;
  amountFen: number;
  /** the name given for a function code outside the list */
  functionName?: string;
  threePublic?: string;
}

export interface Project {
  unit: string;
  name: string;
  category: string;
}

export interface BudgetView {
  unit: { code: string; name: string; type: string; departmentCode: string; departmentName: string };
  year: number;
  status: Status;
  version: number;
  reviewComment: string | null;
  updatedAt: string;
  document: { projects?: Project[] } & Record<string, unknown>;
  lineItems: LineItem[];
  totalFen: number;
}

export interface BudgetSummary {
  unitCode: string;
  unitName: string;
  departmentCode: string;
  year: number;
  status: Status;
  version: number;
  updatedAt: string;
  publishedVersions: number;
}

export interface FindingsReport {
  version: number;
  errors: number;
  warnings: number;
  findings: Finding[];
  rulesRun: string[];
  rulesNotRun: { rule: string; reason: string }[];
}

export interface HistoryEntry {
  id: number;
  at: string;
  username: string | null;
  displayName?: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface Subject {
  code: string;
  level: '类' | '款' | '项';
  parent?: string;
  name: string;
  /** imported | high | medium | low | seen | input */
  confidence?: string;
  sources?: string;
}

export interface Classification {
  year: number;
  function: Subject[];
  deptEcon: Subject[];
  govEcon: Subject[];
  kinds: string[];
  funds: string[];
}

export interface PublicDepartment {
  code: string;
  name: string;
  units: { code: string; name: string; years: { year: number; latestVersion: number; publishedAt: string }[] }[];
}

export interface SnapshotMeta {
  unitCode: string;
  year: number;
  version: number;
  contentHash: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface PublicPackage {
  unit: { code: string; name: string; type: string };
  department: { code: string; name: string };
  year: number;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  contentHash: string;
  tables: JsonTable[];
}

/** One unit's part of a department package: the version used, or null when it has published nothing for the year. */
export interface DepartmentPart {
  code: string;
  name: string;
  version: number | null;
  publishedAt: string | null;
  contentHash: string | null;
}

export interface DepartmentPackage {
  department: { code: string; name: string };
  year: number;
  contentHash: string;
  units: DepartmentPart[];
  tables: JsonTable[];
}

export interface Slice {
  key: string;
  label: string;
  amountFen: number;
}

export interface FunctionNode {
  code: string;
  name: string;
  amountFen: number;
  children?: FunctionNode[];
}

export interface Charts {
  totalSpendingFen: number;
  spendingByFunction: FunctionNode[];
  incomeBySource: Slice[];
  /** By top level, small parts folded into 其他 (absent from older servers). */
  incomeByGroup?: Slice[];
  spendingByKind: Slice[];
  threePublic: Slice[];
}

export interface YearOnYear {
  years: number[];
  versions: number[];
  rows: { key: string; label: string; previousFen: number; currentFen: number; changeFen: number; changeRatio: number | null }[];
}

/** An error answer of the API: `code` is stable (conflict, invalid_input, …), `message` is for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export const setCsrf = (token: string | undefined) => {
  csrfToken = token;
};

interface RequestOptions {
  json?: unknown;
  form?: FormData;
  /** Budget version the change is based on (sent as If-Match). */
  version?: number;
}

export async function api<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.version !== undefined) headers['if-match'] = `"${opts.version}"`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(res.status, e.code ?? 'http', e.message ?? `${res.status} ${res.statusText}`, e.details);
  }
  return data as T;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
};

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, json?: unknown, version?: number) => api<T>('POST', url, { json: json ?? {}, version });

/** Base URL of a budget's private API. */
export const budgetUrl = (unit: string, year: number) => `/api/budgets/${unit}/${year}`;
/** Base URL of a department's package, rolled up from its units' latest published versions. */
export const departmentUrl = (dept: string, year: number) => `/api/public/departments/${dept}/${year}`;
/** Base URL of a published package: the latest or a fixed version. */
export const packageUrl = (unit: string, year: number, version?: number) =>
  `/api/public/packages/${unit}/${year}/${version ? `v/${version}` : 'latest'}`;
