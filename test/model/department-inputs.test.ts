/**
 * A department's 说明 inputs from its units': counts and amounts add up when every unit gave them,
 * a set copied to every unit from one department-wide file is taken once, prose stays the units',
 * and the department's 说明 prints the sums.
 */
import { describe, expect, it } from 'vitest';
import type { Budget } from '../../src/model/budget.ts';
import { departmentInputs } from '../../src/model/department-inputs.ts';
import type { PublicationInputs } from '../../src/model/publication-inputs.ts';
import { unitBudgets } from '../../src/model/split.ts';
import { renderParagraph } from '../../src/publication/statement.ts';
import { buildPublication } from '../../src/publication/publication.ts';
import { buildTables } from '../../src/tables/index.ts';
import { loadExample, MULTI_DIR } from '../helpers.ts';

const { budget, classification } = loadExample(MULTI_DIR);
const units = unitBudgets(budget);
const codes = units.map((u) => u.units[0].code);

const inputs = (p: Partial<PublicationInputs>): PublicationInputs => ({ divisions: [], unitNotes: [], reasons: {}, ...p });
const withInputs = (ps: (PublicationInputs | undefined)[]): Budget[] => units.map((u, i) => ({ ...u, publication: ps[i] }));

const own = (i: number, establishment: number, serving: number): PublicationInputs =>
  inputs({
    organisation: `单位 ${codes[i]} 自述`,
    divisions: [`处室${i}`],
    reasons: { income: `原因${i}` },
    unitNotes: [{ unit: codes[i], funding: '全额拨款', note: `说明${i}` }],
    staffing: { establishment, serving },
    previousYear: { income: 1_000_000 * (i + 1), threePublic: 10_000 * (i + 1) },
    procurement: { goods: 100 * (i + 1), works: 0, services: 5 },
    assets: { asOf: '2023年12月31日', vehicles: [{ category: '一般公务用车', count: i + 1 }], equipmentOver50: 1, specialEquipmentOver100: 0, newAssets: [{ name: `设备${i}`, count: 1, amount: 50_000 }] },
    meetings: { count: 2, people: 30 },
  });

describe('departmentInputs', () => {
  it('adds up what every unit gave, keeps each unit’s 单位构成 note, leaves their prose out', () => {
    const d = departmentInputs(withInputs(units.map((_, i) => own(i, 10 + i, 8 + i))))!;
    const n = units.length;
    expect(n).toBeGreaterThan(1);
    const tri = (n * (n - 1)) / 2; // Σ i
    expect(d.staffing).toEqual({ establishment: 10 * n + tri, serving: 8 * n + tri });
    expect(d.previousYear).toEqual({ income: 1_000_000 * (n + tri), threePublic: 10_000 * (n + tri) });
    expect(d.procurement).toEqual({ goods: 100 * (n + tri), works: 0, services: 5 * n });
    expect(d.assets?.vehicles).toEqual([{ category: '一般公务用车', count: n + tri }]);
    expect(d.assets?.equipmentOver50).toBe(n);
    expect(d.assets?.newAssets.map((a) => a.name)).toEqual(units.map((_, i) => `设备${i}`));
    expect(d.meetings).toEqual({ count: 2 * n, people: 30 * n });
    expect(d.unitNotes.map((u) => u.unit)).toEqual(codes);
    expect(d.organisation).toBeUndefined();
    expect(d.divisions).toEqual([]);
    expect(d.reasons).toEqual({});
  });

  it('gives no sum where a unit gave no part: a total with a unit missing would be wrong', () => {
    const ps = units.map((_, i) => own(i, 10, 8));
    ps[1] = { ...ps[1], staffing: undefined, previousYear: { income: 5 }, assets: { ...ps[1].assets!, asOf: '2024年6月30日' } };
    const d = departmentInputs(withInputs(ps))!;
    expect(d.staffing).toBeUndefined();
    expect(d.previousYear).toEqual({ income: 1_000_000 * ((units.length * (units.length + 1)) / 2 - 2) + 5 }); // unit 1 gave 5 and no 三公
    expect(d.assets).toBeUndefined(); // counted at different dates
    expect(d.procurement).toBeDefined();
    const none = departmentInputs(withInputs([own(0, 1, 1)]))!;
    expect(none.staffing).toBeUndefined(); // the other units gave nothing
    expect(departmentInputs(withInputs([]))).toBeUndefined();
  });

  it('takes a set copied to every unit once, and a one-unit department’s inputs as they are', () => {
    const shared = own(0, 412, 398);
    const copies = units.map((_, i) => ({ ...shared, unitNotes: [{ unit: codes[i], funding: '全额拨款' as const }] }));
    const d = departmentInputs(withInputs(copies))!;
    expect(d.staffing).toEqual({ establishment: 412, serving: 398 });
    expect(d.organisation).toBe(shared.organisation);
    expect(d.unitNotes.map((u) => u.unit)).toEqual(codes);
    expect(departmentInputs([{ ...units[0], publication: shared }])).toBe(shared);
  });

  it('the department’s 说明 prints the sums', () => {
    const parts = withInputs(units.map((_, i) => own(i, 10, 8)));
    const dept: Budget = { ...budget, publication: departmentInputs(parts) };
    const text = buildPublication(dept, classification, buildTables(dept, classification))
      .blocks.flatMap((b) => (b.type === 'paragraph' ? [renderParagraph(b.statements)] : []))
      .join('\n');
    expect(text).toContain(`本部门编制数${10 * units.length}人，实有在职人数${8 * units.length}人`);
    expect(text).toContain('全额拨款');
  });
});
