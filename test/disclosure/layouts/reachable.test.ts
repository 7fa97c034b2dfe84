/** The probe that finds columns no budget can fill, and the layout metadata built on it. */
import { describe, expect, it } from 'vitest';
import { hunan23Layouts } from '../../../src/disclosure/layouts/hunan-23.ts';
import { unreachableColumns } from '../../../src/disclosure/layouts/reachable.ts';
import { loadExample, MULTI_DIR } from '../../helpers.ts';
import { leaves } from '../../../src/ir/table.ts';

const { classification, tables } = loadExample(MULTI_DIR);

describe('unreachable columns', () => {
  it('the quick probe finds the same columns as the full cross product', () => {
    expect([...unreachableColumns(classification)]).toEqual([...unreachableColumns(classification, true)]);
  });

  it('are never filled by a real budget', () => {
    const un = unreachableColumns(classification);
    for (const t of tables) {
      const cols = leaves(t.header);
      for (const key of un.get(t.id) ?? []) {
        const i = cols.findIndex((c) => c.key === key);
        expect(t.rows.every((r) => !r.cells[i]), `预算${t.id}表 ${key}`).toBe(true);
      }
    }
  });
});

describe('Hunan layouts', () => {
  const layouts = hunan23Layouts(classification);

  it('state every row sum of the builders, and each holds in the built tables', () => {
    for (const l of layouts) {
      const t = tables.find((x) => x.id === l.id)!;
      const col = new Map(leaves(t.header).map((c, i) => [c.key, i]));
      const v = (r: (typeof t.rows)[number], k: string) => (typeof r.cells[col.get(k)!] === 'number' ? (r.cells[col.get(k)!] as number) : 0);
      for (const s of l.sums ?? []) for (const r of t.rows) if (r.kind !== 'line') expect(v(r, s.key), `预算${l.id}表 ${s.key}`).toBe(s.parts.reduce((a, p) => a + v(r, p), 0));
    }
    expect(layouts.find((l) => l.id === '05')!.sums).toContainEqual({ key: 'total', parts: ['basic.total', 'project.total'] });
  });

  it('give the label lists of the side-by-side tables and the zeros of empty tables', () => {
    const t01 = layouts.find((l) => l.id === '01')!;
    expect(t01.listRows).toHaveLength(28);
    expect(t01.listRows![0]).toEqual(['一、一般公共预算拨款收入', '一、一般公共服务支出', '一、基本支出', '一、机关工资福利支出']);
    expect(layouts.find((l) => l.id === '21')!.emptyZeros).toEqual(['total', 'provincial']);
    expect(layouts.find((l) => l.id === '20')!.emptyZeros).toHaveLength(10);
  });
});
