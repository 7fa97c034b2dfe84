/**
 * Fingerprints the findings of every check, so that a change to the check machinery can be compared
 * finding for finding with another build: `node --import tsx bench/dump-findings.ts <dist dir> <out file>`
 * writes one line per checked package (name, number of findings, SHA-256 of the JSON of its report:
 * findings in order, rules run and not run); compare two outputs with `diff`.
 * `... <dist dir> - <package name>` prints that package's report instead, to see what differs.
 * Covers the packages of dump-tables.ts (checked together as checkDepartmentPackages does, and each
 * on its own), the same packages damaged in several ways, and third-party tables read back from the
 * disclosure fixtures (as they are and damaged).
 */
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Classification } from '../src/classification/classification.ts';
import type { ColumnNode, Row, Table } from '../src/ir/table.ts';
import type { Budget } from '../src/model/budget.ts';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';

const [distArg, out, only] = process.argv.slice(2);
if (!distArg || !out) throw new Error('usage: dump-findings.ts <dist dir> <out file | -> [package]');
const dist = resolve(distArg);
const load = <T>(m: string) => import(pathToFileURL(`${dist}/${m}`).href) as Promise<T>;
const { loadClassification } = await load<typeof import('../src/classification/load.ts')>('classification/load.js');
const { buildDepartmentPackages } = await load<typeof import('../src/tables/index.ts')>('tables/index.js');
const { readBudgetFolder } = await load<typeof import('../src/formats/input/budget-folder.ts')>('formats/input/budget-folder.js');
const { checkTables } = await load<typeof import('../src/checks/index.ts')>('checks/index.js');
const { checkDepartmentPackages } = await load<typeof import('../src/checks/packages.ts')>('checks/packages.js');
const { readDisclosure } = await load<typeof import('../src/disclosure/read/index.ts')>('disclosure/read/index.js');
const { layoutSet } = await load<typeof import('../src/disclosure/layouts/index.ts')>('disclosure/layouts/index.js');

const lines: string[] = [];
let total = 0;
const emit = (name: string, report: { findings: unknown[] }) => {
  const json = JSON.stringify(report);
  if (only === name) console.log(JSON.stringify(report, null, 1));
  total += report.findings.length;
  lines.push(`${name} ${report.findings.length} ${createHash('sha256').update(json).digest('hex')}`);
};

type Pkgs = ReturnType<typeof buildDepartmentPackages>;
/** Both ways of checking a department's packages: together, and each package on its own. */
function checkBoth(name: string, pkgs: Pkgs, c: Classification, together = true) {
  if (!together) {
    // Packages no longer composed alike (checkDepartmentPackages expects the same tables in each).
    emit(`${name}/department/alone`, checkTables(pkgs.department, { classification: c }));
    for (const [u, ts] of pkgs.units) emit(`${name}/unit/${u}/alone`, checkTables(ts, { classification: c }));
    return;
  }
  const reports = checkDepartmentPackages(pkgs, { classification: c });
  emit(`${name}/department`, reports.department);
  for (const [u, r] of reports.units) emit(`${name}/unit/${u}`, r);
  emit(`${name}/department/alone`, checkTables(pkgs.department, { classification: c }));
  const [first] = pkgs.units;
  if (first) emit(`${name}/unit/${first[0]}/alone`, checkTables(first[1], { classification: c }));
}

/** Damage done to a built package, in place (unit rows are shared with the department's tables). */
const numbers = (ts: Iterable<Table>, f: (r: Row, i: number, n: number) => void) => {
  let n = 0;
  for (const t of ts) for (const r of t.rows) r.cells.forEach((v, i) => typeof v === 'number' && f(r, i, ++n));
};
const unitTables = (p: Pkgs) => [...p.units.values()].flat();
const DAMAGE: [string, (p: Pkgs) => void][] = [
  ['cells', (p) => numbers(unitTables(p), (r, i, n) => n % 13 === 0 && (r.cells[i] = (r.cells[i] as number) + 10_000))],
  ['cells-sparse', (p) => numbers(unitTables(p), (r, i, n) => n % 997 === 0 && (r.cells[i] = (r.cells[i] as number) - 1))],
  ['department-rows', (p) => numbers(p.department, (r, i, n) => (r.kind === 'total' || r.kind === 'department') && n % 3 === 0 && (r.cells[i] = 7))],
  ['blank-cells', (p) => numbers(unitTables(p), (r, i, n) => n % 41 === 0 && (r.cells[i] = n % 2 ? null : '—'))],
  ['drop-rows', (p) => { for (const ts of p.units.values()) for (const t of ts) t.rows = t.rows.filter((_, i) => i === 0 || i % 5 !== 2); }],
  ['drop-tables', (p) => {
    let k = 0;
    for (const [u, ts] of p.units) p.units.set(u, ts.filter((t) => Number(t.id) % 7 !== k % 7 || k++ % 2 === 1));
    p.department = p.department.filter((t) => t.id !== '09' && t.id !== '21');
  }],
  ['keys', (p) => {
    let n = 0;
    for (const t of unitTables(p)) for (const r of t.rows) {
      n++;
      if (r.kind === 'item' && n % 9 === 0) r.kind = 'section';
      else if (r.code && n % 11 === 0) r.code = `${r.code.slice(0, -1)}9`;
      else if (r.unit && n % 17 === 0) r.unit = 'X';
    }
  }],
  ['duplicate-rows', (p) => { for (const t of unitTables(p)) if (t.rows.length > 2) t.rows.splice(2, 0, { ...t.rows[1], cells: t.rows[1].cells.map((v) => (typeof v === 'number' ? v + 1 : v)) }); }],
  ['labels', (p) => {
    for (const ts of [p.department, ...p.units.values()]) for (const t of ts) if (t.id === '01' || t.id === '06')
      for (const r of t.rows) r.cells.forEach((v, i) => typeof v === 'string' && /总计|本年收入|二、/.test(v) && (r.cells[i] = `${v}x`));
  }],
  ['headers', (p) => {
    let k = 0;
    for (const t of [...p.department, ...unitTables(p)]) {
      t.header = structuredClone(t.header);
      // Every third table loses a column key: rules that name it cannot run.
      if (k++ % 3 === 0) renameFirstAmount(t.header);
    }
  }],
  ['precision', (p) => { for (const t of [...p.department, ...unitTables(p)]) t.precision = 100; numbers(unitTables(p), (r, i, n) => n % 29 === 0 && (r.cells[i] = (r.cells[i] as number) + 40)); }],
  ['kinds-total', (p) => { for (const ts of p.units.values()) for (const t of ts) if (t.rows[0] && Number(t.id) % 4 === 1) t.rows[0] = { ...t.rows[0], kind: 'department' }; }],
];
function renameFirstAmount(nodes: ColumnNode[]): boolean {
  for (const n of nodes) {
    if (n.children?.length) {
      if (renameFirstAmount(n.children)) return true;
    } else if (n.kind === 'amount' && n.key) {
      n.key = `${n.key}~`;
      return true;
    }
  }
  return false;
}

function all(set: string, budgets: Budget[], damaged: number) {
  for (const [k, b] of budgets.entries()) {
    const c = loadClassification(b.year);
    checkBoth(`${set}/${b.department.code}`, buildDepartmentPackages(b, c), c);
    if (k >= damaged) continue;
    for (const [how, damage] of DAMAGE) {
      const pkgs = buildDepartmentPackages(b, c);
      damage(pkgs);
      checkBoth(`${set}/${b.department.code}/${how}`, pkgs, c, how !== 'drop-tables');
    }
  }
}

all('province', generateProvince(DEFAULT_OPTIONS), 6);
const yuan = generateProvince({ departments: 12, units: 150, lineItems: 20_000, seed: 7, otherKinds: true });
all('yuan', yuan.map((b) => ({ ...b, lineItems: b.lineItems.map((li, i) => ({ ...li, amount: li.amount + (i % 7) * 1_111 })) })), 12);
for (const dir of ['examples/hunan-104012', 'examples/multi-unit-department', 'examples/codes']) all(dir, [readBudgetFolder(dir).budget], 1);

// Third-party tables, as the audit checks them (its layout's rules and tables).
const corpus = 'test/disclosure/fixtures/corpus';
const texts = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => `${corpus}/${f}`),
  'test/fixtures/seed/000_3c3361467ddba6b8.txt',
  'test/disclosure/read/fixtures/standard-9.txt',
];
for (const path of texts) {
  let read;
  try {
    read = await readDisclosure(path, {});
  } catch (e) {
    lines.push(`${path} unreadable ${(e as Error).message.slice(0, 60)}`);
    continue;
  }
  const c = loadClassification(2024);
  const set = layoutSet(read.layout, c);
  const opts = { classification: c, rules: set.rules, expectedTables: set.tables.map((t) => t.id) };
  emit(`${path}`, checkTables(read.tables, opts));
  for (const [how, damage] of DAMAGE) {
    const tables = structuredClone(read.tables);
    damage({ department: tables, units: new Map([['u', tables]]) } as Pkgs);
    emit(`${path}/${how}`, checkTables(tables, opts));
  }
}

if (out !== '-') writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`${lines.length} reports, ${total} findings`);
