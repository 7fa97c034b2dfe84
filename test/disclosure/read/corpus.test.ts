/**
 * Real disclosures printed by other publishers (Shanghai 普陀区, fixtures/corpus/: each the original
 * PDF and its `pdftotext -layout` text): every table found, figures read into their table, row and
 * column, and exactly the errors the documents really contain — the same from the text and the PDF.
 * Figures below are copied from the printed pages (in 分: 元 × 100).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit, type Audit } from '../../../src/disclosure/audit/audit.ts';
import { checkFamily } from '../../../src/disclosure/audit/family-checks.ts';
import { readText } from '../../../src/disclosure/read/text/index.ts';
import { cachedClassification, shippedYears } from '../../../src/classification/load.ts';
import { leaves, type Table } from '../../../src/ir/table.ts';

const DIR = new URL('../fixtures/corpus/', import.meta.url).pathname;
const classification = cachedClassification(shippedYears().at(-1)!);

const BUDGET = ['summary', 'income', 'spending', 'fiscal', 'gpb', 'gf', 'soe', 'basic', 'three'];
const FINAL = ['summary', 'income', 'spending', 'fiscal', 'gpb', 'basic', 'three', 'gf', 'soe'];

/** A row: its code, the 合计 row, or (side-by-side lists) a label printed on the row. */
type RowSel = string;
type Figure = [table: string, row: RowSel, col: string, fen: number | null];
/** An error finding: rule, table, row label, column. */
type Err = [rule: string, table: string, row: string, col: string];

interface Doc {
  name: string;
  family: 'mof-budget' | 'mof-final';
  tables: string[];
  filer: string;
  units: Record<string, '元' | '万元'>;
  figures: Figure[];
  errors: Err[];
  warnings?: string[];
}

const yuan = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
const wan = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 1_000_000);

const DOCS: Doc[] = [
  {
    name: 'sh-putuo-2026-sifaju-unit-budget',
    family: 'mof-budget',
    tables: BUDGET,
    filer: '上海市普陀区司法局',
    units: { summary: '元', basic: '元', three: '万元' },
    figures: [
      ['spending', '2040601', 'total', yuan('14,348,853.34')],
      ['spending', '2040601', 'basic', yuan('14,348,853.34')],
      ['spending', '2040601', 'project', yuan('64,840,547.00')],
      ['summary', '支出总计', 'r.personnel', yuan('20,374,181')],
      ['summary', '3、国有资本经营预算', 'l.amount', 0],
      ['income', '2210203', 'fiscal', yuan('2,070,000.00')],
      ['basic', 'total', 'public', yuan('1,845,880.34')],
      ['basic', '30228', 'public', yuan('227,810.34')],
      ['three', 'total', 'reception', wan('0.73')],
      ['three', 'total', 'car.running', wan('9.98')],
      ['three', 'total', 'operation', wan('184.59')],
    ],
    // The document's own defect: 204 06 01 prints 项目 64,840,547.00 beside 合计 = 基本, and its parent
    // 204 06 prints 项目 64,840,547 against children of 64,840,547 + 21,703,947 + 1,242,900 + 1,160,000
    // + 2,278,800 + 38,454,900 = 129,681,094; both 支出预算总表 and 一般公共预算支出表 print it.
    errors: [
      ['spending-row1', 'spending', '204 06 01 行政运行', 'total'],
      ['spending-tree', 'spending', '204 06 司法', 'project'],
      ['gpb-row1', 'gpb', '204 06 01 行政运行', 'total'],
      ['gpb-tree', 'gpb', '204 06 司法', 'project'],
    ],
  },
  {
    name: 'sh-putuo-2026-sifaju-dept-budget',
    family: 'mof-budget',
    tables: BUDGET,
    filer: '上海市普陀区司法局',
    units: { spending: '元', three: '万元' },
    figures: [
      ['income', 'total', 'total', yuan('96282213.44')],
      ['spending', 'total', 'basic', yuan('25741666.44')],
      ['spending', 'total', 'project', yuan('70540547.00')],
      ['income', '2040601', 'total', yuan('16726725.44')],
      ['three', 'total', 'total', wan('10.81')],
      ['three', 'total', 'reception', wan('0.83')],
      ['three', 'total', 'operation', wan('217.83')],
    ],
    errors: [],
  },
  {
    name: 'sh-putuo-2025-zfb-dept-budget',
    family: 'mof-budget',
    tables: BUDGET,
    filer: '上海市普陀区人民政府办公室',
    units: { summary: '元', three: '万元' },
    figures: [
      ['summary', '收入总计', 'l.amount', yuan('91,016,775.35')],
      ['spending', 'total', 'basic', yuan('24,606,775.35')],
      ['spending', 'total', 'project', yuan('66,410,000.00')],
      ['income', '2010301', 'total', yuan('12,029,501.84')],
      ['three', 'total', 'total', wan('867.50')],
      ['three', 'total', 'abroad', wan('839.00')],
      ['three', 'total', 'reception', wan('28.50')],
      ['three', 'total', 'car.total', null],
      ['three', 'total', 'operation', wan('213.28')],
    ],
    errors: [],
  },
  {
    name: 'sh-putuo-2025-zfb-unit-budget',
    family: 'mof-budget',
    tables: BUDGET,
    filer: '上海市普陀区人民政府办公室',
    units: { summary: '元' },
    figures: [
      ['summary', '支出总计', 'r.personnel', yuan('22,473,997.81')],
      ['summary', '支出总计', 'r.public', yuan('2,132,777.54')],
      ['summary', '支出总计', 'r.project', yuan('66,410,000.00')],
      ['income', '2010301', 'total', yuan('12,029,501.84')],
    ],
    errors: [],
  },
  {
    name: 'sh-putuo-2023-wanli-dept-budget',
    family: 'mof-budget',
    tables: BUDGET,
    filer: '上海市普陀区人民政府万里街道办事处',
    units: { summary: '元', income: '元' },
    figures: [
      ['summary', '收入总计', 'l.amount', yuan('164,978,640')],
      ['spending', 'total', 'basic', yuan('99,406,297')],
      ['spending', 'total', 'project', yuan('65,572,343')],
      ['spending', '2010506', 'basic', 0],
      ['income', '2080501', 'fiscal', yuan('177,240')],
      ['income', '2080501', 'shiye', null],
    ],
    errors: [],
  },
  {
    name: 'sh-putuo-2024-fuliyuan-unit-budget',
    family: 'mof-budget',
    tables: BUDGET,
    filer: '上海市普陀区社会福利院',
    units: { summary: '元' },
    figures: [
      ['summary', '支出总计', 'r.total', yuan('12,121,164')],
      ['summary', '支出总计', 'r.personnel', yuan('7,380,214')],
      ['summary', '支出总计', 'r.public', yuan('2,120,950')],
      ['summary', '支出总计', 'r.project', yuan('2,620,000')],
      ['spending', 'total', 'basic', yuan('9,501,164')],
    ],
    errors: [],
  },
  {
    name: 'sh-putuo-2024-caizhengju-final',
    family: 'mof-final',
    tables: FINAL,
    filer: '',
    units: { summary: '万元', basic: '万元' },
    figures: [
      ['summary', '本年收入合计', 'l.amount', wan('2,946.25')],
      ['summary', '年末结转和结余', 'r.amount', wan('55.34')],
      ['summary', '总计', 'r.amount', wan('2,995.39')],
      ['income', '2010602', 'other', wan('6.19')],
      ['spending', 'total', 'basic', wan('2,336.91')],
      ['spending', '2010601', 'basic', wan('1,503.52')],
      ['spending', '2010601', 'project', wan('8.37')],
      ['fiscal', '总计', 'r.total', wan('2,961.68')],
      ['gpb', '2010601', 'project', wan('8.37')],
      ['basic', '30102', 'l.personnel', wan('1,238.58')],
      ['basic', '30228', 'r.public', wan('24.42')],
      ['basic', '31002', 'r.public', wan('13.58')],
      ['three', 'total', 'total.plan', wan('0.95')],
      ['three', 'total', 'reception.plan', wan('0.95')],
      ['three', 'total', 'reception.final', null],
    ],
    errors: [],
  },
  {
    name: 'sh-putuo-2024-caizhengju-final-injected',
    family: 'mof-final',
    tables: FINAL.filter((t) => t !== 'spending'),
    filer: '',
    units: { income: '万元' },
    figures: [
      ['income', 'total', 'total', wan('2,946.25')],
      ['basic', '30399', 'l.personnel', null],
      ['basic', '31099', 'r.public', null],
      ['basic', '31002', 'r.public', wan('13.58')],
      ['fiscal', '总计', 'l.amount', wan('2,961.68')],
    ],
    // Its 支出决算表 was removed; its “三公” table prints no figure and no note.
    errors: [['C-tables', 'spending', '', '']],
    warnings: ['C-empty-note'],
  },
];

function rowOf(t: Table, sel: RowSel): number {
  if (sel === 'total') return t.rows.findIndex((r) => r.kind === 'total');
  const byCode = t.rows.findIndex((r) => r.code === sel);
  if (byCode >= 0) return byCode;
  return t.rows.findIndex((r) => r.cells.some((c) => typeof c === 'string' && c.replace(/\s/g, '') === sel));
}

function figureAt(a: Audit, [table, row, col]: Figure): number | string | null | undefined {
  const t = a.read.tables.find((x) => x.id === table);
  if (!t) return 'no table';
  const r = rowOf(t, row);
  const c = leaves(t.header).findIndex((x) => x.key === col);
  if (r < 0 || c < 0) return `no ${r < 0 ? 'row' : 'column'}`;
  return t.rows[r].cells[c];
}

/**
 * The tables' findings. The 说明 findings (N-…, which quote the sentence and its line as each
 * extraction wraps it) are tested in test/disclosure/narrative/corpus.test.ts and pdf.test.ts.
 */
const tableFindings = (a: Audit) => a.report.findings.filter((f) => !f.rule.startsWith('N-'));

const errorsOf = (a: Audit): Err[] =>
  tableFindings(a)
    .filter((f) => f.severity === 'error')
    .map((f): Err => [f.rule, f.table ?? '', f.rowLabel ?? '', f.column ?? ''])
    .sort();

describe.each(DOCS)('$name', { timeout: 120_000 }, (doc) => {
  const reads = new Map<string, Promise<Audit>>();
  const read = (ext: string) => reads.get(ext) ?? reads.set(ext, audit(`${DIR}${doc.name}.${ext}`, 'auto', classification)).get(ext)!;

  it.each(['txt', 'pdf'])('finds its tables, their filer and units (%s)', async (ext) => {
    const a = await read(ext);
    expect(a.read.layout).toBe(doc.family);
    expect(a.read.tables.map((t) => t.id)).toEqual(doc.tables);
    for (const t of a.read.tables) expect(t.filer).toBe(doc.filer);
    for (const [id, unit] of Object.entries(doc.units)) expect(a.read.tables.find((t) => t.id === id)?.unit).toBe(unit);
  });

  it.each(['txt', 'pdf'])('reads the printed figures into their table, row and column (%s)', async (ext) => {
    const a = await read(ext);
    expect(doc.figures.map((f) => [f[0], f[1], f[2], figureAt(a, f)])).toEqual(doc.figures);
  });

  it.each(['txt', 'pdf'])('reports exactly the errors the document contains (%s)', async (ext) => {
    const a = await read(ext);
    expect(errorsOf(a)).toEqual([...doc.errors].sort());
    expect(tableFindings(a).filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(doc.warnings ?? []);
  });

  it('reads the same tables from the text and the PDF', async () => {
    const [t, p] = await Promise.all([read('txt'), read('pdf')]);
    expect(tableFindings(p)).toEqual(tableFindings(t));
    for (const tt of t.read.tables) {
      const pt = p.read.tables.find((x) => x.id === tt.id)!;
      expect(pt.rows.map((r) => r.cells.filter((c) => typeof c === 'number'))).toEqual(tt.rows.map((r) => r.cells.filter((c) => typeof c === 'number')));
    }
  });
});

describe('a figure changed in a clean document', () => {
  const text = (name: string) => readFileSync(`${DIR}${name}.txt`, 'utf8');
  const errors = (t: string) => {
    const r = readText(t, { classification });
    return checkFamily(r.grid!).findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.rowLabel]);
  };

  it('is found by the identities between the tables that print it (row labels as numbered there)', () => {
    // 1. 一般公共预算 of 部门收支总表 no longer equals 一、一般公共预算 of 财政拨款收支总表 (a change of 1 元
    // would pass: whole-元 figures are allowed their rounding).
    const t = text('sh-putuo-2023-wanli-dept-budget').replace('1. 一般公共预算                  164,978,640', '1. 一般公共预算                  164,978,740');
    expect(errors(t)).toEqual([['B-summary-gpb', '1.一般公共预算 二、公共安全支出']]);
  });

  it('is found by the row sum of the “三公” table, whose columns were read from its header', () => {
    const t = text('sh-putuo-2026-sifaju-dept-budget').replace('10.81              0       0.83', '10.81              0       0.93');
    expect(errors(t)).toEqual([['three-row1', '合计']]);
  });
});

describe('a figure the reader could place only by guess', () => {
  it('is never the basis of an error: the failed identity is reported as information', () => {
    // In the text, 一般公共预算财政拨款支出决算表 prints 201 06 02 with 合计 and 项目支出 only, the second
    // figure far from where the header's 项目支出 label was extracted: changed, the row no longer adds up.
    const t = readFileSync(`${DIR}sh-putuo-2024-caizhengju-final.txt`, 'utf8').replace(
      '201     06   02   一般行政管理事务              10.00                10.00',
      '201     06   02   一般行政管理事务              10.00                11.00',
    );
    const r = readText(t, { classification });
    const findings = checkFamily(r.grid!).findings.filter((f) => f.table === 'gpb');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity, f.rowLabel])).toContainEqual(['gpb-row1', 'info', '201 06 02 一般行政管理事务']);
    expect(r.warnings.some((w) => w.includes('「201 06 02 一般行政管理事务」项目支出 11.00'))).toBe(true);
  });
});
