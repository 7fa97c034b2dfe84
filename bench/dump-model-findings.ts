/**
 * Fingerprints the line-item (model) rules' findings, so that a change to how they run can be checked
 * finding for finding against another build: `node --import tsx bench/dump-model-findings.ts <dist dir> <out file>`
 * writes one line per budget (name, findings per rule, SHA-256 of the JSON of all findings); compare two
 * outputs with `diff`. `... <dist dir> - <budget name>` prints that budget's findings instead.
 * Covers the examples (read as the CLI reads them), the synthetic province, and damaged copies that
 * break every rule: bad, unknown, unnamed and low-confidence codes, amounts ≤ 0 or off the 0.01 万元
 * step, wrong kinds, carry-over basic spending, projects without goals, unknown units, missing fields.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Classification } from '../src/classification/classification.ts';
import type { Budget, Kind, LineItem } from '../src/model/budget.ts';
import type { FundSource } from '../src/model/funds.ts';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';

const [distArg, out, only] = process.argv.slice(2);
if (!distArg || !out) throw new Error('usage: dump-model-findings.ts <dist dir> <out file | -> [budget]');
const dist = resolve(distArg);
const load = <T>(m: string) => import(pathToFileURL(`${dist}/${m}`).href) as Promise<T>;
const { loadClassification } = await load<typeof import('../src/classification/load.ts')>('classification/load.js');
const { CodeList } = await load<typeof import('../src/classification/codes.ts')>('classification/codes.js');
const { EconMapping } = await load<typeof import('../src/classification/mapping.ts')>('classification/mapping.js');
const { runModelRules, unnamedCodes } = await load<typeof import('../src/checks/model-rules.ts')>('checks/model-rules.js');
const { readBudgetFolder } = await load<typeof import('../src/formats/input/budget-folder.ts')>('formats/input/budget-folder.js');

const lines: string[] = [];
const emit = (name: string, b: Budget, c: Classification) => {
  const { findings, run } = runModelRules(b, c);
  const unnamed = unnamedCodes(b, c);
  const json = JSON.stringify({ findings, run, unnamed });
  if (only === name) console.log(JSON.stringify({ findings, run, unnamed }, null, 1));
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  const counts = [...perRule].map(([r, n]) => `${r}=${n}`).join(',') || 'none';
  lines.push(`${name} ${counts} unnamed=${unnamed.length} ${createHash('sha256').update(json).digest('hex')}`);
};

const KINDS: Kind[] = ['基本支出-人员经费', '基本支出-公用经费', '项目支出'];
const FUNDS: FundSource[] = ['上年结转结余/一般公共预算', '本年/一般公共预算拨款/经费拨款', '本年/政府性基金预算拨款', '本年/事业收入', '本年/上级财政补助收入/国有资本经营预算补助'];

/** Damage number `k` (of DAMAGES) applied to one line item. */
const DAMAGES: ((li: LineItem, i: number) => LineItem)[] = [
  (li) => ({ ...li, amount: 0 }),
  (li) => ({ ...li, amount: -li.amount - 1 }),
  (li, i) => ({ ...li, amount: li.amount + 1 + (i % 9_999) }),
  (li) => ({ ...li, functionCode: li.functionCode.slice(0, 5) + '98' }),
  (li) => ({ ...li, functionCode: li.functionCode.slice(0, 5) }),
  (li) => ({ ...li, functionCode: '' }),
  (li) => ({ ...li, deptEconCode: '39999' }),
  (li) => ({ ...li, deptEconCode: li.deptEconCode.slice(0, 3) }),
  (li) => ({ ...li, govEconCode: '' }),
  (li) => ({ ...li, govEconCode: '59999' }),
  (li) => ({ ...li, govEconCode: li.deptEconCode }),
  (li) => ({ ...li, govEconCode: '50101' }),
  (li, i) => ({ ...li, kind: KINDS[i % 3] }),
  (li) => ({ ...li, kind: '项目支出', deptEconCode: '30101' }),
  (li) => ({ ...li, kind: '基本支出-公用经费', deptEconCode: '30227' }),
  (li) => ({ ...li, kind: '基本支出-人员经费', deptEconCode: '30201' }),
  (li, i) => ({ ...li, fund: FUNDS[i % FUNDS.length] }),
  (li, i) => ({ ...li, project: `无目标项目${i % 5}`, kind: '项目支出' }),
  (li, i) => ({ ...li, project: `甲|乙${i % 3}` }),
  (li) => ({ ...li, project: undefined }),
  (li) => ({ ...li, unit: 'X999' }),
  (li) => ({ ...li, source: undefined }),
  (li) => ({ ...li, source: { file: 'line-items.csv' } }),
  (li, i) => ({ ...li, functionCode: ['2990199', '2019999', '9999999'][i % 3] }),
  (li, i) => ({ ...li, deptEconCode: ['39901', '30299', '31099'][i % 3] }),
];

/** Every `every`-th item damaged, cycling through the damages (one of them, or all). */
function damaged(b: Budget, every: number, only?: number): Budget {
  let k = 0;
  const lineItems = b.lineItems.map((li, i) => (i % every ? li : DAMAGES[only ?? k++ % DAMAGES.length](li, i)));
  return { ...b, lineItems };
}

/** A classification whose lists lost some 类/款 rows, rate others below high, and whose mapping has doubtful rows. */
function doubtful(c: Classification): Classification {
  const confidences = ['medium', 'low', 'seen', 'input', 'imported', 'high'] as const;
  const relist = (l: InstanceType<typeof CodeList>) =>
    new CodeList(
      l.name,
      l
        .list()
        .filter((s, i) => !(s.level !== '项' && i % 17 === 3))
        .map((s, i) => (i % 5 ? s : { ...s, confidence: confidences[i % 6], sources: i % 2 ? `SEED;SH${i}` : undefined })),
    );
  const rows = c.deptEcon.list('款').flatMap((s, i) =>
    (['机关', '事业'] as const).map((scope) => {
      const want = c.mapping.govFor(s.code, scope === '机关' ? '行政单位' : '事业单位');
      return { dept: s.code, scope, gov: i % 4 === 1 ? '50299' : (want?.code ?? '50201'), confidence: (['high', 'low', 'medium', 'high'] as const)[i % 4] };
    }),
  );
  return { ...c, function: relist(c.function), deptEcon: relist(c.deptEcon), govEcon: relist(c.govEcon), mapping: new EconMapping(rows) };
}

for (const dir of ['examples/hunan-104012', 'examples/multi-unit-department', 'examples/codes']) {
  const { budget, classification } = readBudgetFolder(dir);
  emit(dir, budget, classification);
  emit(`${dir}/damaged`, damaged(budget, 2), classification);
  for (let k = 0; k < DAMAGES.length; k++) emit(`${dir}/damage-${k}`, damaged(budget, 3, k), classification);
  emit(`${dir}/doubtful`, budget, doubtful(classification));
  emit(`${dir}/damaged-doubtful`, damaged(budget, 2), doubtful(classification));
  emit(`${dir}/no-goals`, { ...budget, projectPerformance: [] }, classification);
}

const province = generateProvince(DEFAULT_OPTIONS);
const c = loadClassification(2024);
for (const b of province) emit(`province/${b.department.code}`, b, c);
for (const b of province.slice(0, 5)) {
  emit(`province/${b.department.code}/damaged`, damaged(b, 7), c);
  emit(`province/${b.department.code}/doubtful`, damaged(b, 11), doubtful(c));
  emit(`province/${b.department.code}/no-goals`, { ...b, projectPerformance: [] }, c);
}

if (out !== '-') writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`${lines.length} budgets`);
