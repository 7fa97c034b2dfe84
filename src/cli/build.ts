import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBudgetFolder } from '../formats/input/budget-folder.ts';
import { tablesToJson } from '../formats/json.ts';
import { buildTables } from '../tables/index.ts';

export interface BuildOptions {
  out?: string;
  format?: string;
}

export const FORMATS = ['json'] as const;

export async function runBuild(positionals: string[], opts: BuildOptions): Promise<number> {
  const [input] = positionals;
  if (!input || !opts.out) {
    console.error('用法: yusuan build <input> --out DIR [--format json,csv,html]');
    return 2;
  }
  const formats = (opts.format ?? 'json').split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length) {
    console.error(`不支持的格式: ${unknown.join(', ')}（可用: ${FORMATS.join(', ')}）`);
    return 2;
  }
  const { budget, classification } = readBudgetFolder(input);
  const tables = buildTables(budget, classification);
  mkdirSync(opts.out, { recursive: true });
  if (formats.includes('json')) writeFileSync(join(opts.out, 'tables.json'), tablesToJson(tables));
  console.log(`已生成 ${tables.length} 张表 → ${opts.out}（${formats.join(', ')}）`);
  return 0;
}
