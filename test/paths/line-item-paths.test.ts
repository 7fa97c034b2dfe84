/**
 * One input — examples/codes, in 元, with a “三公” item booked under 30299 and names supplied for
 * the codes the shipped list does not verify — driven through every path a line item takes: the
 * CLI build (tables.json and the FDP line-items.csv), the input workbook and back, the web import
 * through the server's API, and the rounding from 元. Each path must keep every field of the field table
 * and give the same 预算14表. A field added to the table that a path drops fails here.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVerified } from '../../src/classification/codes.ts';
import { parseOfficialList } from '../../src/classification/import.ts';
import { loadClassification } from '../../src/classification/load.ts';
import { runBuild } from '../../src/cli/build.ts';
import { readBudgetFolder } from '../../src/formats/input/budget-folder.ts';
import { budgetWorkbook, readBudgetWorkbook } from '../../src/formats/input/workbook.ts';
import type { LineItem } from '../../src/model/budget.ts';
import { fieldText, LINE_ITEM_FIELDS } from '../../src/model/line-item-fields.ts';
import { balanceToStep, WAN_CENTI } from '../../src/model/rounding.ts';
import { buildTables } from '../../src/tables/index.ts';
import { tableToJson } from '../../src/formats/json.ts';
import { startBareServer as startServer } from '../server/helpers.ts';

const EXAMPLE = 'examples/codes';

/** The example with the names of its codes the shipped 2025 list does not verify written into function_name. */
function namedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-paths-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  const listed = loadClassification(2025, undefined, null).function;
  const verified = (code: string) => isVerified(listed.get(code)?.confidence ?? 'input');
  const own = parseOfficialList(parse(readFileSync(join(EXAMPLE, 'function-list-2025.csv'), 'utf8'), { relax_column_count: true }), 'function', 'x');
  const nameOf = new Map(own.subjects.map((s) => [s.code, s.name]));
  const rows: string[][] = parse(readFileSync(join(dir, 'line-items.csv'), 'utf8'));
  const [header, ...data] = rows;
  const fc = header.indexOf('function_code');
  const out = [[...header, 'function_name'], ...data.map((r) => {
    const code = r[fc];
    const names = verified(code) ? [] : [...(verified(code.slice(0, 5)) ? [] : [nameOf.get(code.slice(0, 5))]), nameOf.get(code)];
    return [...r, names.join('/')];
  })];
  writeFileSync(join(dir, 'line-items.csv'), out.map((r) => r.join(',')).join('\n') + '\n');
  return dir;
}

/** Every field as text, and the amount: what a path must keep. */
const facts = (items: LineItem[]) => items.map((li) => [...LINE_ITEM_FIELDS.map((f) => `${f.column}=${fieldText(li, f)}`), `amount=${li.amount}`].join('|')).sort();
const table14 = (tables: { id: string; rows: { cells: unknown[] }[] }[]) => tables.find((t) => t.id === '14')!.rows.map((r) => r.cells);

let dir: string;
let input: ReturnType<typeof readBudgetFolder>;
let expected14: unknown[][];

beforeAll(() => {
  dir = namedCopy();
  input = readBudgetFolder(dir);
  expected14 = table14(buildTables(input.budget, input.classification).map(tableToJson));
});

describe('one input through every path keeps every line-item field and gives the same 预算14表', () => {
  it('the input exercises every field of the table (so a dropped field cannot go unnoticed)', () => {
    for (const f of LINE_ITEM_FIELDS) expect(input.budget.lineItems.some((li) => fieldText(li, f) !== ''), f.column).toBe(true);
    const marked = input.budget.lineItems.filter((li) => li.threePublic === '公务用车运行费');
    expect(marked).toHaveLength(1);
    // 公务用车运行费 = 30231 of the basic spending + the marked 30299 item, in 万元
    const row = expected14.at(-1)!;
    expect(row).toContain(Math.round((3_655_000 + marked[0].amount) / WAN_CENTI) / 100);
  });

  it('CLI build: tables.json and the FDP line items', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-paths-out-'));
    expect(await runBuild([dir], { out, format: 'json,fdp' })).toBe(0);
    expect(table14(JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8')))).toEqual(expected14);
    const fdp: Record<string, string>[] = parse(readFileSync(join(out, 'line-items.csv'), 'utf8'), { columns: true });
    expect(fdp).toHaveLength(input.budget.lineItems.length);
    input.budget.lineItems.forEach((li, i) => {
      for (const f of LINE_ITEM_FIELDS) {
        expect(Object.keys(fdp[i]), `FDP has no column ${f.column}`).toContain(f.column);
        // the FDP names the 项 as the list (with the input's names) has it
        const want = f.column === 'function_name' ? input.classification.function.nameOf(li.functionCode) : fieldText(li, f);
        expect(fdp[i][f.column], `${f.column} of item ${i + 1}`).toBe(want);
      }
    });
  });

  it('workbook round trip', async () => {
    const bytes = await budgetWorkbook({ budget: input.budget, amountUnit: '元', classification: input.classification });
    const back = await readBudgetWorkbook(bytes, 'paths.xlsx');
    expect(facts(back.budget.lineItems)).toEqual(facts(input.budget.lineItems));
    expect(table14(buildTables(back.budget, back.classification).map(tableToJson))).toEqual(expected14);
  });

  it('rounding from 元 keeps every field of every fact', () => {
    expect(input.budget.lineItems.some((li) => li.amount % WAN_CENTI !== 0)).toBe(true);
    const rounded = balanceToStep(input.budget);
    const strip = (f: string) => f.replace(/\|amount=\d+$/, '');
    expect(new Set(facts(rounded.lineItems).map(strip))).toEqual(new Set(facts(input.budget.lineItems).map(strip)));
    expect(rounded.lineItems.every((li) => li.amount % WAN_CENTI === 0)).toBe(true);
  });

  describe('web import through the server API', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      server = await startServer();
    }, 120_000);
    afterAll(() => server?.close());

    it('the migrations create a column for every stored field', async () => {
      const rows = await server.db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'line_items'");
      const columns = rows.map((r) => r.column_name);
      for (const f of LINE_ITEM_FIELDS) if (f.sql) expect(columns, f.column).toContain(f.sql);
    });

    it('stores every field, serves it, and builds the same 预算14表', async () => {
      const admin = await server.login();
      const budget = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
      const res = await admin.post('/api/imports', { budget, lineItemsCsv: readFileSync(join(dir, 'line-items.csv'), 'utf8') });
      expect(res.statusCode, res.body).toBe(200);
      const served = (await admin.get('/api/budgets/237001/2025/line-items')).json().items as Record<string, unknown>[];
      const asItems = served.map((x) => ({ ...x, unit: '237001', amount: x.amountFen }) as unknown as LineItem);
      expect(facts(asItems)).toEqual(facts(input.budget.lineItems));
      const tables = (await admin.get('/api/budgets/237001/2025/tables')).json().tables;
      expect(table14(tables)).toEqual(expected14);
    }, 120_000);
  });
});
