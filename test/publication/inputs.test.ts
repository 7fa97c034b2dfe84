/** The publication inputs in budget.json are validated like the rest: every problem located by its JSON path. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { InputError } from '../../src/formats/input/errors.ts';
import { MULTI_DIR, SEED_DIR } from '../helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function withPublication(edit: (p: Record<string, unknown>) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-pub-'));
  dirs.push(dir);
  cpSync(MULTI_DIR, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
  edit(json.publication);
  writeFileSync(join(dir, 'budget.json'), JSON.stringify(json));
  return dir;
}

const problemsOf = (dir: string) => {
  try {
    readBudgetFolder(dir);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
};

describe('publication inputs', () => {
  it('reads the examples’ inputs with amounts in 分', () => {
    const { budget } = readBudgetFolder(MULTI_DIR);
    expect(budget.publication?.procurement).toEqual({ goods: 386_000_000, works: 450_000_000, services: 612_500_000 });
    expect(budget.publication?.previousYear?.threePublic).toBe(152_300_000);
    expect(readBudgetFolder(SEED_DIR).budget.publication?.staffing?.establishment).toBe(20);
  });

  it('locates each problem by its path under publication', () => {
    const dir = withPublication((p) => {
      (p.procurement as Record<string, string>).goods = '1.2345678';
      (p.unitNotes as { unit: string }[])[0].unit = '186999';
      (p.previousYear as Record<string, string>).income = '12.3456789';
    });
    expect(problemsOf(dir).sort()).toEqual([
      expect.stringMatching(/^publication\.previousYear\.income: /),
      expect.stringMatching(/^publication\.procurement\.goods: /),
      'publication.unitNotes.0.unit: 单位 186999 未登记',
    ]);
  });

  it('rejects unknown fields and wrong kinds with their path', () => {
    const dir = withPublication((p) => {
      p.staffing = { establishment: -1, serving: 3 };
      p.colour = 'red';
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.startsWith('publication.staffing.establishment'))).toBe(true);
    expect(problems.some((p) => p.startsWith('publication') && p.includes('colour'))).toBe(true);
  });
});
