/**
 * Grows the shipped 支出功能分类 lists from codes printed in real disclosures:
 *   node --import tsx scripts/harvest-codes.ts [FILE_OR_FOLDER…] [--lists DIR] [--dry-run]
 * Default input: ../shared/corpus/real and ../shared/seed/000_3c3361467ddba6b8.txt (the project's
 * sibling folder while it is developed; not read by tests or at run time). Every shipped year's function.csv gains the codes
 * not yet listed (confidence `seen`, sources `seen in <document>`); listed codes seen with the same
 * name gain the document as a source. Re-running with the same documents changes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCodeList, type Subject } from '../src/classification/codes.ts';
import { harvestText, mergeIntoList, mergeSightings } from '../src/classification/harvest.ts';
import { SHIPPED_LISTS } from '../src/classification/load.ts';
import { listCsv } from '../src/classification/user-lists.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { lists: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
const root = resolve(import.meta.dirname, '..');
/** The nearest `shared/` beside the repository or one of its parents (worktrees sit deeper). */
const shared = [join(root, '..'), join(root, '../..')].map((d) => join(d, 'shared')).find((d) => existsSync(join(d, 'corpus/real'))) ?? join(root, '../shared');
const inputs = positionals.length ? positionals : [join(shared, 'corpus/real'), join(shared, 'seed/000_3c3361467ddba6b8.txt')];
const listsDir = values.lists ?? SHIPPED_LISTS;

const files = inputs.flatMap((p) => {
  if (!existsSync(p)) throw new Error(`找不到 ${p}`);
  return statSync(p).isDirectory() ? readdirSync(p).filter((f) => extname(f) === '.txt').sort().map((f) => join(p, f)) : [p];
});
const sightings = files.flatMap((f) => harvestText(readFileSync(f, 'utf8'), basename(f, extname(f))));
const { codes, conflicts } = mergeSightings(sightings);
console.log(`${files.length} 份文件，${sightings.length} 处科目，${codes.length} 个不同编码`);
for (const c of conflicts) console.log(`  名称不一致，未收录 ${c.code}：${c.names.map((n) => `“${n.name}”(${n.where.join(', ')})`).join(' / ')}`);

for (const year of readdirSync(listsDir).filter((d) => /^\d{4}$/.test(d)).sort()) {
  const path = join(listsDir, year, 'function.csv');
  const rows = new Map<string, Subject>(parseCodeList('支出功能分类', readFileSync(path, 'utf8'), path).list().map((s) => [s.code, s]));
  const report = mergeIntoList(rows, codes);
  const byLevel = (l: string) => report.added.filter((s) => s.level === l).length;
  console.log(`${year}: 新增 类 ${byLevel('类')}、款 ${byLevel('款')}、项 ${byLevel('项')}；已有并见于文件 ${report.confirmed.length}`);
  const byDocument = new Map<string, number>();
  for (const s of report.added) for (const d of s.sources!.split(';')) byDocument.set(d, (byDocument.get(d) ?? 0) + 1);
  for (const [d, n] of [...byDocument].sort()) console.log(`    ${d}: ${n}`);
  for (const d of report.disagreements) console.log(`  与科目表名称不同，保留科目表：${d.code} 表中“${d.listed}”，${d.documents.join(', ')} 中“${d.seen}”`);
  const orphans = report.added.filter((s) => s.parent && !rows.has(s.parent));
  for (const o of orphans) console.log(`  ${o.code} 的上级 ${o.parent} 不在表中（其名称须由输入或导入的科目表提供）`);
  if (!values['dry-run']) writeFileSync(path, listCsv([...rows.values()].sort((a, b) => a.code.localeCompare(b.code))));
}
