/** A “三公” item booked under another 款 is marked in the input and counted in 预算14表. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget } from '../../src/checks/index.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { budgetWorkbook } from '../../src/formats/input/workbook/write.ts';
import { readBudgetWorkbook } from '../../src/formats/input/workbook.ts';
import { leaves } from '../../src/ir/table.ts';
import { buildTables } from '../../src/tables/index.ts';
import { MULTI_DIR } from '../helpers.ts';

/** The multi-unit example with one project 30227 委托业务费 line marked as 公务接待费. */
function marked(): { dir: string; amount: number } {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-3p-'));
  cpSync(MULTI_DIR, dir, { recursive: true });
  const path = join(dir, 'line-items.csv');
  const [head, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const i = rows.findIndex((r) => r.includes(',30227,') && r.includes(',项目支出,') && r.includes('本年/一般公共预算拨款/经费拨款'));
  expect(i).toBeGreaterThanOrEqual(0);
  const amount = Math.round(Number(rows[i].split(',').at(-1)) * 100) * 10_000;
  writeFileSync(path, [`${head},three_public`, ...rows.map((r, k) => `${r},${k === i ? '公务接待费' : ''}`)].join('\n') + '\n');
  return { dir, amount };
}

const reception = (tables: ReturnType<typeof buildTables>) => {
  const t14 = tables.find((t) => t.id === '14')!;
  return t14.rows[0].cells[leaves(t14.header).findIndex((c) => c.key === 'reception')] as number;
};

describe('三公 items marked in the input', () => {
  it('count in 预算14表, and every rule still holds', () => {
    const plain = readBudgetFolder(MULTI_DIR);
    const { dir, amount } = marked();
    const { budget, classification } = readBudgetFolder(dir);
    const tables = buildTables(budget, classification);
    expect(reception(tables)).toBe(reception(buildTables(plain.budget, plain.classification)) + amount);
    expect(checkBudget(budget, classification).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('survive the input workbook round trip', async () => {
    const { dir } = marked();
    const { budget, classification } = readBudgetFolder(dir);
    const wb = await budgetWorkbook({ budget, amountUnit: '万元', classification });
    const back = await readBudgetWorkbook(wb, 'marked.xlsx');
    expect(back.budget.lineItems.filter((li) => li.threePublic)).toEqual([expect.objectContaining({ threePublic: '公务接待费' })]);
    expect(buildTables(back.budget, back.classification)).toEqual(buildTables(budget, classification));
  });

  it('a wrong mark is a located input error', () => {
    const { dir } = marked();
    const path = join(dir, 'line-items.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace(',公务接待费', ',招待费'));
    expect(() => readBudgetFolder(dir)).toThrow(/第 \d+ 行，列 three_public：“三公”经费类别应为/);
  });
});
