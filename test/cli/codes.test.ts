/**
 * A unit outside the seed's neighbourhood (examples/codes: 教育, 农林水, 交通运输, in 元): without
 * the year's official list it cannot be published — build names each code, exits 1 and writes
 * nothing; after `yusuan codes import` it builds with 0 errors. Imports go to YUSUAN_DATA_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXAMPLE = 'examples/codes';
const tmp = () => mkdtempSync(join(tmpdir(), 'yusuan-codes-'));

describe('yusuan codes and build with codes outside the shipped list', () => {
  const data = tmp();
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/yusuan.mjs', ...args], { encoding: 'utf8', env: { ...process.env, YUSUAN_DATA_DIR: data } });

  it('without the list: build refuses with the check’s located errors naming each code, and writes nothing', () => {
    const out = join(tmp(), 'out');
    const build = run('build', EXAMPLE, '--format', 'all', '--out', out);
    expect(build.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    const check = run('check', EXAMPLE);
    expect(check.status).toBe(1);
    const errors = (text: string) => text.split('\n').filter((l) => l.startsWith('[错误] R1-function-code'));
    // the same findings, line for line
    expect(errors(build.stderr)).toEqual(errors(check.stdout));
    for (const code of ['2050803', '2130104', '2130106', '2140106']) expect(build.stderr).toContain(`支出功能分类科目 ${code} 不在 2025 年科目表中`);
    expect(build.stderr).toContain('line-items.csv 第 14 行');
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
    const dir = tmp();
    writeFileSync(join(dir, 'budget.json'), readFileSync(join(EXAMPLE, 'budget.json')));
    const csv = readFileSync(join(EXAMPLE, 'line-items.csv'), 'utf8').trimEnd().split('\n');
    // 2140110 is in no list here: its name comes with it; 2150101 has neither name nor list
    csv[0] += ',function_name';
    csv[17] = csv[17].replace('2140106', '2140110') + ',公路和运输安全';
    writeFileSync(join(dir, 'line-items.csv'), csv.join('\n') + '\n');
    const check = run('check', dir);
    expect(check.stdout).toContain('2140110 公路和运输安全 不在科目表中，名称由输入提供（名称取自 line-items.csv 第 18 行）');
    expect(check.status, check.stdout).toBe(0);
    csv[2] = csv[2].replace('2130104', '2150101');
    writeFileSync(join(dir, 'line-items.csv'), csv.join('\n') + '\n');
    const out = join(tmp(), 'out');
    const build = run('build', dir, '--out', out);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('line-items.csv 第 3 行：支出功能分类科目 2150101 不在 2025 年科目表中');
    expect(existsSync(out)).toBe(false);
  }, 180_000);
});
