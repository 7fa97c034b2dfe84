import { mkdirSync } from 'node:fs';
import { readBudgetInput } from '../formats/input/index.ts';
import { ALL_FORMATS, WRITERS } from '../formats/writers.ts';
import { buildTables } from '../tables/index.ts';

export interface BuildOptions {
  out?: string;
  format?: string;
}

export async function runBuild(positionals: string[], opts: BuildOptions): Promise<number> {
  const [input] = positionals;
  if (!input || !opts.out) {
    console.error(`用法: yusuan build <input> --out DIR [--format ${ALL_FORMATS.join(',')}|all]`);
    return 2;
  }
  const asked = (opts.format ?? 'json').split(',').map((f) => f.trim());
  const formats = asked.includes('all') ? ALL_FORMATS : asked;
  const unknown = formats.filter((f) => !WRITERS[f]);
  if (unknown.length) {
    console.error(`不支持的格式: ${unknown.join(', ')}（可用: ${ALL_FORMATS.join(', ')}, all）`);
    return 2;
  }
  const { budget, classification } = await readBudgetInput(input);
  const tables = buildTables(budget, classification);
  mkdirSync(opts.out, { recursive: true });
  const baseName = `${budget.units.length === 1 ? budget.units[0].code : budget.department.code}-${budget.year}`;
  const written: string[] = [];
  for (const f of formats) written.push(...(await (await WRITERS[f]())(tables, { dir: opts.out, baseName, budget, classification })));
  console.log(`已生成 ${tables.length} 张表 → ${opts.out}\n${written.map((p) => '  ' + p).join('\n')}`);
  return 0;
}
