import type { Classification } from '../classification/classification.ts';
import { filerOf, type Budget, type LineItem, type Unit } from '../model/budget.ts';
import type { Money } from '../money/money.ts';
import { sortCells } from './cell-order.ts';
import { signatureOf } from './signatures.ts';

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
   * Per item: id of its combination of signature fields (fund, kind, economic codes, 三公 mark). Ids are global to the process,
   * so which columns a combination lands in is decided once per table, whatever the budget.
   */
  signature: Int32Array;
  /** Per item: id of its (unit, function 项) cell; rows are built from these. */
  cell: Int32Array;
  cellUnit: number[];
  cellFunction: string[];
  /** Per cell: the parts of its 项 code as rows print them (shared by every cell of that code in the process). */
  cellParts: FunctionParts[];
  /** Per unit (in order): its cell ids sorted by function code. */
  unitCells: number[][];
  /** Per cell: the total of its items. */
  cellAmount: Float64Array;
  /**
   * The items summed by signature, in order of first appearance: one item of each signature stands
   * for all (they agree on fund, kind, economic codes and 三公 mark), with the total of them all
   * (parallel lists: no object per signature and budget).
   */
  signatureItem: LineItem[];
  signatureAmount: Money[];
  /** Their signature ids. */
  signatureId: number[];
}

/** A 项 code's 类 / 款 codes, its 款 and 项 digits (positions 4–5 and 6–7) and the names ('' when the list lacks one). */
export interface FunctionParts {
  class: string;
  section: string;
  sectionDigits: string;
  itemDigits: string;
  name: string;
  className: string;
  sectionName: string;
  /** The code as a number when it is 7 digits (then number order is code order), else -1. */
  rank: number;
}

/** Parts per classification and code: sliced and looked up once per process, not once per budget and cell. */
const partsCache = new WeakMap<Classification, Map<string, FunctionParts>>();

function partsOf(classification: Classification): Map<string, FunctionParts> {
  let m = partsCache.get(classification);
  if (!m) partsCache.set(classification, (m = new Map()));
  return m;
}

function functionParts(f: string, classification: Classification): FunctionParts {
  const nameOf = (c: string) => classification.function.nameOf(c) ?? '';
  const cls = f.slice(0, 3);
  const section = f.slice(0, 5);
  const rank = /^\d{7}$/.test(f) ? Number(f) : -1;
  return { class: cls, section, sectionDigits: f.slice(3, 5), itemDigits: f.slice(5, 7), name: nameOf(f), className: nameOf(cls), sectionName: nameOf(section), rank };
}

/** Per signature id: the context being built when it was last met, and its position in that context's signature lists. */
let signatureSeenIn = new Float64Array(4096);
let signatureSlot = new Int32Array(4096);
let contexts = 0;

function growSignatures(): void {
  const [seenIn, slot] = [signatureSeenIn, signatureSlot];
  signatureSeenIn = new Float64Array(seenIn.length * 2);
  signatureSlot = new Int32Array(slot.length * 2);
  signatureSeenIn.set(seenIn);
  signatureSlot.set(slot);
}

/**
 * Cell ids of a one-unit budget by function code, stamped with the context they were given in: no
 * Map per budget for the common case (every unit's own budget).
 */
interface CellSlot {
  seenIn: number;
  id: number;
}
const cellSlots = new Map<string, CellSlot>();

/**
 * The per-cell and per-signature lists of the context being built, filled here and copied out at
 * their final length: lists pushed into anew for every budget were regrown several times each.
 */
const scratch = {
  cellUnit: [] as number[],
  cellFunction: [] as string[],
  cellParts: [] as FunctionParts[],
  signatureItem: [] as LineItem[],
  signatureAmount: doubles(),
  signatureId: [] as number[],
  cellAmount: doubles(),
};

/** An empty list that holds doubles (amounts are summed into it). */
function doubles(): number[] {
  const v = [0.5];
  v.length = 0;
  return v;
}
const NO_CELLS = new Map<string, number>();

export function buildContext(budget: Budget, classification: Classification): BuildContext {
  // A unit's own budget (the common case: every unit of every department) needs no sort and no index.
  const units = budget.units.length === 1 ? budget.units : [...budget.units].sort((a, b) => a.code.localeCompare(b.code));
  const only = units.length === 1 ? units[0].code : undefined;
  const unitIndex = only === undefined ? new Map(units.map((u, i) => [u.code, i])) : undefined;
  const known = partsOf(classification);
  const items = budget.lineItems;
  const signature = new Int32Array(items.length);
  const cell = new Int32Array(items.length);
  // Cell ids of other budgets (and of stray items of other units): per unit, by function code.
  let cellIds: Map<string, Map<string, number>> | undefined;
  const sc = scratch;
  let nCells = 0;
  let nSignatures = 0;
  const serial = ++contexts;
  // Function codes are bounded by the classification, but uploads may bring any: keep the slots few.
  if (cellSlots.size > 50_000) cellSlots.clear();
  let lastUnit: string | undefined;
  let byFunction = NO_CELLS;
  let prevFunction: string | undefined;
  let prevUnit: string | undefined;
  let prevCell = -1;
  for (let i = 0; i < items.length; i++) {
    const li = items[i];
    const sig = signatureOf(li);
    signature[i] = sig;
    if (sig >= signatureSeenIn.length) growSignatures();
    if (signatureSeenIn[sig] !== serial) {
      signatureSeenIn[sig] = serial;
      signatureSlot[sig] = nSignatures;
      sc.signatureItem[nSignatures] = li;
      sc.signatureAmount[nSignatures] = li.amount;
      sc.signatureId[nSignatures++] = sig;
    } else sc.signatureAmount[signatureSlot[sig]] += li.amount;
    let c: number | undefined;
    // Almost half the items share the previous item's function code (and unit): its cell, no look-up.
    if (li.functionCode === prevFunction && li.unit === prevUnit) c = prevCell;
    else if (only !== undefined && li.unit === only) {
      let slot = cellSlots.get(li.functionCode);
      if (slot === undefined) cellSlots.set(li.functionCode, (slot = { seenIn: 0, id: 0 }));
      if (slot.seenIn === serial) c = slot.id;
      else {
        slot.seenIn = serial;
        slot.id = nCells;
      }
    } else {
      // Items mostly come unit by unit: look the unit up only when it changes.
      if (li.unit !== lastUnit) {
        cellIds ??= new Map();
        byFunction = cellIds.get((lastUnit = li.unit)) ?? cellIds.set(li.unit, new Map()).get(li.unit)!;
      }
      c = byFunction.get(li.functionCode);
      if (c === undefined) byFunction.set(li.functionCode, nCells);
    }
    if (c === undefined) {
      c = nCells++;
      sc.cellUnit[c] = unitIndex ? (unitIndex.get(li.unit) ?? -1) : li.unit === only ? 0 : -1;
      sc.cellFunction[c] = li.functionCode;
      let parts = known.get(li.functionCode);
      if (parts === undefined) known.set(li.functionCode, (parts = functionParts(li.functionCode, classification)));
      sc.cellParts[c] = parts;
      sc.cellAmount[c] = li.amount;
    } else sc.cellAmount[c] += li.amount;
    prevFunction = li.functionCode;
    prevUnit = li.unit;
    prevCell = c;
    cell[i] = c;
  }
  const cellUnit = sc.cellUnit.slice(0, nCells);
  const cellFunction = sc.cellFunction.slice(0, nCells);
  const cellParts = sc.cellParts.slice(0, nCells);
  const signatureItem = sc.signatureItem.slice(0, nSignatures);
  const signatureAmount = sc.signatureAmount.slice(0, nSignatures);
  const signatureId = sc.signatureId.slice(0, nSignatures);
  const cellAmount = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) cellAmount[c] = sc.cellAmount[c];
  const unitCells: number[][] = [];
  for (let u = 0; u < units.length; u++) unitCells.push([]);
  for (let c = 0; c < cellUnit.length; c++) if (cellUnit[c] >= 0) unitCells[cellUnit[c]].push(c);
  for (const cs of unitCells) sortCells(cs, cellParts, cellFunction);
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
    cellParts,
    unitCells,
    cellAmount,
    signatureItem,
    signatureAmount,
    signatureId,
  };
}

/**
 * A property of line items that depends on their signature only (fund, kind, economic codes, 三公
 * mark), worked out once per signature id for the whole process instead of once per item.
 */
export function perSignature<T>(f: (li: LineItem) => T): (id: number, li: LineItem) => T {
  const memo: (T | undefined)[] = [];
  return (id, li) => {
    let v = memo[id];
    if (v === undefined) memo[id] = v = f(li);
    return v;
  };
}
