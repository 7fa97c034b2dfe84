/** Harvesting 类/款/项 codes with their names from disclosure texts (excerpts of real documents in fixtures/). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/classification/codes.ts';
import { harvestText, mergeIntoList, mergeSightings } from '../../src/classification/harvest.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.excerpt.txt`, import.meta.url), 'utf8');
const harvest = (name: string) => harvestText(fixture(name), name);
const byCode = (xs: { code: string; name: string }[]) => Object.fromEntries(xs.map((x) => [x.code, x.name]));

describe('harvestText', () => {
  it('reads codes printed in columns (类 款 项), with the line they are on', () => {
    const s = harvest('sh-putuo-2026-sifaju-unit-budget');
    expect(byCode(s)).toMatchObject({ '20406': '司法', '2040601': '行政运行', '2040604': '基层司法业务' });
    expect(s.find((x) => x.code === '2040601')!.line).toBe(6 + 158 - 155);
  });

  it('reads joined codes, codes alone on a line with the name below, joins a wrapped name, and skips department codes', () => {
    const codes = byCode(harvest('seed-104012'));
    expect(codes).toMatchObject({
      '206': '科学技术支出',
      '20603': '应用研究',
      '2060301': '机构运行',
      '2080505': '机关事业单位基本养老保险缴费支出',
      '2101102': '事业单位医疗',
    });
    expect(codes['104']).toBeUndefined();
    expect(Object.keys(codes).every((c) => c.startsWith('2'))).toBe(true);
  });
});

describe('mergeSightings', () => {
  it('takes the full name where a column cut it off, and reports real disagreements instead of choosing', () => {
    const cut = harvest('sh-putuo-2023-wanli-dept-budget');
    expect(byCode(cut)['2080505']).toBe('机关事业单位基本养老保险缴费支');
    const { codes, conflicts } = mergeSightings([...cut, ...harvest('seed-104012'), { code: '2101102', name: '别的名称', document: 'x', line: 1 }]);
    expect(byCode(codes)['2080505']).toBe('机关事业单位基本养老保险缴费支出');
    expect(codes.find((c) => c.code === '2080505')!.documents).toEqual(['seed-104012', 'sh-putuo-2023-wanli-dept-budget']);
    expect(conflicts.map((c) => c.code)).toEqual(['2101102']);
    expect(codes.some((c) => c.code === '2101102')).toBe(false);
  });
});

describe('mergeIntoList', () => {
  const list = () =>
    new Map<string, Subject>([
      ['204', { code: '204', level: '类', name: '公共安全支出', confidence: 'medium', sources: 'SEED' }],
      ['20406', { code: '20406', level: '款', parent: '204', name: '法治建设', confidence: 'high' }],
    ]);
  const { codes } = mergeSightings(harvest('sh-putuo-2026-sifaju-unit-budget'));

  it('adds unseen codes as `seen` with their documents, keeps listed names, and reports names that differ', () => {
    const rows = list();
    const report = mergeIntoList(rows, codes);
    expect(rows.get('2040601')).toMatchObject({ level: '项', parent: '20406', name: '行政运行', confidence: 'seen', sources: 'seen in sh-putuo-2026-sifaju-unit-budget' });
    expect(rows.get('20406')!.name).toBe('法治建设');
    expect(report.disagreements).toEqual([{ code: '20406', listed: '法治建设', seen: '司法', documents: ['sh-putuo-2026-sifaju-unit-budget'] }]);
    expect(report.added.every((s) => s.confidence === 'seen')).toBe(true);
  });

  it('is idempotent: a second run adds nothing and changes no row', () => {
    const rows = list();
    mergeIntoList(rows, codes);
    const once = JSON.stringify([...rows]);
    expect(mergeIntoList(rows, codes).added).toEqual([]);
    expect(JSON.stringify([...rows])).toBe(once);
  });
});
