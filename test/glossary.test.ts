/** The glossary gives the English of every official label the 23 tables print. */
import { describe, expect, it } from 'vitest';
import { englishLabel, GLOSSARY } from '../src/glossary.ts';
import { leaves } from '../src/ir/table.ts';
import { FUND_SOURCES } from '../src/model/funds.ts';
import { KINDS } from '../src/model/budget.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from './helpers.ts';

const tables = [...loadExample(SEED_DIR).tables, ...loadExample(MULTI_DIR).tables];
const untranslated = (labels: Iterable<string>) => [...new Set(labels)].filter((l) => l.trim() && englishLabel(l) === l);

describe('glossary', () => {
  it('translates every title, header label and note', () => {
    expect(untranslated(tables.map((t) => t.title))).toEqual([]);
    expect(untranslated(tables.flatMap((t) => leaves(t.header).flatMap((c) => c.path)))).toEqual([]);
    expect(untranslated(tables.flatMap((t) => t.notes))).toEqual([]);
  });

  it('translates the fixed row labels (side-by-side lists, 合计) and the function classes and sections used', () => {
    const fixed = tables.flatMap((t) =>
      t.rows.filter((r) => r.kind === 'line' || r.kind === 'total' || r.kind === 'class' || r.kind === 'section').flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string' && !/^\d+$/.test(c))),
    );
    expect(fixed.length).toBeGreaterThan(100);
    expect(untranslated(fixed)).toEqual([]);
  });

  it('translates every spending kind and every part of every fund source', () => {
    expect(untranslated(KINDS)).toEqual([]);
    expect(untranslated(FUND_SOURCES.flatMap((f) => f.split('/')))).toEqual([]);
  });

  it('keeps the numbering of list lines and ignores letter-spacing', () => {
    expect(englishLabel('十二、资源勘探工业信息等支出')).toBe(`12. ${GLOSSARY['资源勘探工业信息等支出']}`);
    expect(englishLabel('（二十三）债务付息支出')).toBe(`(23) ${GLOSSARY['债务付息支出']}`);
    expect(englishLabel('收  入  总  计')).toBe(GLOSSARY['收入总计']);
    expect(englishLabel('机关资本性支出(一)')).toBe(GLOSSARY['机关资本性支出（一）']);
    expect(englishLabel('上年结转结余/单位资金')).toBe(`${GLOSSARY['上年结转结余']} / ${GLOSSARY['单位资金']}`);
  });

  it('leaves names it does not know (units, projects) as they are', () => {
    expect(englishLabel('湖南省对外科技交流中心')).toBe('湖南省对外科技交流中心');
  });
});
