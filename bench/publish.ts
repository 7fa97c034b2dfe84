/**
 * Publication benchmark: the full package (xlsx + PDF + HTML + CSV) of the seed example, cold and
 * warm, and of the largest department of the synthetic province. Baseline: serialising the same
 * tables as JSON in the same run (the cheapest complete output).
 */
import type { Table } from '../src/ir/table.ts';
import { generateProvince } from './generate.ts';
import { built, ms, timeAsync } from './measure.ts';

const { loadClassification } = await built<typeof import('../src/classification/load.ts')>('classification/load.ts');
const { readBudgetFolder } = await built<typeof import('../src/formats/input/budget-folder.ts')>('formats/input/budget-folder.ts');
const { tablesToJson } = await built<typeof import('../src/formats/json.ts')>('formats/json.ts');
const { buildTables } = await built<typeof import('../src/tables/index.ts')>('tables/index.ts');
const { buildPublication } = await built<typeof import('../src/publication/publication.ts')>('publication/publication.ts');
const { publicationPdf } = await built<typeof import('../src/formats/document/pdf.ts')>('formats/document/pdf.ts');

/** Writes the package in the four formats; returns the bytes and the time of each format. */
async function writeAll(tables: Table[]): Promise<{ bytes: number; perFormat: [string, number][] }> {
  const [{ xlsxBuffer }, { pdfBuffer }, { htmlDocument }, { tableCsv }] = await Promise.all([
    built<typeof import('../src/formats/xlsx.ts')>('formats/xlsx.ts'),
    built<typeof import('../src/formats/pdf.ts')>('formats/pdf.ts'),
    built<typeof import('../src/formats/html.ts')>('formats/html.ts'),
    built<typeof import('../src/formats/csv.ts')>('formats/csv.ts'),
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
  // The whole publication (预算全文) PDF: cover, 目录, 说明 and the same tables.
  const publication = buildPublication(largest, classification, bigTables);
  const docRuns: [number, { length: number }][] = [];
  for (let i = 0; i < 3; i++) docRuns.push(await timeAsync(() => publicationPdf(publication)));
  const [docPdf, docBytes] = [...docRuns].sort((a, b) => a[0] - b[0])[1];
  return [
    `publish (xlsx + PDF + HTML + CSV):`,
    `  seed package: cold ${ms(total(cold))}, warm ${ms(total(warm))} (${formatTimes(warm)}; ${(warm.bytes / 1024).toFixed(0)} KB); JSON baseline ${ms(json)}; warm/baseline ${(total(warm) / json).toFixed(0)}×`,
    `  largest synthetic department (${largest.units.length} units, ${largest.lineItems.length} line items, ${rows} table rows), median of 3: ${ms(total(big))} (${formatTimes(big)}; ${(big.bytes / 1024 / 1024).toFixed(1)} MB); JSON baseline ${ms(bigJson)}`,
    `  largest synthetic department, publication PDF (预算全文), median of 3: ${ms(docPdf)} (${(docBytes.length / 1024 / 1024).toFixed(1)} MB)`,
  ].join('\n');
}
