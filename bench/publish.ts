/**
 * Publication benchmark: the full package (xlsx + PDF + HTML + CSV) of the seed example, cold and
 * warm, and of the largest department of the synthetic province. Baseline: serialising the same
 * tables as JSON in the same run (the cheapest complete output).
 */
import { loadClassification } from '../src/classification/load.ts';
import { readBudgetFolder } from '../src/formats/input/budget-folder.ts';
import { tablesToJson } from '../src/formats/json.ts';
import type { Table } from '../src/ir/table.ts';
import { buildTables } from '../src/tables/index.ts';
import { generateProvince } from './generate.ts';
import { ms, timeAsync } from './measure.ts';

async function writeAll(tables: Table[]): Promise<number> {
  const [{ xlsxBuffer }, { pdfBuffer }, { htmlDocument }, { tableCsv }] = await Promise.all([
    import('../src/formats/xlsx.ts'),
    import('../src/formats/pdf.ts'),
    import('../src/formats/html.ts'),
    import('../src/formats/csv.ts'),
  ]);
  const [x, p] = [await xlsxBuffer(tables), await pdfBuffer(tables)];
  const h = htmlDocument(tables);
  const c = tables.map(tableCsv).join('');
  return x.length + p.length + h.length + c.length;
}

export async function benchPublish() {
  const seed = readBudgetFolder('examples/hunan-104012');
  const seedTables = buildTables(seed.budget, seed.classification);
  const [cold, bytes] = await timeAsync(() => writeAll(seedTables));
  const warmRuns: number[] = [];
  for (let i = 0; i < 3; i++) warmRuns.push((await timeAsync(() => writeAll(seedTables)))[0]);
  const warm = Math.min(...warmRuns);
  const [json] = await timeAsync(async () => tablesToJson(seedTables));

  const classification = loadClassification(2024);
  const province = generateProvince({ departments: 100, units: 2_000, lineItems: 300_000, seed: 1 });
  const largest = province.reduce((a, b) => (b.lineItems.length > a.lineItems.length ? b : a));
  const bigTables = buildTables(largest, classification);
  const rows = bigTables.reduce((s, t) => s + t.rows.length, 0);
  const [big, bigBytes] = await timeAsync(() => writeAll(bigTables));
  const [bigJson] = await timeAsync(async () => tablesToJson(bigTables));
  return [
    `publish (xlsx + PDF + HTML + CSV):`,
    `  seed package: cold ${ms(cold)}, warm ${ms(warm)} (${(bytes / 1024).toFixed(0)} KB); JSON baseline ${ms(json)}; warm/baseline ${(warm / json).toFixed(0)}×`,
    `  largest synthetic department (${largest.units.length} units, ${largest.lineItems.length} line items, ${rows} table rows): ${ms(big)} (${(bigBytes / 1024 / 1024).toFixed(1)} MB); JSON baseline ${ms(bigJson)}`,
  ].join('\n');
}
