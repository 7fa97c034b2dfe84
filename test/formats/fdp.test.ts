import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fdpDescriptor, lineItemsCsv, writeFdp } from '../../src/formats/fdp.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import type { Table } from '../../src/ir/table.ts';
import { parseMoney, type Money } from '../../src/money/money.ts';
import { buildTables } from '../../src/tables/index.ts';

const EXAMPLES = ['examples/hunan-104012', 'examples/multi-unit-department'].filter((d) => existsSync(join(d, 'budget.json')));

/** The amount beside a label of 预算01表's side-by-side lists (labels compared without spacing). */
function amountBeside(t01: Table, label: string): Money {
  for (const row of t01.rows) {
    const i = row.cells.findIndex((c) => typeof c === 'string' && c.replace(/[\s\u3000]/g, '') === label);
    if (i >= 0) return (row.cells[i + 1] as Money | null) ?? 0;
  }
  throw new Error(`预算01表 has no ${label}`);
}

describe.each(EXAMPLES)('Fiscal Data Package of %s', (dir) => {
  const { budget, classification } = readBudgetFolder(dir);
  const tables = buildTables(budget, classification);
  const t01 = tables.find((t) => t.id === '01')!;
  const records: Record<string, string>[] = parse(lineItemsCsv(budget, classification), { columns: true });
  const descriptor = fdpDescriptor(budget);
  const sum = (rows: Record<string, string>[]) => rows.reduce((s, r) => s + parseMoney(r.amount, '元'), 0);

  it('has one CSV row per line item', () => {
    expect(records).toHaveLength(budget.lineItems.length);
  });

  it('sums to the tables: Σ line items in 元 = 预算01表 收入总计 (less planned year-end balances)', () => {
    const balances = budget.yearEndBalances.reduce((s, b) => s + b.amount, 0);
    expect(sum(records) + balances).toBe(amountBeside(t01, '收入总计'));
    expect(sum(records)).toBe(amountBeside(t01, '本年支出合计'));
    expect(sum(records.filter((r) => r.fund_period === '上年结转结余'))).toBe(amountBeside(t01, '上年结转结余'));
    expect(sum(records.filter((r) => r.fund_period === '本年')) + balances).toBe(amountBeside(t01, '本年收入合计'));
  });

  it('sums per unit to 预算03表 unit rows', () => {
    const t03 = tables.find((t) => t.id === '03')!;
    for (const row of t03.rows.filter((r) => r.kind === 'unit')) {
      expect(sum(records.filter((r) => r.unit_code === row.code))).toBe(row.cells[2]);
    }
  });

  it('names every code and its 类/款 parents', () => {
    for (const r of records) {
      expect(r.function_class_code).toBe(r.function_code.slice(0, 3));
      expect(r.function_section_code).toBe(r.function_code.slice(0, 5));
      expect(r.dept_econ_class_code).toBe(r.dept_econ_code.slice(0, 3));
      expect(r.gov_econ_class_code).toBe(r.gov_econ_code.slice(0, 3));
      for (const k of ['function_class', 'function_section', 'function', 'dept_econ_class', 'dept_econ', 'gov_econ_class', 'gov_econ']) {
        expect(r[`${k}_name`], `${k} ${r[`${k}_code`]}`).not.toBe('');
      }
      expect(r.function_name).toBe(classification.function.nameOf(r.function_code));
      expect(r.fund_source.startsWith(r.fund_period + '/')).toBe(true);
      expect(r.amount).toMatch(/^\d+\.\d\d$/);
    }
  });

  it('describes the package as a fiscal data package', () => {
    expect(descriptor.profile).toBe('fiscal-data-package');
    expect(descriptor.name).toMatch(/^[-a-z0-9._/]+$/);
    expect(descriptor.fiscalPeriod).toEqual({ start: `${budget.year}-01-01`, end: `${budget.year}-12-31` });
    expect(descriptor.model.measures.amount).toEqual(
      expect.objectContaining({ source: 'amount', currency: 'CNY', factor: 1, direction: 'expenditure', phase: 'approved' }),
    );
    const dims = descriptor.model.dimensions as Record<string, { classificationType?: string; dimensionType: string }>;
    expect(dims.administrative.classificationType).toBe('administrative');
    expect(dims.functional.classificationType).toBe('functional');
    expect(dims['economic-department'].classificationType).toBe('economic');
    expect(dims['economic-government'].classificationType).toBe('economic');
    expect(dims.activity.dimensionType).toBe('activity');
  });

  it('maps only real columns, and its hierarchies point inside their dimension', () => {
    const [resource] = descriptor.resources;
    const fields = resource.schema.fields.map((f) => f.name);
    expect(Object.keys(records[0])).toEqual(fields);
    expect(resource.path).toBe('line-items.csv');
    const dims = descriptor.model.dimensions as Record<string, { attributes: Record<string, { source: string; parent?: string; labelfor?: string }>; primaryKey: string }>;
    for (const [name, dim] of Object.entries(dims)) {
      expect(dim.attributes[dim.primaryKey], name).toBeDefined();
      for (const a of Object.values(dim.attributes)) {
        expect(fields, name).toContain(a.source);
        for (const ref of [a.parent, a.labelfor]) if (ref) expect(dim.attributes[ref], `${name} → ${ref}`).toBeDefined();
      }
    }
    expect(dims.functional.attributes.code.parent).toBe('section_code');
    expect(dims.functional.attributes.section_code.parent).toBe('class_code');
  });
});

describe('writeFdp', () => {
  it('writes datapackage.json and line-items.csv, pinned by the golden files for the seed', async () => {
    const { budget, classification } = readBudgetFolder('examples/hunan-104012');
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-fdp-'));
    const golden = 'test/golden/hunan-104012/fdp';
    try {
      const paths = await writeFdp(buildTables(budget, classification), { dir, baseName: '104012-2024', budget, classification });
      expect(paths).toEqual([join(dir, 'datapackage.json'), join(dir, 'line-items.csv')]);
      if (process.env.UPDATE_GOLDEN) mkdirSync(golden, { recursive: true });
      for (const p of paths) {
        const file = join(golden, p.split('/').pop()!);
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, readFileSync(p));
        expect(readFileSync(p, 'utf8'), file).toBe(readFileSync(file, 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs the budget, not only the tables', async () => {
    await expect(writeFdp([], { dir: tmpdir(), baseName: 'x' })).rejects.toThrow(/budget/);
  });
});
