/**
 * Audit benchmark: the PDF of the largest synthetic department (and of a 60-unit department) read
 * back and checked, as `yusuan audit` does (in-process, pages read on two threads), on the built output. Baseline: reading the same PDF's text with
 * pdf.js alone (what any reader must pay), measured in the same run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';
import { built, median, ms, timeAsync } from './measure.ts';

const { cachedClassification } = await built<typeof import('../src/classification/load.ts')>('classification/load.ts');
const { audit } = await built<typeof import('../src/disclosure/audit/audit.ts')>('disclosure/audit/audit.ts');
const { pdfBuffer } = await built<typeof import('../src/formats/pdf.ts')>('formats/pdf.ts');
const { buildTables } = await built<typeof import('../src/tables/index.ts')>('tables/index.ts');

async function pdfTextOnly(path: string): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { readFileSync } = await import('node:fs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  let items = 0;
  for (let p = 1; p <= doc.numPages; p++) items += (await (await doc.getPage(p)).getTextContent()).items.length;
  await doc.destroy();
  return items;
}

export async function benchAudit(runs = 3) {
  const classification = cachedClassification(2024);
  const largest = generateProvince(DEFAULT_OPTIONS).reduce((a, b) => (b.lineItems.length > a.lineItems.length ? b : a));
  // 60 units of 40 line items each: a department as wide as the largest but with fewer rows a unit.
  const [sixty] = generateProvince({ departments: 1, units: 60, lineItems: 60 * 40, seed: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-bench-audit-'));
  const lines: string[] = ['audit (PDF read back and checked, in-process):'];
  try {
    for (const [name, budget] of [['largest synthetic department', largest], ['60-unit department', sixty]] as const) {
      const path = join(dir, `${budget.department.code}.pdf`);
      const pdf = await pdfBuffer(buildTables(budget, classification));
      writeFileSync(path, pdf);
      const base: number[] = [];
      const full: number[] = [];
      let errors = 0;
      for (let i = 0; i < runs; i++) {
        base.push((await timeAsync(() => pdfTextOnly(path)))[0]);
        const [t, a] = await timeAsync(() => audit(path, 'auto', classification, { parallel: true }));
        full.push(t);
        errors = a.report.findings.filter((f) => f.severity === 'error').length;
      }
      lines.push(
        `  ${name} (${budget.units.length} units, ${budget.lineItems.length} line items, ${(pdf.length / 1024 / 1024).toFixed(1)} MB PDF): ${ms(median(full))} (${errors} errors); pdf.js text alone ${ms(median(base))}; ratio ${(median(full) / median(base)).toFixed(1)}×  (median of ${runs})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
