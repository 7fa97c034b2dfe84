/** `yusuan audit`: reading a published disclosure, checking it, and reporting as text, JSON or HTML. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.ts';
import { SEED_TEXT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-audit-'));
const seedText = readFileSync(SEED_TEXT, 'utf8');

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(path: string, format: string, extra: Record<string, string> = {}) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const code = await runAudit([path], { format, out, ...extra });
  let output = '';
  try {
    output = readFileSync(out, 'utf8');
  } catch {
    // nothing written: the file could not be read
  }
  return { code, output };
}

describe('yusuan audit', () => {
  const seed = file('seed.txt', seedText);
  // The seed with one figure changed: 206 科学技术支出 no longer equals the sum of its 款.
  const broken = file('broken.txt', seedText.replace('    206     科学技术支出 256.35 142.41 113.94', '    206     科学技术支出 256.35 142.41 113.95'));

  it('passes the seed (no error; the empty tables lack their note) and prints the agreed JSON', async () => {
    const { code, output } = await run(seed, 'json');
    expect(code).toBe(0);
    const json = JSON.parse(output);
    expect(Object.keys(json)).toEqual(['layout', 'tables', 'findings', 'coverage', 'ambiguities', 'warnings']);
    expect(json.layout).toBe('hunan-23');
    expect(json.tables).toHaveLength(23);
    expect(json.tables[0].rows[0].cells).toEqual(['一、一般公共预算拨款收入', 216.3, '一、一般公共服务支出', null, '一、基本支出', 189.8, '一、机关工资福利支出', null]);
    expect(json.coverage).toMatchObject({ tablesExpected: 23, tablesFound: 23, tablesMissing: [], rulesNotRun: [] });
    expect(json.coverage.rulesRun.length).toBeGreaterThan(100);
    expect(json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(json.findings.map((f: { table: string; rule: string }) => `${f.rule} ${f.table}`)).toEqual(
      ['15', '16', '17', '18', '19', '20', '21'].map((t) => `C-empty-note ${t}`),
    );
    expect(new Set(json.ambiguities.map((a: { table: string }) => a.table))).toEqual(new Set(['09', '10', '11', '13', '22']));
  });

  it('finds the changed figure, at its cell, and exits 1', async () => {
    const { code, output } = await run(broken, 'json');
    expect(code).toBe(1);
    const errors = JSON.parse(output).findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'I03-tree', table: '03', row: 3, column: 'project', found: 113_950_000, expected: 113_940_000 });
  });

  it('reports as text, grouped by table', async () => {
    const { output } = await run(broken, 'text');
    const lines = output.split('\n');
    expect(lines[0]).toBe('版式 hunan-23：找到 23/23 张表。');
    const at = lines.indexOf('预算03表 支 出 总 表');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {2}\[错误\] I03-tree .*「206 科学技术支出」行「项目支出」列应为 113.94，实为 113.95/);
  });

  it('reports as a self-contained HTML page with the offending cell highlighted', async () => {
    const { output } = await run(broken, 'html');
    expect(output).toMatch(/^<!DOCTYPE html>/);
    expect(output).not.toMatch(/<script|<link|https?:/);
    const section = output.slice(output.indexOf('<section class="audit" id="t03">'), output.indexOf('<section class="audit" id="t04">'));
    const errorCells = [...section.matchAll(/<td[^>]*class="amount error"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(errorCells).toEqual(['113.95']);
    expect(output).toContain('class="amount ambiguous"');
  });

  it('reports a missing table as an error and counts it in the coverage', async () => {
    const lines = seedText.split('\n');
    const at = lines.indexOf('预算16表');
    const next = lines.indexOf('预算17表');
    const { code, output } = await run(file('no16.txt', [...lines.slice(0, at), ...lines.slice(next)].join('\n')), 'json');
    expect(code).toBe(1);
    const json = JSON.parse(output);
    expect(json.coverage).toMatchObject({ tablesFound: 22, tablesMissing: ['16'] });
    expect(json.findings).toContainEqual(expect.objectContaining({ rule: 'C-tables', table: '16', severity: 'error' }));
  });

  it('exits 2 when the file cannot be read, is of an unknown type, or holds no tables', async () => {
    expect((await run(join(dir, 'absent.txt'), 'json')).code).toBe(2);
    expect((await run(file('budget.json', '{}'), 'json')).code).toBe(2);
    expect((await run(file('empty.txt', '这不是预算公开表。\n'), 'json')).code).toBe(2);
    expect((await run(seed, 'json', { layout: 'nine' })).code).toBe(2);
  });
});
