/**
 * 第一部分 is written from statements whose figures come from the tables: every figure printed is a
 * slot, every table slot equals the cells it names (summed here with a resolver of our own), the key
 * figures agree with the line items, a changed line item changes the text, and an empty source reads
 * as Hunan documents word it.
 */
import { describe, expect, it } from 'vitest';
import type { Ref } from '../../src/checks/rule.ts';
import { leaves, normLabel, type Table } from '../../src/ir/table.ts';
import type { Budget } from '../../src/model/budget.ts';
import { POOLS } from '../../src/model/funds.ts';
import type { Publication } from '../../src/publication/document.ts';
import { buildPublication } from '../../src/publication/publication.ts';
import { renderParagraph, renderSlot, slotsOf, type Statement } from '../../src/publication/statement.ts';
import { PART_ONE_SECTIONS, OTHER_MATTERS, textAmount } from '../../src/publication/vocabulary.ts';
import { buildTables } from '../../src/tables/index.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const statementsOf = (p: Publication): Statement[] => p.blocks.flatMap((b) => (b.type === 'paragraph' ? b.statements : []));
const textOf = (p: Publication) => p.blocks.map((b) => (b.type === 'paragraph' ? renderParagraph(b.statements) : b.type === 'heading' ? b.text : '')).join('\n');
const partOne = (p: Publication) => textOf({ ...p, blocks: p.blocks.slice(0, p.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('第二部分'))) });
const sum = (b: Budget, p: (li: Budget['lineItems'][number]) => boolean) => b.lineItems.filter(p).reduce((s, li) => s + li.amount, 0);

/** The cells a reference names, found by walking the table (not through the rule engine's index). */
function cellsOf(tables: Table[], ref: Ref): number {
  const t = tables.find((x) => x.id === ref.table)!;
  const cols = leaves(t.header).map((c) => c.key);
  const col = cols.indexOf(ref.col);
  expect(col, `${ref.table} ${ref.col}`).toBeGreaterThanOrEqual(0);
  const sel = ref.row;
  const rows =
    'total' in sel
      ? t.rows.filter((r) => r.kind === 'total').slice(0, 1)
      : 'label' in sel
        ? t.rows.filter((r) => normLabel(String(r.cells[cols.indexOf(sel.in)] ?? '')) === normLabel(sel.label)).slice(0, 1)
        : t.rows.filter((r) => r.kind === sel.kind && (sel.code === undefined || r.code === sel.code));
  return rows.reduce((s, r) => s + (typeof r.cells[col] === 'number' ? (r.cells[col] as number) : 0), 0);
}

describe.each([SEED_DIR, MULTI_DIR])('part one of %s', (dir) => {
  const { budget, classification, tables } = loadExample(dir);
  const pub = buildPublication(budget, classification, tables);
  const slots = slotsOf(statementsOf(pub));
  const text = partOne(pub);

  it('has the seven sections and the six other matters, each with content', () => {
    const headings = pub.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    const w = pub.word;
    for (const s of PART_ONE_SECTIONS) expect(headings.some((h) => h.endsWith(s.replace('部门', w)))).toBe(true);
    for (const m of OTHER_MATTERS) expect(headings.some((h) => h.endsWith(m))).toBe(true);
    // every heading is followed by a paragraph or a sub-heading, never by the next section directly
    pub.blocks.forEach((b, i) => {
      if (b.type === 'heading' && b.level === 3) expect(pub.blocks[i + 1]?.type).toBe('paragraph');
    });
  });

  it('prints every figure from a slot, and every table slot equals the cells it names', () => {
    const tableSlots = slots.filter(({ slot }) => slot.type === 'amount' && slot.source.from === 'tables');
    expect(tableSlots.length).toBeGreaterThan(15);
    for (const { slot } of tableSlots) {
      if (slot.type !== 'amount' || slot.source.from !== 'tables') continue;
      expect(slot.value).toBe(slot.source.refs.reduce((s, r) => s + cellsOf(tables, r), 0));
    }
    // each printed amount (digits with two decimals before 万元) is the rendering of a slot
    const printed = [...text.matchAll(/(\d+\.\d{2})万元/g)].map((m) => m[1]);
    const rendered = new Set(slots.filter(({ slot }) => slot.type === 'amount').map(({ slot }) => renderSlot(slot)));
    const changes = slots.filter(({ slot }) => slot.type === 'change').map(({ slot }) => renderSlot(slot)).join();
    for (const a of printed) expect(rendered.has(a) || changes.includes(`${a}万元`), a).toBe(true);
  });

  it('states the key figures the line items add up to', () => {
    const has = (s: string) => expect(text).toContain(s);
    const all = sum(budget, () => true) + budget.yearEndBalances.reduce((s, b) => s + b.amount, 0);
    has(`收入预算总计${textAmount(all)}万元`);
    has(`一般公共预算拨款支出${textAmount(sum(budget, (li) => POOLS.gpb(li.fund)))}万元`);
    const threePublic = tables.find((t) => t.id === '14')!.rows[0].cells[2] as number | null;
    if (threePublic) has(`“三公”经费预算${textAmount(threePublic)}万元`);
    const admin = new Set(budget.units.filter((u) => u.type === '行政单位' || u.type === '参公事业单位').map((u) => u.code));
    if (admin.size) has(`机关运行经费${textAmount(sum(budget, (li) => admin.has(li.unit) && li.kind === '基本支出-公用经费' && POOLS.gpb(li.fund)))}万元`);
    const meetings = sum(budget, (li) => li.deptEconCode === '30215' && POOLS.gpb(li.fund));
    if (meetings) has(`会议费${textAmount(meetings)}万元`);
  });
});

describe('statements follow the data', () => {
  const { budget, classification } = loadExample(MULTI_DIR);
  const render = (b: Budget) => partOne(buildPublication(b, classification, buildTables(b, classification)));

  it('a changed line item changes the text', () => {
    const before = render(budget);
    const i = budget.lineItems.findIndex((li) => li.deptEconCode === '30215' && POOLS.gpb(li.fund));
    const changed: Budget = { ...budget, lineItems: budget.lineItems.map((li, j) => (j === i ? { ...li, amount: li.amount + 10_000_000 } : li)) };
    const after = render(changed);
    const gpb = sum(budget, (li) => POOLS.gpb(li.fund));
    expect(before).toContain(`一般公共预算拨款支出${textAmount(gpb)}万元`);
    expect(after).toContain(`一般公共预算拨款支出${textAmount(gpb + 10_000_000)}万元`);
    expect(after).toContain('会议费113.00万元');
    expect(after).toContain('比上年增加18.00万元');
  });

  it('an empty source reads as the documents say it', () => {
    const seed = loadExample(SEED_DIR);
    const seedText = partOne(buildPublication(seed.budget, seed.classification, seed.tables));
    expect(seedText).toContain('本单位无政府性基金预算支出。');
    expect(seedText).toContain('本单位为事业单位，无机关运行经费。');
    expect(seedText).toContain('无会议费、培训费预算');
    const bare: Budget = { ...budget, publication: undefined, lineItems: budget.lineItems.filter((li) => !li.fund.includes('政府性基金')) };
    const t = render(bare);
    expect(t).toContain('本部门无政府性基金预算支出。');
    expect(t).toContain('本部门无政府采购预算');
    expect(t).not.toMatch(/比上年|与上年/); // nothing to compare with
  });

  it('says 持平 for an unchanged figure and leaves the rate out when last year was zero', () => {
    const t = render({ ...budget, publication: { ...budget.publication!, previousYear: { threePublic: 1_410_000_00, meetings: 0 } } });
    expect(t).toContain('“三公”经费预算与上年持平');
    expect(t).toMatch(/会议费103\.00万元[^；]*比上年增加103\.00万元[，；]/);
    expect(t).not.toMatch(/增加103\.00万元，增长/);
  });
});
