/**
 * The seed bar: building examples/hunan-104012 reproduces every amount of the 23 tables of the real
 * disclosure, in the seed's reading order, including the zeros it prints (0.00) and no others.
 * The expected figures are read from the seed text itself, independently of the builder.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/money/money.ts';
import { normLabel } from '../../src/ir/table.ts';
import { loadExample, SEED_DIR, SEED_TEXT } from '../helpers.ts';

const NUMBER = /(?<![\d.])\d+\.\d{2}(?!\d)/g;

function seedTables(): Map<string, { title: string; amounts: string[] }> {
  const text = readFileSync(SEED_TEXT, 'utf8');
  const parts = text.split(/预算(\d\d)\s*\n?\s*表/);
  const out = new Map<string, { title: string; amounts: string[] }>();
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1];
    const title = body.split('\n').map((l) => l.trim()).find(Boolean)!;
    out.set(parts[i], { title, amounts: body.match(NUMBER) ?? [] });
  }
  return out;
}

describe('seed reproduction (examples/hunan-104012 vs test/fixtures/seed)', () => {
  const seed = seedTables();
  const { tables } = loadExample(SEED_DIR);

  it('has the 23 tables in order', () => {
    expect([...seed.keys()]).toEqual(tables.map((t) => t.id));
    expect(tables).toHaveLength(23);
  });

  for (const [id, { title, amounts }] of seed) {
    it(`预算${id}表: title and every amount in reading order`, () => {
      const t = tables.find((x) => x.id === id)!;
      expect(normLabel(t.title)).toBe(normLabel(title));
      const ours = t.rows.flatMap((r) => r.cells.filter((c): c is number => typeof c === 'number').map((c) => formatMoney(c, '万元')));
      expect(ours).toEqual(amounts);
    });
  }

  it('prints the title exactly as the seed, spaces included', () => {
    const byId = new Map(tables.map((t) => [t.id, t.title]));
    expect(byId.get('01')).toBe('收 支 总 表');
    expect(byId.get('23')).toBe(' 部门整体支出绩效目标表');
  });
});
