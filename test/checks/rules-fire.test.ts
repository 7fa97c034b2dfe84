/**
 * Every arithmetic rule of the catalogue fires when a cell it reads is wrong: for each rule we
 * break one cell it depends on, in a copy of the tables built from an example, and expect a
 * finding of that rule at that table. (Rules skip budgets they do not apply to; each rule must
 * fire on at least one of the two examples.)
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/checks/engine.ts';
import { hunanRules } from '../../src/checks/index.ts';
import { loadClassification } from '../../src/classification/load.ts';
import { parents } from '../../src/checks/engine.ts';
import type { Rule } from '../../src/checks/rule.ts';
import { TableSet } from '../../src/checks/table-set.ts';
import type { Table } from '../../src/ir/table.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const BUMP = 10 ** 13; // 1 亿万元: beyond any total and any rounding tolerance

/** The (table, row, column) a rule reads and that we can break. */
function target(rule: Rule, tables: Table[]): [string, number, number] | undefined {
  const set = new TableSet(tables);
  switch (rule.kind) {
    case 'rowSum': {
      const t = set.get(rule.table).table;
      const row = t.rows.findIndex((r) => r.kind !== 'line' && (!rule.rows || rule.rows.includes(r.kind)));
      return row < 0 ? undefined : [rule.table, row, set.col(rule.table, rule.total)];
    }
    case 'tree': {
      const t = set.get(rule.table).table;
      const child = parents(t).findIndex((p) => p >= 0);
      const col = set.get(rule.table).leaves.findIndex((c) => c.kind === 'amount');
      return child < 0 ? undefined : [rule.table, child, col];
    }
    case 'cells': {
      const ref = rule.comparisons[0].lhs[0];
      const rows = set.rows(ref.table, ref.row);
      return rows.length ? [ref.table, rows[0], set.col(ref.table, ref.col)] : undefined;
    }
    case 'join': {
      const t = set.get(rule.left).table;
      const row = t.rows.findIndex((r) => rule.rows.includes(r.kind));
      return row < 0 ? undefined : [rule.left, row, set.col(rule.left, rule.pairs[0][0][0])];
    }
  }
}

const HUNAN_23_RULES = hunanRules(loadClassification(2024));

describe('every rule fires on a broken cell', () => {
  const examples = [loadExample(SEED_DIR).tables, loadExample(MULTI_DIR).tables];

  it('the unbroken examples pass every rule', () => {
    for (const tables of examples) expect(runRules(tables, HUNAN_23_RULES).findings).toEqual([]);
  });

  for (const rule of HUNAN_23_RULES) {
    it(`${rule.id}: ${rule.formula}`, () => {
      let fired = false;
      const reasons: string[] = [];
      for (const tables of examples) {
        const broken: Table[] = structuredClone(tables);
        const at = target(rule, broken);
        if (!at) continue;
        const [id, row, col] = at;
        const t = broken.find((x) => x.id === id)!;
        t.rows[row].cells[col] = ((t.rows[row].cells[col] as number | null) ?? 0) + BUMP;
        const report = runRules(broken, [rule]);
        reasons.push(...report.rulesNotRun.map((n) => n.reason));
        const hits = report.findings.filter((f) => f.rule === rule.id);
        if (hits.length) {
          fired = true;
          expect(hits.some((f) => rule.tables.includes(f.table!))).toBe(true);
          expect(hits[0].message).toContain(rule.formula);
        }
      }
      expect(fired, `did not fire (not run: ${reasons.join('; ')})`).toBe(true);
    });
  }
});
