/**
 * Placement from the printed columns (assign/pair.ts): taken when the page's columns satisfy every
 * row sum, column sum and bound, else left to the search (null), which reports what does not add up.
 */
import { describe, expect, it } from 'vitest';
import { cachedClassification } from '../../../src/classification/load.ts';
import { printedFigures, printedPlacement } from '../../../src/disclosure/read/assign/pair.ts';
import type { PlaceInput } from '../../../src/disclosure/read/assign/place.ts';
import { layoutSet } from '../../../src/disclosure/layouts/index.ts';
import type { PrintedRow } from '../../../src/disclosure/read/pdf/emit.ts';

// 预算03表: code, name, total = basic + project + operating + upper + subsidiary (leaves 2–7).
const layout = layoutSet('hunan-23', cachedClassification(2024)).tables.find((t) => t.id === '03')!;
const row = (figures: [leaf: number, text: string][], exact = true): PrintedRow => ({ figures: figures.map(([leaf, text]) => ({ leaf, text })), exact, texts: new Map() });
const input = (values: number[][], parents: number[]): PlaceInput => ({
  layout,
  sums: layout.sums ?? [],
  rows: values.map((v, i) => ({ kind: i ? 'unit' : 'total', label: String(i), values: v })),
  parents,
  bounds: values.map(() => []),
  step: 100,
});
const wan = (n: number) => n * 1_000_000;

describe('printedPlacement', () => {
  // 合计 30 = 10 basic + 20 project; two units: 10 basic, 20 project.
  const values = [[wan(30), wan(10), wan(20)], [wan(10), wan(10)], [wan(20), wan(20)]];
  const page = [row([[2, '30.00'], [3, '10.00'], [4, '20.00']]), row([[2, '10.00'], [3, '10.00']]), row([[2, '20.00'], [4, '20.00']])];

  it('places every figure in the column it is printed in when everything adds up', () => {
    expect(printedPlacement(input(values, [-1, 0, 0]), printedFigures(page, '万元'))).toEqual({ placement: [[2, 3, 4], [2, 3], [2, 4]], ambiguous: [], warnings: [] });
  });

  it('leaves the table to the search when a row sum, a column sum or a bound fails as printed', () => {
    const swapped = [page[0], page[1], row([[2, '20.00'], [3, '20.00']])];
    expect(printedPlacement(input(values, [-1, 0, 0]), printedFigures(swapped, '万元'))).toBeNull();
    const badSum = [row([[2, '30.00'], [3, '10.00'], [4, '10.00']]), page[1], page[2]];
    expect(printedPlacement(input([[wan(30), wan(10), wan(10)], values[1], values[2]], [-1, 0, 0]), printedFigures(badSum, '万元'))).toBeNull();
    const bounded = { ...input(values, [-1, 0, 0]), bounds: [[], [undefined, { eq: wan(5), tol: 0 }], []] };
    expect(printedPlacement(bounded, printedFigures(page, '万元'))).toBeNull();
  });

  it('leaves rows it cannot pair, or read from header labels only, to the search', () => {
    expect(printedPlacement(input(values, [-1, 0, 0]), printedFigures(page.slice(0, 2), '万元'))).toBeNull();
    expect(printedPlacement(input(values, [-1, 0, 0]), printedFigures([page[0], row([[2, '10.00'], [3, '10.00']], false), page[2]], '万元'))).toBeNull();
  });
});
