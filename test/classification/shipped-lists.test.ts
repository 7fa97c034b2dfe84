/**
 * The shipped code lists are well-formed, read straight from their CSV files: every row's level
 * matches its code's length, every 款/项 hangs under an existing parent of the level above, no code
 * appears twice, and rows that rest only on recall (sources K, K2) never claim more than they can.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCES, isVerified } from '../../src/classification/codes.ts';
import { loadClassification, SHIPPED_LISTS, shippedYears } from '../../src/classification/load.ts';
import { parseCsvObjects } from '../../src/csv/parse.ts';

const LEVEL_BY_LENGTH: Record<number, string> = { 3: '类', 5: '款', 7: '项' };
const RECALL = new Set(['K', 'K2']);
const CODE_LISTS = ['function.csv', 'econ-dept.csv', 'econ-gov.csv'];

/** Everything wrong with one list file, as readable lines (empty when well-formed). */
function problems(rows: Record<string, string>[]): string[] {
  const out: string[] = [];
  const byCode = new Map<string, Record<string, string>>();
  for (const r of rows) {
    if (byCode.has(r.code)) out.push(`${r.code}: listed twice`);
    byCode.set(r.code, r);
  }
  for (const r of rows) {
    const level = LEVEL_BY_LENGTH[r.code.length];
    if (!/^\d+$/.test(r.code) || !level) out.push(`${r.code}: not 3, 5 or 7 digits`);
    else if (r.level !== level) out.push(`${r.code}: level ${r.level}, its length says ${level}`);
    if (!r.name) out.push(`${r.code}: no name`);
    if (!CONFIDENCES.includes(r.confidence as never)) out.push(`${r.code}: confidence "${r.confidence}"`);
    if (r.code.length === 3) {
      if (r.parent) out.push(`${r.code}: a 类 with parent ${r.parent}`);
      continue;
    }
    const want = r.code.slice(0, r.code.length - 2);
    const parent = byCode.get(r.parent);
    if (r.parent !== want) out.push(`${r.code}: parent "${r.parent}", its code says ${want}`);
    else if (!parent) out.push(`${r.code}: parent ${want} is not in the list`);
    else if (parent.level !== LEVEL_BY_LENGTH[want.length]) out.push(`${r.code}: parent ${want} is a ${parent.level}`);
  }
  for (const r of rows) {
    const sources = (r.sources ?? '').split(';').filter(Boolean);
    if (r.confidence === 'imported') out.push(`${r.code}: a shipped row marked imported`);
    if (sources.length && sources.every((s) => RECALL.has(s)) && isVerified(r.confidence as never)) out.push(`${r.code}: only recalled (${r.sources}) but ${r.confidence}`);
    if (sources.includes('K2') && (r.confidence !== 'low' || !/unverified/.test(r.note))) out.push(`${r.code}: a K2 row must be low and say it is unverified`);
  }
  return out;
}

const read = (year: number, file: string) => parseCsvObjects(readFileSync(join(SHIPPED_LISTS, String(year), file), 'utf8'));

describe('shipped code lists', () => {
  const years = shippedYears();

  it('ship for 2024, 2025 and 2026', () => {
    expect(years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });

  for (const year of years) {
    for (const file of CODE_LISTS) {
      it(`${year}/${file} is well-formed`, () => {
        expect(problems(read(year, file))).toEqual([]);
      });
    }

    it(`${year}: the loader reads every function row, and each 项 has a 类 › 款 › 项 lineage`, () => {
      const rows = read(year, 'function.csv');
      const c = loadClassification(year, undefined, null);
      expect(c.function.list().length).toBe(rows.length);
      for (const s of c.function.list('项')) expect(c.function.lineage(s.code).map((x) => x.level), s.code).toEqual(['类', '款', '项']);
    });
  }

  it('the checker finds what it is meant to find', () => {
    const row = (code: string, level: string, parent: string, extra: Partial<Record<string, string>> = {}) => ({ code, level, parent, name: 'x', confidence: 'low', sources: '', note: '', ...extra });
    expect(
      problems([
        row('213', '类', ''),
        row('21301', '款', '213'),
        row('2130101', '项', '21301'),
        row('2130101', '项', '21301'),
        row('2130202', '项', '21302'),
        row('2130301', '款', '21303'),
        row('21304', '款', '213', { confidence: 'high', sources: 'K' }),
        row('21305', '款', '213', { sources: 'K2' }),
      ]),
    ).toEqual([
      '2130101: listed twice',
      '2130202: parent 21302 is not in the list',
      '2130301: level 款, its length says 项',
      '2130301: parent 21303 is not in the list',
      '21304: only recalled (K) but high',
      '21305: a K2 row must be low and say it is unverified',
    ]);
  });

  it('2025 and 2026 carry every function code of 2024 (their changes are unknown)', () => {
    const codes = (y: number) => read(y, 'function.csv').map((r) => r.code);
    for (const y of years.filter((y) => y > 2024)) expect(codes(y)).toEqual(expect.arrayContaining(codes(2024)));
  });
});
