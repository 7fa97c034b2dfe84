/**
 * The item rules decide each code once and keep what they decided with the code list (and mapping) it
 * came from, across budgets: a budget checked against other lists must get their findings, not the
 * ones remembered from an earlier run.
 */
import { describe, expect, it } from 'vitest';
import { runModelRules } from '../../src/checks/model-rules.ts';
import { withSubjects } from '../../src/classification/classification.ts';
import { EconMapping } from '../../src/classification/mapping.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { MULTI_DIR } from '../helpers.ts';

const { budget, classification: c } = readBudgetFolder(MULTI_DIR);
const rulesOf = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))];
const errors = (b = budget, cl = c) => runModelRules(b, cl).findings.filter((f) => f.severity !== 'info');

describe('model rules across budgets and lists', () => {
  it('a mapping that wants other government codes gives R5 findings; the example’s own mapping again none', () => {
    expect(errors()).toEqual([]);
    const rows = c.deptEcon.list('款').flatMap((s) => (['机关', '事业'] as const).map((scope) => ({ dept: s.code, scope, gov: '50999', confidence: 'medium' as const })));
    const other = { ...c, mapping: new EconMapping(rows) };
    const r5 = errors(budget, other);
    expect(rulesOf(r5)).toEqual(['R5-econ-mapping']);
    expect(r5).toHaveLength(budget.lineItems.filter((li) => c.deptEcon.get(li.deptEconCode)?.level === '款' && li.govEconCode !== '50999').length);
    expect(r5[0].message).toMatch(/应对应政府经济分类 50999，实为 \d{5}（对照表此行可信度：medium）$/);
    expect(errors()).toEqual([]);
  });

  it('a function code outside one list and inside another is judged by the list in use', () => {
    const item = { ...budget.lineItems[0], functionCode: '2019998' };
    const b = { ...budget, lineItems: [item, ...budget.lineItems.slice(1)] };
    expect(rulesOf(errors(b))).toEqual(['R1-function-code']);
    const named = withSubjects(c, 'function', [{ code: '2019998', level: '项', parent: '20199', name: '测试科目', confidence: 'high' }]);
    expect(errors(b, named)).toEqual([]);
    expect(rulesOf(errors(b))).toEqual(['R1-function-code']);
  });

  it('a rule passed once for a code still fails an item whose kind, unit type or government code differ', () => {
    const basic = budget.lineItems.find((li) => li.deptEconCode === '30101' && li.kind === '基本支出-人员经费')!;
    // R3: the same 30101 passed under 人员经费 (earlier items, earlier runs) must fail under 项目支出.
    const project = { ...basic, kind: '项目支出' as const, project: '测试项目' };
    expect(errors({ ...budget, lineItems: [...budget.lineItems, project] }).map((f) => f.rule)).toContain('R3-project-econ');
    // R5: the same 30101 and unit type passed with 50101 must fail with another government code.
    const wrongGov = { ...basic, govEconCode: '50201' };
    const r5 = errors({ ...budget, lineItems: [basic, wrongGov, basic] }).filter((f) => f.rule === 'R5-econ-mapping');
    expect(r5).toHaveLength(1);
    expect(r5[0].message).toContain('实为 50201');
    expect(errors()).toEqual([]);
  });

  it('reports each doubtful code once per run, however many runs came before', () => {
    const first = runModelRules(budget, c).findings.filter((f) => f.rule === 'C-code-confidence');
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first.map((f) => f.message)).size).toBe(first.length);
    expect(runModelRules(budget, c).findings.filter((f) => f.rule === 'C-code-confidence')).toEqual(first);
  });
});
