/**
 * Fingerprints every table the builders make, so that a change to the table machinery can be checked
 * byte for byte against another build: `node --import tsx bench/dump-tables.ts <dist dir> <out file>`
 * writes one line per package (name and SHA-256 of the JSON of its 23 tables); compare two outputs with
 * `diff`. `... <dist dir> - <package name>` prints one package's JSON instead, to see what differs.
 * Covers the synthetic province (composed departments, their units, and departments built directly),
 * a smaller one with other spending kinds and amounts in 元 (舍位平衡), and the examples.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Budget } from '../src/model/budget.ts';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';

const [distArg, out, only] = process.argv.slice(2);
if (!distArg || !out) throw new Error('usage: dump-tables.ts <dist dir> <out file | -> [package]');
const dist = resolve(distArg);
const load = <T>(m: string) => import(pathToFileURL(`${dist}/${m}`).href) as Promise<T>;
const { loadClassification } = await load<typeof import('../src/classification/load.ts')>('classification/load.js');
const { buildDepartmentPackages, buildTables } = await load<typeof import('../src/tables/index.ts')>('tables/index.js');
const { readBudgetFolder } = await load<typeof import('../src/formats/input/budget-folder.ts')>('formats/input/budget-folder.js');

const lines: string[] = [];
/** Keys sorted: the fingerprint is of the content, whatever order a row's fields were set in. */
const sorted = (_: string, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v;
const emit = (name: string, tables: unknown) => {
  const json = JSON.stringify(tables, sorted);
  if (only === name) console.log(json);
  lines.push(`${name} ${createHash('sha256').update(json).digest('hex')}`);
};
const all = (set: string, budgets: Budget[]) => {
  for (const b of budgets) {
    const c = loadClassification(b.year);
    const { department, units } = buildDepartmentPackages(b, c);
    emit(`${set}/${b.department.code}/composed`, department);
    emit(`${set}/${b.department.code}/direct`, buildTables(b, c));
    for (const [u, ts] of units) emit(`${set}/${b.department.code}/unit/${u}`, ts);
  }
};

all('province', generateProvince(DEFAULT_OPTIONS));
const yuan = generateProvince({ departments: 12, units: 150, lineItems: 20_000, seed: 7, otherKinds: true });
all('yuan', yuan.map((b) => ({ ...b, lineItems: b.lineItems.map((li, i) => ({ ...li, amount: li.amount + (i % 7) * 1_111 })) })));
for (const dir of ['examples/hunan-104012', 'examples/multi-unit-department', 'examples/codes']) all(dir, [readBudgetFolder(dir).budget]);

if (out !== '-') writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`${lines.length} packages`);
