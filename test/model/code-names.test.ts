/** Names the input supplies for codes outside the list: used for the tables, checked against the list. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unnamedCodes } from '../../src/checks/model-rules.ts';
import { loadClassification } from '../../src/classification/load.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { InputError } from '../../src/formats/input/errors.ts';
import { MULTI_DIR } from '../helpers.ts';

/** The multi-unit example with its first line item moved to `code`, named `name`. */
function withName(code: string, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-names-'));
  cpSync(MULTI_DIR, dir, { recursive: true });
  const [head, first, ...rest] = readFileSync(join(dir, 'line-items.csv'), 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  const cells = first.split(',');
  cells[cols.indexOf('function_code')] = code;
  writeFileSync(join(dir, 'line-items.csv'), [`${head},function_name`, `${cells.join(',')},${name}`, ...rest.map((r) => `${r},`)].join('\n') + '\n');
  return dir;
}

/** The shipped list of the example's year: the codes named below must be outside it. */
const shipped = loadClassification(JSON.parse(readFileSync(join(MULTI_DIR, 'budget.json'), 'utf8')).year, undefined, null).function;

describe('function_name', () => {
  it('names the 项 and, joined by “/”, the unlisted 款 above it: the tables print them and build may publish', () => {
    expect(['21106', '2110602'].filter((code) => shipped.has(code))).toEqual([]);
    const { budget, classification } = readBudgetFolder(withName('2110602', '退耕还林还草/退耕现金'));
    expect(classification.function.get('21106')).toMatchObject({ name: '退耕还林还草', confidence: 'input', sources: '名称取自 line-items.csv 第 2 行' });
    expect(classification.function.nameOf('2110602')).toBe('退耕现金');
    expect(unnamedCodes(budget, classification)).toEqual([]);
  });

  it('a 项 named without its unlisted 款 is still refused, naming the 款 (R1-code-name)', () => {
    const { budget, classification } = readBudgetFolder(withName('2110602', '退耕现金'));
    const findings = unnamedCodes(budget, classification);
    expect(findings.map((f) => f.rule)).toEqual(['R1-code-name']);
    expect(findings[0].message).toMatch(/^line-items\.csv 第 2 行：科目 21106 没有名称/);
  });

  it('a name that contradicts a verified row of the list is an input error at its cell', () => {
    const e = (() => {
      try {
        readBudgetFolder(withName('2080505', '别的事务'));
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems).toEqual([{ file: 'line-items.csv', row: 2, column: 'function_name', message: '编码 2080505 是“机关事业单位基本养老保险缴费支出”，与所填名称“别的事务”不符' }]);
  });
});
