/**
 * Corrupted copies of the seed disclosure: one changed figure in each of the 23 tables, a deleted
 * table, a wrong code. Each is flagged by a rule that reads the table it was made in, and no error
 * is reported that the change does not explain.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/disclosure/audit/audit.ts';
import { hunanRules } from '../../../src/checks/index.ts';
import { loadClassification } from '../../../src/classification/load.ts';
import { HUNAN_23_HINTS } from '../../../src/disclosure/layouts/hunan-23-hints.ts';
import { SEED_TEXT } from '../../helpers.ts';

const classification = loadClassification(2024);
const seed = readFileSync(SEED_TEXT, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'yusuan-corrupt-'));
const tablesOf = new Map([...hunanRules(classification), ...HUNAN_23_HINTS].map((r) => [r.id, r.tables]));

/** Where each table's section starts in the seed text. */
const sections = [...seed.matchAll(/预算(\d\d)\s*\n?\s*表/g)].map((m) => ({ id: m[1], at: m.index! }));

async function errorsOf(text: string, name: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const { report } = await audit(path, 'hunan-23', classification);
  return report.findings.filter((f) => f.severity === 'error');
}

/** A rule explains a finding about table `id` when it reads that table. */
const involves = (id: string) => (f: { rule: string; table?: string }) => f.table === id || (tablesOf.get(f.rule) ?? []).includes(id);

describe('audit of corrupted copies of the seed', () => {
  it('the seed itself has no error', async () => {
    expect(await errorsOf(seed, 'seed.txt')).toEqual([]);
  });

  for (const [k, { id, at }] of sections.entries()) {
    it(`预算${id}表: its first figure raised by 1.00 is flagged there, and nothing unexplained`, async () => {
      const end = sections[k + 1]?.at ?? seed.length;
      const body = seed.slice(at, end);
      // the first figure after the 单位：万元 line
      const start = body.indexOf('万元');
      const m = /(?<![\d.])(\d+)\.(\d{2})(?!\d)/.exec(body.slice(start));
      expect(m, 'no figure in the table').not.toBeNull();
      const pos = at + start + m!.index;
      const raised = `${Number(m![1]) + 1}.${m![2]}`;
      const errors = await errorsOf(seed.slice(0, pos) + raised + seed.slice(pos + m![0].length), `t${id}.txt`);
      expect(errors.length, `预算${id}表: ${m![0]} → ${raised} not flagged`).toBeGreaterThan(0);
      expect(errors.filter((f) => !involves(id)(f)).map((f) => f.rule)).toEqual([]);
    });
  }

  it('a deleted table is reported missing, and only rules reading it are not run', async () => {
    const t14 = sections.find((s) => s.id === '14')!;
    const t15 = sections.find((s) => s.id === '15')!;
    const path = join(dir, 'no14.txt');
    writeFileSync(path, seed.slice(0, t14.at) + seed.slice(t15.at));
    const { read, report } = await audit(path, 'hunan-23', classification);
    expect(read.missing).toEqual(['14']);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.table])).toEqual([['C-tables', '14']]);
    for (const n of report.rulesNotRun) expect(tablesOf.get(n.rule) ?? []).toContain('14');
  });

  it('a function code that is not in the list is flagged at its table', async () => {
    const t03 = sections.find((s) => s.id === '03')!;
    const pos = seed.indexOf('2060301', t03.at);
    const errors = await errorsOf(seed.slice(0, pos) + '2060398' + seed.slice(pos + 7), 'code.txt');
    expect(errors.some((f) => f.rule === 'C-function-code' && f.table === '03')).toBe(true);
    expect(errors.filter((f) => !involves('03')(f)).map((f) => f.rule)).toEqual([]);
  });
});
