/** Last year's figures can come from last year's yusuan budget: read from its tables as this year's are. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { InputError } from '../../src/formats/input/errors.ts';
import { keyFigures } from '../../src/publication/key-figures.ts';
import { buildPublication } from '../../src/publication/publication.ts';
import { renderParagraph } from '../../src/publication/statement.ts';
import { textAmount } from '../../src/publication/vocabulary.ts';
import { MULTI_DIR } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'yusuan-prev-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The multi-unit example as `name`, with `edit` applied to its budget.json. */
type BudgetJson = { year: number; publication?: { previousYear?: unknown } };
function copy(name: string, edit: (json: BudgetJson) => void) {
  const dir = join(root, name);
  cpSync(MULTI_DIR, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
  edit(json);
  writeFileSync(join(dir, 'budget.json'), JSON.stringify(json));
  return dir;
}

describe('previousYear.budget', () => {
  const prevDir = copy('2023', (j) => {
    j.year = 2023;
    delete j.publication;
  });

  it('fills last year’s figures from that budget’s tables; typed figures win', () => {
    const dir = copy('2024', (j) => (j.publication!.previousYear = { budget: '../2023', threePublic: '100.00' }));
    const { budget, classification } = readBudgetFolder(dir);
    const prev = readBudgetFolder(prevDir);
    const expected = keyFigures(prev.budget, prev.classification);
    expect(budget.publication!.previousYear).toEqual({ ...expected, threePublic: 100_000_000 });
    const text = buildPublication(budget, classification)
      .blocks.flatMap((b) => (b.type === 'paragraph' ? [renderParagraph(b.statements)] : []))
      .join('\n');
    // the same line items last year: the totals are 持平; the typed 三公 figure is compared as typed
    expect(text).toContain('收入预算总计与上年持平');
    expect(text).toContain('一般公共预算拨款支出与上年持平');
    expect(text).toContain(`机关运行经费${textAmount(expected.officeRunning)}万元，与上年持平`);
    expect(text).toContain('“三公”经费预算比上年增加41.00万元，增长41.00%');
  });

  it('refuses a budget of another year, or one that refers back to this one, at the path', () => {
    const problems = (dir: string) => {
      try {
        readBudgetFolder(dir);
        return [];
      } catch (e) {
        return (e as InputError).problems.map((p) => `${p.path}: ${p.message}`);
      }
    };
    const itself = copy('2024b', (j) => (j.publication!.previousYear = { budget: '.' }));
    expect(problems(itself)).toEqual(['publication.previousYear.budget: 上年预算不能引用本年预算']);
    copy('2022', (j) => (j.year = 2022));
    const skip = copy('2024c', (j) => (j.publication!.previousYear = { budget: '../2022' }));
    expect(problems(skip)).toEqual(['publication.previousYear.budget: 上年预算的年度是 2022，应为 2023']);
  });
});
