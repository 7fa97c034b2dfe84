/** The CLI as a user runs it: exit codes, outputs, and located errors for bad input. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MULTI_DIR, SEED_DIR } from '../helpers.ts';

const run = (...args: string[]) => spawnSync(process.execPath, ['bin/yusuan.mjs', ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'yusuan-cli-'));

describe('yusuan CLI', () => {
  it('build --format json writes tables.json with the 23 tables in the stable shape', () => {
    const out = tmp();
    const r = run('build', SEED_DIR, '--format', 'json', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const tables = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8'));
    expect(tables.map((t: { id: string }) => t.id)).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1).padStart(2, '0')));
    const t03 = tables[2];
    expect(t03.columns[2].path).toEqual(['合计']);
    expect(t03.rows[0].cells.slice(0, 5)).toEqual(['合计', null, 303.74, 189.8, 113.94]);
  });

  it('build --per-unit writes the department package and one per unit, with a progress line each', () => {
    const out = tmp();
    const r = run('build', MULTI_DIR, '--per-unit', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.match(/^\[\d\/4\]/gm)).toHaveLength(4);
    const unit = JSON.parse(readFileSync(join(out, '186002', 'tables.json'), 'utf8'));
    const dept = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8'));
    // the unit's own 合计 equals its row in the department's 预算03表
    const unitRow = dept[2].rows.find((row: { code?: string }) => row.code === '186002');
    expect(unit[2].rows[0].cells[2]).toBe(unitRow.cells[2]);
    expect(unit[2].rows.filter((row: { kind: string }) => row.kind === 'unit')).toHaveLength(1);
  });

  it('check exits 0 on both examples', () => {
    for (const dir of [SEED_DIR, MULTI_DIR]) expect(run('check', dir).status).toBe(0);
  }, 180_000); // two CLI processes, each loading the code lists: slow on a loaded machine

  it('check exits 1 with the finding on a broken copy, and --format json gives structured findings', () => {
    const dir = tmp();
    cpSync(SEED_DIR, dir, { recursive: true });
    const csv = join(dir, 'line-items.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('104012,2060301,30101,50501,基本支出-人员经费', '104012,2060301,30101,50101,基本支出-人员经费'));
    const r = run('check', dir, '--format', 'json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'R5-econ-mapping', severity: 'error', source: { file: 'line-items.csv', row: 2 } }));
  });

  it('unreadable input exits 2 with every problem located, and build writes nothing', () => {
    const dir = tmp();
    cpSync(SEED_DIR, dir, { recursive: true });
    const csv = join(dir, 'line-items.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[2] = lines[2].replace(/,2\.88$/, ',2.88万');
    lines[5] = lines[5].replace('基本支出-人员经费', '人员');
    writeFileSync(csv, lines.join('\n'));
    const out = join(tmp(), 'out');
    const r = run('build', dir, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line-items.csv，第 3 行，列 amount_wan');
    expect(r.stderr).toContain('line-items.csv，第 6 行，列 kind');
    expect(existsSync(out)).toBe(false);
  });

  it('a budget.json with a wrong field names its path', () => {
    const dir = tmp();
    cpSync(SEED_DIR, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
    json.units[0].type = '机关';
    writeFileSync(join(dir, 'budget.json'), JSON.stringify(json));
    const r = run('check', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/budget\.json，字段 units\.0\.type/);
  });

  it('unknown commands and formats exit 2', () => {
    expect(run('frobnicate').status).toBe(2);
    expect(run('build', SEED_DIR, '--out', tmp(), '--format', 'odt').status).toBe(2);
  });
});
