/**
 * Broken copies of the examples: each defect is reported by the rule that owns it, at the input
 * row that holds it, and by nothing else that the defect does not explain.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget } from '../../src/checks/index.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { MULTI_DIR } from '../helpers.ts';

type Row = Record<string, string>;

/** A copy of the multi-unit example with one line-item row changed; returns the folder and the row's CSV line number. */
function breakRow(pick: (r: Row) => boolean, change: (r: Row) => void): { dir: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-broken-'));
  cpSync(MULTI_DIR, dir, { recursive: true });
  const path = join(dir, 'line-items.csv');
  const [head, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  const i = rows.findIndex((l) => pick(Object.fromEntries(l.split(',').map((v, k) => [cols[k], v]))));
  expect(i, 'no row to break').toBeGreaterThanOrEqual(0);
  const row = Object.fromEntries(rows[i].split(',').map((v, k) => [cols[k], v]));
  change(row);
  rows[i] = cols.map((c) => row[c]).join(',');
  writeFileSync(path, [head, ...rows].join('\n') + '\n');
  return { dir, line: i + 2 };
}

function findingsOf(dir: string) {
  const { budget, classification } = readBudgetFolder(dir);
  return checkBudget(budget, classification).findings.filter((f) => f.severity !== 'info');
}

describe('broken inputs are reported by the rule that owns the defect', () => {
  it('the example itself has no errors or warnings', () => {
    expect(findingsOf(MULTI_DIR)).toEqual([]);
  });

  /** rule that owns the defect, the row to break, the change, and the table identities the defect also breaks */
  const cases: [string, (r: Row) => boolean, (r: Row) => void, string[]][] = [
    ['R1-function-code', (r) => r.kind === '基本支出-公用经费', (r) => (r.function_code = r.function_code.slice(0, 5) + '98'), ['C-function-code']],
    ['R1-amount', (r) => r.kind === '项目支出', (r) => (r.amount_wan = '0.00'), []],
    ['R2-basic-econ', (r) => r.kind === '基本支出-人员经费' && r.dept_econ_code.startsWith('301'), (r) => (r.kind = '基本支出-公用经费'), []],
    // project money on 301 has no column in 预算05表 nor a line in 预算01表's project list
    ['R3-project-econ', (r) => r.kind === '项目支出' && r.dept_econ_code.startsWith('302') && r.gov_econ_code === '50502', (r) => ((r.dept_econ_code = '30199'), (r.gov_econ_code = '50501')), ['I01-proj', 'X01-05-dept', 'X03-05-rows', 'X04-05-map']],
    // 30227 has no column in 预算13表, so its 总计 exceeds the sum of its columns
    ['R4-basic-302', (r) => r.kind === '基本支出-公用经费' && r.gov_econ_code === '50502', (r) => (r.dept_econ_code = '30227'), ['I13-row']],
    ['R5-econ-mapping', (r) => r.kind === '基本支出-人员经费' && r.gov_econ_code === '50501', (r) => (r.gov_econ_code = '50101'), []],
    ['R6-carry-over-basic', (r) => r.kind === '基本支出-公用经费', (r) => (r.fund_source = '上年结转结余/一般公共预算'), []],
  ];
  for (const [rule, pick, change, explained] of cases) {
    it(`${rule} points at the changed row, and nothing unexplained fires`, () => {
      const { dir, line } = breakRow(pick, change);
      const findings = findingsOf(dir);
      const own = findings.filter((f) => f.rule === rule);
      expect(own.length, JSON.stringify(findings.map((f) => f.rule))).toBeGreaterThan(0);
      expect(own[0].source).toEqual({ file: 'line-items.csv', row: line });
      expect(new Set(findings.map((f) => f.rule))).toEqual(new Set([rule, ...explained]));
    });
  }

  it('an unknown function code is a finding, not a crash, and the tables still build', () => {
    const { dir } = breakRow((r) => r.kind === '项目支出', (r) => (r.function_code = '2999999'));
    const { budget, classification } = readBudgetFolder(dir);
    const report = checkBudget(budget, classification);
    expect(report.tables).toHaveLength(23);
    expect(report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['R1-function-code', 'C-function-code']));
  });
});
