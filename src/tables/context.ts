import type { Classification } from '../classification/classification.ts';
import { filerOf, type Budget, type LineItem, type Unit } from '../model/budget.ts';

/**
 * What every table builder gets: the budget plus indexes computed once per budget, so that
 * 23 tables cost 23 passes over integer arrays rather than 23 rounds of string work.
 */
export interface BuildContext {
  budget: Budget;
  classification: Classification;
  filer: string;
  units: Unit[];
  items: LineItem[];
  /**
   * Per item: id of its (fund, kind, deptEcon, govEcon) combination. Ids are global to the process,
   * so which columns a combination lands in is decided once per table, whatever the budget.
   */
  signature: Int32Array;
  /** Per item: id of its (unit, function 项) cell; rows are built from these. */
  cell: Int32Array;
  cellUnit: number[];
  cellFunction: string[];
  /** Per unit (in order): its cell ids sorted by function code. */
  unitCells: number[][];
}

const signatureIds = new Map<string, number>();
/** How many distinct signatures have been seen (the size memo arrays need). */
export const signatureCount = () => signatureIds.size;

export function buildContext(budget: Budget, classification: Classification): BuildContext {
  const units = [...budget.units].sort((a, b) => a.code.localeCompare(b.code));
  const unitIndex = new Map(units.map((u, i) => [u.code, i]));
  const items = budget.lineItems;
  const signature = new Int32Array(items.length);
  const cell = new Int32Array(items.length);
  const cellIds = new Map<string, number>();
  const cellUnit: number[] = [];
  const cellFunction: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const li = items[i];
    const sk = `${li.fund}|${li.kind}|${li.deptEconCode}|${li.govEconCode}`;
    let s = signatureIds.get(sk);
    if (s === undefined) signatureIds.set(sk, (s = signatureIds.size));
    signature[i] = s;
    const ck = `${li.unit}|${li.functionCode}`;
    let c = cellIds.get(ck);
    if (c === undefined) {
      cellIds.set(ck, (c = cellIds.size));
      cellUnit.push(unitIndex.get(li.unit) ?? -1);
      cellFunction.push(li.functionCode);
    }
    cell[i] = c;
  }
  const unitCells: number[][] = units.map(() => []);
  cellUnit.forEach((u, c) => u >= 0 && unitCells[u].push(c));
  for (const cs of unitCells) cs.sort((a, b) => (cellFunction[a] < cellFunction[b] ? -1 : cellFunction[a] > cellFunction[b] ? 1 : 0));
  return {
    budget,
    classification,
    filer: filerOf(budget),
    units,
    items,
    signature,
    cell,
    cellUnit,
    cellFunction,
    unitCells,
  };
}
