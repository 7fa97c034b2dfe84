/**
 * The cells rules reuse the rows-by-label lookup of the last package whose label column holds the
 * same values (src/checks/cell-labels.ts): a package with the same labels must get the same report,
 * and a table edited in place between two checks must be read anew.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/checks/engine.ts';
import { hunanRules } from '../../src/checks/index.ts';
import type { Table } from '../../src/ir/table.ts';
import { loadExample, SEED_DIR } from '../helpers.ts';

describe('cells rules: rows by label', () => {
  const { tables, classification } = loadExample(SEED_DIR);
  const rules = hunanRules(classification).filter((r) => r.kind === 'cells');

  it('a copy with the same labels gets the same report, and its own amounts', () => {
    const before = runRules(tables, rules);
    const copy: Table[] = structuredClone(tables);
    expect(runRules(copy, rules)).toEqual(before);
    // An amount on a labelled row of the copy: the copy's rows are read, not the original's.
    const t01 = copy.find((t) => t.id === '01')!;
    const row = t01.rows.find((r) => r.cells.some((c) => typeof c === 'number' && c !== 0))!;
    const col = row.cells.findIndex((c) => typeof c === 'number' && c !== 0);
    (row.cells[col] as number) += 10 ** 13;
    expect(runRules(copy, rules).findings.some((f) => f.table === '01')).toBe(true);
  });

  it('a table whose labels were edited in place is read anew', () => {
    const copy: Table[] = structuredClone(tables);
    expect(runRules(copy, rules).rulesNotRun.filter((n) => n.reason.includes('预算01表找不到'))).toEqual([]);
    for (const r of copy.find((t) => t.id === '01')!.rows) r.cells = r.cells.map((c) => (typeof c === 'string' ? `改${c}` : c));
    expect(runRules(copy, rules).rulesNotRun.some((n) => n.reason.includes('预算01表找不到'))).toBe(true);
  });
});
