import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Classification } from '../classification/classification.ts';
import { unnamedCodes } from '../checks/model-rules.ts';
import { renderFindings } from '../checks/render.ts';
import { readBudgetInput } from '../formats/input/index.ts';
import { ALL_FORMATS, WRITERS } from '../formats/writers.ts';
import type { Budget } from '../model/budget.ts';
import { unitBudget } from '../model/split.ts';
import { buildTables } from '../tables/index.ts';

export interface BuildOptions {
  out?: string;
  format?: string;
  'per-unit'?: boolean;
  'per-table'?: boolean;
}

const USAGE = `用法: yusuan build <input>... --out DIR [--format ${ALL_FORMATS.join(',')}|all] [--per-unit] [--per-table]`;

/** Writes one package (the 23 tables in every asked format) into `dir`; returns the files written. */
export async function writePackage(budget: Budget, classification: Classification, dir: string, formats: string[], perTable = false): Promise<string[]> {
  const tables = buildTables(budget, classification);
  mkdirSync(dir, { recursive: true });
  const baseName = `${budget.units.length === 1 ? budget.units[0].code : budget.department.code}-${budget.year}`;
  const written: string[] = [];
  for (const f of formats) written.push(...(await (await WRITERS[f]())(tables, { dir, baseName, budget, classification, perTable })));
  return written;
}

/**
 * `build` takes one or more inputs. With several inputs, or with --per-unit (each unit's own package
 * beside the department's), every package goes to its own folder and a progress line is printed per package.
 */
export async function runBuild(positionals: string[], opts: BuildOptions): Promise<number> {
  if (!positionals.length || !opts.out) {
    console.error(USAGE);
    return 2;
  }
  const asked = (opts.format ?? 'json').split(',').map((f) => f.trim());
  const formats = asked.includes('all') ? ALL_FORMATS : asked;
  const unknown = formats.filter((f) => !WRITERS[f]);
  if (unknown.length) {
    console.error(`不支持的格式: ${unknown.join(', ')}（可用: ${ALL_FORMATS.join(', ')}, all）`);
    return 2;
  }
  // Read every input first: a bad one stops the run before anything is written.
  const inputs = [];
  for (const p of positionals) inputs.push(await readBudgetInput(p));
  // A code without a name would print a blank row label: refuse, as check reports it.
  const unnamed = inputs.flatMap(({ budget, classification }) => unnamedCodes(budget, classification));
  if (unnamed.length) {
    console.error(`无法生成：${unnamed.length} 处科目没有名称，未写入任何文件。\n${renderFindings(unnamed)}`);
    return 1;
  }
  const packages = inputs.flatMap(({ budget, classification }) => {
    const base = inputs.length > 1 ? join(opts.out!, budget.department.code) : opts.out!;
    const dept = { budget, classification, dir: base };
    if (!opts['per-unit']) return [dept];
    return [dept, ...budget.units.map((u) => ({ budget: unitBudget(budget, u.code), classification, dir: join(base, u.code) }))];
  });
  const verbose = packages.length > 1;
  let files = 0;
  for (const [i, p] of packages.entries()) {
    const t0 = performance.now();
    const written = await writePackage(p.budget, p.classification, p.dir, formats, opts['per-table']);
    files += written.length;
    const who = p.budget.units.length === 1 ? `${p.budget.units[0].code} ${p.budget.units[0].name}` : `${p.budget.department.code} ${p.budget.department.name}`;
    if (verbose) console.log(`[${i + 1}/${packages.length}] ${who} → ${p.dir}（${written.length} 个文件，${((performance.now() - t0) / 1000).toFixed(1)} s）`);
  }
  console.log(`已生成 ${packages.length} 套公开表（每套 23 张，${formats.join(', ')}），共 ${files} 个文件 → ${opts.out}`);
  return 0;
}
