/**
 * `yusuan codes import|list|show`: bring a year's official code list, and tell which lists are in
 * use and where each came from. Imported lists go to the user's data folder (user-lists.ts) or,
 * with --into, to a folder a budget names in its `classification` field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Classification, ClassificationTexts } from '../classification/classification.ts';
import { isListKind, LIST_KINDS, type ListKind } from '../classification/import.ts';
import { cachedClassification, forgetClassifications, shippedYears } from '../classification/load.ts';
import { storeImportedList, userListsDir, userYearDir } from '../classification/user-lists.ts';
import { readCodeListFile } from '../formats/input/code-list-file.ts';
import { InputError } from '../formats/input/errors.ts';

export interface CodesOptions {
  year?: string;
  kind?: string;
  into?: string;
}

const USAGE = `用法:
  yusuan codes import <file.xlsx|file.csv> --year YYYY [--kind function|dept-econ|gov-econ] [--into DIR]
  yusuan codes list [--year YYYY]
  yusuan codes show <code> [--year YYYY] [--kind function|dept-econ|gov-econ]`;

const KEY_OF: Record<ListKind, keyof ClassificationTexts> = { function: 'function', 'dept-econ': 'deptEcon', 'gov-econ': 'govEcon' };

export async function runCodes(positionals: string[], opts: CodesOptions): Promise<number> {
  const [action, arg] = positionals;
  const kind = opts.kind ?? 'function';
  if (!isListKind(kind)) return usage(`--kind 应为 ${Object.keys(LIST_KINDS).join('、')}`);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) return usage(`--year 应为 4 位年度，而不是“${opts.year}”`);
  switch (action) {
    case 'import': {
      if (!arg || year === undefined) return usage('codes import 需要文件和 --year');
      const list = await readCodeListFile(readFile(arg), basename(arg), kind);
      // --into: the budget's own lists folder (its `classification`); else the user's folder of that year.
      const path = storeImportedList(opts.into ? resolve(opts.into) : userYearDir(year), year, kind, list, resolve(arg), readFile(arg));
      forgetClassifications();
      const levels = Object.entries(list.levels).map(([l, n]) => `${l} ${n}`).join('、');
      console.log(`已导入 ${year} 年${LIST_KINDS[kind].label}（${levels}${list.sheet ? `，工作表“${list.sheet}”` : ''}）→ ${path}`);
      return 0;
    }
    case 'list':
      for (const y of year ? [year] : years()) console.log(describeYear(cachedClassification(y)));
      console.log(`\n导入的代码表保存在 ${userListsDir()}（可用环境变量 YUSUAN_DATA_DIR 改变）`);
      return 0;
    case 'show': {
      if (!arg) return usage('codes show 需要编码');
      const c = cachedClassification(year ?? shippedYears().at(-1)!);
      const list = c[KEY_OF[kind]] as Classification['function'];
      const s = list.get(arg);
      if (!s) {
        console.error(`${c.year} 年${LIST_KINDS[kind].label}中没有 ${arg}`);
        return 1;
      }
      console.log(list.lineage(arg).map((x) => `${x.level} ${x.code} ${x.name}`).join(' › '));
      console.log(`可信度 ${s.confidence}${s.sources ? `；来源 ${s.sources}` : ''}${s.note ? `；备注 ${s.note}` : ''}`);
      return 0;
    }
    default:
      return usage();
  }
}

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new InputError([{ file: path, message: '找不到或无法读取文件' }]);
  }
}

/** Shipped years and the years the user imported lists for. */
function years(): number[] {
  const own = existsSync(userListsDir()) ? readdirSync(userListsDir()).filter((d) => /^\d{4}$/.test(d)).map(Number) : [];
  return [...new Set([...shippedYears(), ...own])].sort();
}

/** Which files each list of a year is read from, with their provenance and caveats. */
export function describeYear(c: Classification): string {
  const lines = [`${c.year} 年`];
  const names: Record<keyof ClassificationTexts, string> = { function: '支出功能分类', deptEcon: '部门预算支出经济分类', govEcon: '政府预算支出经济分类', mapping: '部门→政府经济分类对照' };
  for (const key of Object.keys(names) as (keyof ClassificationTexts)[]) {
    const count = key === 'mapping' ? '' : `：${countByConfidence(c[key])}`;
    lines.push(`  ${names[key]}${count}`);
    for (const o of c.origins[key]) {
      const origin = { shipped: '随软件提供', user: '用户导入', budget: '预算自带', database: '服务器导入' }[o.origin];
      lines.push(`    [${origin}] ${o.path}`);
      if (o.provenance?.description) lines.push(`      ${o.provenance.description}`);
      if (o.provenance?.sha256) lines.push(`      sha256 ${o.provenance.sha256}，导入于 ${o.provenance.importedAt}`);
      if (o.provenance?.note) lines.push(`      注意：${o.provenance.note}`);
    }
  }
  return lines.join('\n');
}

function countByConfidence(list: Classification['function']): string {
  const n = new Map<string, number>();
  for (const s of list.list()) n.set(s.confidence, (n.get(s.confidence) ?? 0) + 1);
  return `${list.list().length} 个科目（${[...n].map(([k, v]) => `${k} ${v}`).join('，')}）`;
}

function usage(message?: string): number {
  console.error(message ? `${message}\n\n${USAGE}` : USAGE);
  return 2;
}
