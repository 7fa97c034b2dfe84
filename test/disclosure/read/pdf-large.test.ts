/**
 * The PDF reader on a large department (60 units, as in `npm run bench -- audit`): hundreds of
 * pages, so table rows break over pages (a row's cells, its name too, split at the page foot).
 * Audited, our own PDF must read back as built, with no error. Slow (tens of seconds): no timing asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../../../bench/generate.ts';
import { cachedClassification } from '../../../src/classification/load.ts';
import { audit, type Audit } from '../../../src/disclosure/audit/audit.ts';
import { warmHelper } from '../../../src/disclosure/read/pdf/page-helper.ts';
import { pdfBuffer } from '../../../src/formats/pdf.ts';
import { buildTables } from '../../../src/tables/index.ts';
import { compareTables } from './compare.ts';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-pdf-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PDF reader: our PDF of a 60-unit department', () => {
  const classification = cachedClassification(2024);
  const [budget] = generateProvince({ departments: 1, units: 60, lineItems: 60 * 40, seed: 7 });
  const tables = buildTables(budget, classification);
  let result: Audit;
  beforeAll(async () => {
    const file = join(dir, 'sixty.pdf');
    writeFileSync(file, await pdfBuffer(tables));
    // As the CLI reads it: pages on two threads (the helper started first, so that it takes part).
    await warmHelper();
    result = await audit(file, 'auto', classification, { parallel: true });
  }, 300_000);

  it('reads every table back as built, rows broken over pages included', () => {
    expect(result.read.missing).toEqual([]);
    // Placed from the printed columns: no search, so none of its 组合过多 warnings.
    expect(result.read.warnings).toEqual([]);
    expect(result.read.ambiguities).toEqual([]);
    const cmp = compareTables(tables, result.read);
    expect(cmp.cells).toBeGreaterThan(10_000);
    expect(cmp.differ).toEqual([]);
    expect(cmp.rowKeys).toEqual([]);
  });

  it('passes the audit with no error', () => {
    expect(result.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
