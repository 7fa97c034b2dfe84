/**
 * A unit outside the seed's neighbourhood (examples/codes: 教育, 农林水, 交通运输, in 元). Its codes
 * ship only as recalled, unverified rows (confidence low, source K2): check reports each one and build
 * publishes them with their names; after `yusuan codes import` they are verified and no longer
 * reported. A code in no list stops build. Imports go to YUSUAN_DATA_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClassification } from '../../src/classification/load.ts';

const EXAMPLE = 'examples/codes';
const tmp = () => mkdtempSync(join(tmpdir(), 'yusuan-codes-'));
const shipped2025 = loadClassification(2025, undefined, null).function;
/** The example's codes beyond the seed's. */
const RECALLED = ['2050803 培训支出', '2130104 事业运行', '2130106 科技转化与推广服务', '2140106 公路养护'];
const confidenceNote = (codeAndName: string) => `[提示] C-code-confidence  支出功能分类科目 ${codeAndName} 在所附科目表中可信度为 low`;

/** A copy of the example whose line-items.csv is changed by `edit` (lines, header first). */
function variant(edit: (lines: string[]) => void): string {
  const dir = tmp();
  writeFileSync(join(dir, 'budget.json'), readFileSync(join(EXAMPLE, 'budget.json')));
  const csv = readFileSync(join(EXAMPLE, 'line-items.csv'), 'utf8').trimEnd().split('\n');
  edit(csv);
  writeFileSync(join(dir, 'line-items.csv'), csv.join('\n') + '\n');
  return dir;
}

describe('yusuan codes and build with codes the shipped list only recalls', () => {
  const data = tmp();
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/yusuan.mjs', ...args], { encoding: 'utf8', env: { ...process.env, YUSUAN_DATA_DIR: data } });

  it('without the official list: check reports each recalled code (info, not an error) and build prints its name', () => {
    for (const c of RECALLED) expect(shipped2025.get(c.split(' ')[0])).toMatchObject({ name: c.split(' ')[1], confidence: 'low', sources: 'K2' });
    const check = run('check', EXAMPLE);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/错误 0，/);
    for (const c of RECALLED) expect(check.stdout).toContain(confidenceNote(c));
    const out = tmp();
    const build = run('build', EXAMPLE, '--format', 'json', '--out', out);
    expect(build.status, build.stderr).toBe(0);
    const t07 = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8')).find((t: { id: string }) => t.id === '07');
    const labels = t07.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 2).join(' '));
    expect(labels).toEqual(expect.arrayContaining(['205 教育支出', '08 进修及培训', ...RECALLED, '214 交通运输支出', '01 公路水路运输']));
  }, 180_000);

  it('a code in no list: build refuses with the check’s located errors naming it, and writes nothing', () => {
    expect(shipped2025.has('2130188')).toBe(false);
    const dir = variant((csv) => (csv[13] = csv[13].replace(/^(\d+),\d{7},/, '$1,2130188,')));
    const out = join(tmp(), 'out');
    const build = run('build', dir, '--format', 'all', '--out', out);
    expect(build.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    const check = run('check', dir);
    expect(check.status).toBe(1);
    const errors = (text: string) => text.split('\n').filter((l) => l.startsWith('[错误] R1-function-code'));
    // the same findings, line for line
    expect(errors(build.stderr)).toEqual(errors(check.stdout));
    expect(errors(build.stderr)).toHaveLength(1);
    expect(build.stderr).toContain('line-items.csv 第 14 行：支出功能分类科目 2130188 不在 2025 年科目表中');
  }, 180_000);

  it('codes import stores the list with its provenance; then check has 0 errors and build writes the package', () => {
    const imported = run('codes', 'import', join(EXAMPLE, 'function-list-2025.csv'), '--year', '2025');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('类 6、款 6、项 26');
    const provenance = JSON.parse(readFileSync(join(data, 'lists', '2025', 'provenance.json'), 'utf8'));
    expect(provenance['function.csv']).toMatchObject({ levels: { 类: 6, 款: 6, 项: 26 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const check = run('check', EXAMPLE);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/错误 0，/);
    for (const c of RECALLED) expect(check.stdout).not.toContain(` ${c} 在所附科目表中`);
    const out = tmp();
    const build = run('build', EXAMPLE, '--format', 'json', '--out', out);
    expect(build.status, build.stderr).toBe(0);
    const t07 = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8')).find((t: { id: string }) => t.id === '07');
    const labels = t07.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 2).join(' '));
    expect(labels).toEqual(expect.arrayContaining(['205 教育支出', '213 农林水支出', '01 农业农村', '2130104 事业运行', '214 交通运输支出', '2140106 公路养护']));
    expect(t07.rows.every((r: { cells: unknown[] }) => r.cells[1] !== '')).toBe(true);

    const list = run('codes', 'list', '--year', '2025');
    expect(list.stdout).toContain('[用户导入]');
    expect(list.stdout).toContain(provenance['function.csv'].sha256);
    expect(list.stdout).toContain('2025 年的变化未知');
    const show = run('codes', 'show', '2140106', '--year', '2025');
    expect(show.stdout).toContain('类 214 交通运输支出 › 款 21401 公路水路运输 › 项 2140106 公路养护');
    expect(show.stdout).toContain('可信度 imported');
  }, 180_000);

  it('a list file with problems is refused whole, located, and nothing is stored', () => {
    const bad = join(tmp(), 'bad.csv');
    writeFileSync(bad, '科目编码,科目名称\n205,教育支出\n2050803,培训支出\n');
    const r = run('codes', 'import', bad, '--year', '2031');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.csv，第 3 行，列 科目编码：编码 2050803 的上级 20508 不在表中');
    expect(existsSync(join(data, 'lists', '2031'))).toBe(false);
  }, 180_000);

  it('a name in the input stands in for the list: build publishes it, check tells where it came from', () => {
    // 2140123 is in no list here: its name comes with it; 2150105 has neither name nor list
    for (const code of ['2140123', '2150105']) expect(shipped2025.has(code)).toBe(false);
    const dir = variant((csv) => {
      csv[0] += ',function_name';
      csv[17] = csv[17].replace('2140106', '2140123') + ',船舶检验';
    });
    const check = run('check', dir);
    expect(check.stdout).toContain('2140123 船舶检验 不在科目表中，名称由输入提供（名称取自 line-items.csv 第 18 行）');
    expect(check.status, check.stdout).toBe(0);
    const csv = readFileSync(join(dir, 'line-items.csv'), 'utf8').trimEnd().split('\n');
    csv[2] = csv[2].replace('2130104', '2150105');
    writeFileSync(join(dir, 'line-items.csv'), csv.join('\n') + '\n');
    const out = join(tmp(), 'out');
    const build = run('build', dir, '--out', out);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('line-items.csv 第 3 行：支出功能分类科目 2150105 不在 2025 年科目表中');
    expect(existsSync(out)).toBe(false);
  }, 180_000);
});
