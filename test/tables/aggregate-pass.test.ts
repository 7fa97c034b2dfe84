/** The sums shared by a budget's aggregate tables are the budget's own, whatever was built in between. */
import { describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/generate.ts';
import { loadClassification } from '../../src/classification/load.ts';
import { buildContext } from '../../src/tables/context.ts';
import { buildTables, HUNAN_23 } from '../../src/tables/index.ts';

describe('aggregate tables of interleaved budgets', () => {
  it('equal the tables of each budget built on its own', () => {
    const [a, b] = generateProvince({ departments: 2, units: 12, lineItems: 1500, seed: 3, otherKinds: true });
    const c = loadClassification(a.year);
    const [ca, cb] = [buildContext(a, c), buildContext(b, c)];
    // Table by table, alternating budgets: each table finds the other budget's sums in the shared buffer.
    const ta = HUNAN_23.map((build) => [build(ca), build(cb)][0]);
    const tb = HUNAN_23.map((build) => [build(ca), build(cb)][1]);
    expect(ta).toEqual(buildTables(a, c));
    expect(tb).toEqual(buildTables(b, c));
    expect(ta).not.toEqual(tb);
  });
});
