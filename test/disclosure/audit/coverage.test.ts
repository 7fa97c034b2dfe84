/**
 * Coverage has one shape for every layout family: the Hunan 23 tables (rule engine) and the
 * column-read families (their identities) both give counts and lists, and the counts are the lists'.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit, auditJson } from '../../../src/disclosure/audit/audit.ts';
import { cachedClassification, shippedYears } from '../../../src/classification/load.ts';
import { SEED_TEXT } from '../../helpers.ts';

const classification = cachedClassification(shippedYears().at(-1)!);
const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;

describe('coverage', () => {
  it.each([
    ['hunan-23', fileURLToPath(SEED_TEXT)],
    ['standard-9', new URL('../read/fixtures/standard-9.txt', import.meta.url).pathname],
    ['mof-budget', `${CORPUS}sh-putuo-2025-zfb-dept-budget.txt`],
    ['mof-final', `${CORPUS}sh-putuo-2024-caizhengju-final-injected.txt`],
  ])('%s: counts and lists, the counts those of the lists', { timeout: 60_000 }, async (layout, path) => {
    const a = await audit(path, 'auto', classification);
    expect(a.read.layout).toBe(layout);
    const c = auditJson(a).coverage;
    expect(Object.keys(c).sort()).toEqual(
      ['rulesNotRun', 'rulesNotRunCount', 'rulesRun', 'rulesRunCount', 'tablesExpected', 'tablesFound', 'tablesMissing', 'tablesMissingCount'].sort(),
    );
    expect(c.rulesRunCount).toBe(c.rulesRun.length);
    expect(c.rulesRunCount).toBeGreaterThan(0);
    expect(c.rulesNotRunCount).toBe(c.rulesNotRun.length);
    expect(c.tablesMissingCount).toBe(c.tablesMissing.length);
    expect(c.tablesFound + c.tablesMissingCount).toBe(c.tablesExpected);
  });
});
