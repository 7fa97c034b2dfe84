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

/** Writes the package in the four formats; returns the bytes and the time of each format. */
async function writeAll(tables: Table[]): Promise<{ bytes: number; perFormat: [string, number][] }> {
  const [{ xlsxBuffer }, { pdfBuffer }, { htmlDocument }, { tableCsv }] = await Promise.all([
    import('../src/formats/xlsx.ts'),
    import('../src/formats/pdf.ts'),
    import('../src/formats/html.ts'),
    import('../src/formats/csv.ts'),
  ]);
  const formats: [string, () => Promise<{ length: number }>][] = [
    ['xlsx', () => xlsxBuffer(tables)],
    ['PDF', () => pdfBuffer(tables)],
    ['HTML', async () => htmlDocument(tables)],
    ['CSV', async () => tables.map(tableCsv).join('')],
  ];
  let bytes = 0;
  const perFormat: [string, number][] = [];
  for (const [name, write] of formats) {
    const [t, out] = await timeAsync(write);
    bytes += out.length;
    perFormat.push([name, t]);
  }
  return { bytes, perFormat };
}

const total = (r: { perFormat: [string, number][] }) => r.perFormat.reduce((s, [, t]) => s + t, 0);
const formatTimes = (r: { perFormat: [string, number][] }) => r.perFormat.map(([n, t]) => `${n} ${ms(t)}`).join(', ');

export async function benchPublish() {
  const seed = readBudgetFolder('examples/hunan-104012');
  const seedTables = buildTables(seed.budget, seed.classification);
  const cold = await writeAll(seedTables);
  const warmRuns = [];
  for (let i = 0; i < 3; i++) warmRuns.push(await writeAll(seedTables));
  const warm = warmRuns.reduce((a, b) => (total(b) < total(a) ? b : a));
  const [json] = await timeAsync(async () => tablesToJson(seedTables));

  const classification = loadClassification(2024);
  const province = generateProvince({ departments: 100, units: 2_000, lineItems: 300_000, seed: 1 });
  const largest = province.reduce((a, b) => (b.lineItems.length > a.lineItems.length ? b : a));
  const bigTables = buildTables(largest, classification);
  const rows = bigTables.reduce((s, t) => s + t.rows.length, 0);
  const bigRuns = [];
  for (let i = 0; i < 3; i++) bigRuns.push(await writeAll(bigTables));
  const big = [...bigRuns].sort((a, b) => total(a) - total(b))[1];
  const [bigJson] = await timeAsync(async () => tablesToJson(bigTables));
  return [
    `publish (xlsx + PDF + HTML + CSV):`,
    `  seed package: cold ${ms(total(cold))}, warm ${ms(total(warm))} (${formatTimes(warm)}; ${(warm.bytes / 1024).toFixed(0)} KB); JSON baseline ${ms(json)}; warm/baseline ${(total(warm) / json).toFixed(0)}×`,
    `  largest synthetic department (${largest.units.length} units, ${largest.lineItems.length} line items, ${rows} table rows), median of 3: ${ms(total(big))} (${formatTimes(big)}; ${(big.bytes / 1024 / 1024).toFixed(1)} MB); JSON baseline ${ms(bigJson)}`,
  ].join('\n');
}
