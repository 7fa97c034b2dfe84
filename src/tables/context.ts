import type { Classification } from '../classification/classification.ts';
import { filerOf, type Budget, type LineItem, type Unit } from '../model/budget.ts';
import type { Money } from '../money/money.ts';
import { SIGNATURE_FIELDS } from '../model/line-item-fields.ts';
import { sortCells } from './cell-order.ts';

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

/**
 * Signature ids, by the signature fields of the line-item field table: each field's values are
 * numbered once (one small map per field, which stays in cache), and the tree over those numbers is
 * one flat hash table of (parent node, value number) → child, in typed arrays: no Map and no object
 * per node, and a look-up touches a few integers instead of a cold map per node.
 */
/**
 * Levels of the tree, the fields that change least from one item to the next first (items are listed
 * by spending kind, economic class, then source), so that the walk below mostly starts part way down
 * the previous item's path (≈2.1 look-ups per item instead of 5 on the bench's province). The fields
 * are read by name (a read by a computed key is a slow, generic load per field and item).
 */
const LEVELS = ['threePublic', 'kind', 'govEconCode', 'fund', 'deptEconCode'];
if (SIGNATURE_FIELDS.length !== LEVELS.length || SIGNATURE_FIELDS.some((f) => !LEVELS.includes(f.key))) {
  throw new Error('context.ts: the signature fields changed; update LEVELS and signatureOf');
}
const LAST = LEVELS.length - 1;
/** Per level: its field's values by number. */
const valueNumbers = LEVELS.map(() => new Map<string, number>());
/**
 * The child table. Inner nodes are numbered from 1 (0 is the root); a last-level child is the
 * signature id itself (leaves are never parents, so the two numberings cannot meet in a key).
 */
let childParent = new Int32Array(1 << 14);
let childValue = new Int32Array(1 << 14);
let childId = new Int32Array(1 << 14).fill(-1);
let children = 0;
let innerNodes = 1;
let signatures = 0;
/** The previous item's path: path[d] is the node above level d, values[d] the value taken there. */
const path = new Int32Array(LEVELS.length + 1);
const values: string[] = LEVELS.map(() => '\u0000');

function numberOf(level: number, value: string): number {
  const m = valueNumbers[level];
  let n = m.get(value);
  if (n === undefined) m.set(value, (n = m.size));
  return n;
}

/** The child of `parent` by value number `v` (made, at `level`, when new). */
function childOf(parent: number, v: number, level: number): number {
  const mask = childId.length - 1;
  let i = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(v, 0x85ebca6b)) & mask;
  for (;;) {
    const c = childId[i];
    if (c < 0) break;
    if (childParent[i] === parent && childValue[i] === v) return c;
    i = (i + 1) & mask;
  }
  const c = level === LAST ? signatures++ : innerNodes++;
  childParent[i] = parent;
  childValue[i] = v;
  childId[i] = c;
  if (++children * 2 > childId.length) growChildren();
  return c;
}

function growChildren(): void {
  const [parents, vs, ids] = [childParent, childValue, childId];
  childParent = new Int32Array(ids.length * 2);
  childValue = new Int32Array(ids.length * 2);
  childId = new Int32Array(ids.length * 2).fill(-1);
  const mask = childId.length - 1;
  for (let j = 0; j < ids.length; j++) {
    if (ids[j] < 0) continue;
    let i = (Math.imul(parents[j], 0x9e3779b1) ^ Math.imul(vs[j], 0x85ebca6b)) & mask;
    while (childId[i] >= 0) i = (i + 1) & mask;
    childParent[i] = parents[j];
    childValue[i] = vs[j];
    childId[i] = ids[j];
  }
}

function signatureOf(li: LineItem): number {
  const v0 = li.threePublic ?? '';
  const v1 = li.kind;
  const v2 = li.govEconCode ?? '';
  const v3 = li.fund;
  const v4 = li.deptEconCode;
  // The first level where the item leaves the previous item's path.
  let d = v0 !== values[0] ? 0 : v1 !== values[1] ? 1 : v2 !== values[2] ? 2 : v3 !== values[3] ? 3 : v4 !== values[4] ? 4 : 5;
  if (d < 5) {
    values[0] = v0;
    values[1] = v1;
    values[2] = v2;
    values[3] = v3;
    values[4] = v4;
    for (; d < 5; d++) path[d + 1] = childOf(path[d], numberOf(d, values[d]), d);
  }
  return path[5];
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
