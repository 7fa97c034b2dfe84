/** Read rows → the table IR: columns by concept key, figures as 分, each cell's displayed step kept. */
import type { ColumnNode, Row, Table } from '../../../ir/table.ts';
import { FEN_PER, type AmountUnit } from '../../../money/money.ts';
import { figure } from '../text/figures.ts';
import type { Kind } from '../../layouts/family.ts';
import type { Column } from './columns.ts';
import type { BodyRow } from './rows.ts';

/** Per table: the displayed step (分) of every read cell, "row:col". */
export type Steps = Map<string, number>;

const SIDES = ['l', 'r'];

export function columnKey(kind: Kind, c: Column): string {
  return kind.shape === 'lists' || kind.shape === 'twoTrees' ? `${SIDES[c.side]}.${c.key}` : c.key;
}

export function buildTable(kind: Kind, meta: { title: string; filer: string; unit: AmountUnit; notes: string[] }, columns: Column[], rows: BodyRow[]) {
  const amount = (c: Column): ColumnNode => ({ label: c.label, key: columnKey(kind, c), kind: 'amount' });
  let header: ColumnNode[];
  const lead: ColumnNode[] = [];
  if (kind.shape === 'lists' || kind.shape === 'twoTrees') {
    header = [0, 1].flatMap((side) => {
      const label: ColumnNode[] =
        kind.shape === 'lists'
          ? [{ label: '项目', key: `${SIDES[side]}.label`, kind: 'text' }]
          : [
              { label: '科目编码', key: `${SIDES[side]}.code`, kind: 'code' },
              { label: '科目名称', key: `${SIDES[side]}.name`, kind: 'text' },
            ];
      return [...label, ...columns.filter((c) => c.side === side).map(amount)];
    });
  } else {
    if (kind.shape === 'tree') lead.push({ label: '科目编码', key: 'code', kind: 'code' }, { label: '科目名称', key: 'name', kind: 'text' });
    header = [...lead, ...columns.map(amount)];
  }
  const keys = header.map((h) => h.key!);
  const steps: Steps = new Map();
  const unsure = new Set<string>();
  // A bare 0 beside figures with decimals is an exact zero, not a rounding to a whole unit.
  const printed = rows.flatMap((r) => [...r.figures.values()]).filter((t) => !/^-?0$/.test(t));
  const finest = printed.length ? Math.min(...printed.map((t) => FEN_PER[meta.unit] / 10 ** decimals(t))) : FEN_PER[meta.unit];
  const stepOf = (text: string) => (/^-?0$/.test(text) ? finest : FEN_PER[meta.unit] / 10 ** decimals(text));
  const out: Row[] = rows.map((r, ri) => {
    const cells: Row['cells'] = keys.map(() => null);
    if (kind.shape === 'lists') {
      r.labels?.forEach((l, side) => l !== undefined && (cells[keys.indexOf(`${SIDES[side]}.label`)] = l));
    } else if (kind.shape === 'twoTrees') {
      const side = sideOfRow(r, columns);
      if (r.code) cells[keys.indexOf(`${SIDES[side]}.code`)] = r.printed.join(' ');
      cells[keys.indexOf(`${SIDES[side]}.name`)] = r.name || null;
    } else if (kind.shape === 'tree') {
      if (r.kind !== 'total') cells[0] = r.printed.join(' ');
      cells[1] = r.name || null;
    }
    for (const [ci, text] of r.figures) {
      const k = keys.indexOf(columnKey(kind, columns[ci]));
      cells[k] = figure(text, meta.unit, kind.name);
      steps.set(`${ri}:${k}`, stepOf(text));
      if (r.unsure?.has(ci)) unsure.add(`${ri}:${k}`);
    }
    return { kind: r.kind, ...(r.code ? { code: r.code } : {}), indent: 0, cells };
  });
  const allSteps = [...steps.values()];
  const table: Table = {
    id: kind.id,
    mark: kind.name,
    title: meta.title,
    filer: meta.filer,
    unit: meta.unit,
    header,
    rows: out,
    notes: meta.notes,
    empty: !allSteps.length,
    precision: allSteps.length ? Math.max(...allSteps) : FEN_PER[meta.unit] / 100,
  };
  return { table, steps, unsure };
}

function sideOfRow(r: BodyRow, columns: Column[]): number {
  const [first] = r.figures.keys();
  return r.side ?? (first === undefined ? 0 : columns[first].side);
}

const decimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
