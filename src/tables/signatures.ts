import type { LineItem } from '../model/budget.ts';
import { SIGNATURE_FIELDS } from '../model/line-item-fields.ts';

/*
 * Signature ids, by the signature fields of the line-item field table: each field's values are
 * numbered once (one small map per field, which stays in cache), and the tree over those numbers is
 * one flat hash table of (parent node, value number) → child in a typed array: no Map and no object
 * per node, so a look-up touches a few integers instead of a cold map per node.
 */

/**
 * Levels of the tree, the fields that change least from one item to the next first (items are listed
 * by spending kind, economic class, then source), so that the walk below mostly starts part way down
 * the previous item's path (≈2.1 look-ups per item instead of 5 on the bench's province). The fields
 * are read by name (a read by a computed key is a slow, generic load per field and item).
 */
const LEVELS = ['threePublic', 'kind', 'govEconCode', 'fund', 'deptEconCode'];
if (SIGNATURE_FIELDS.length !== LEVELS.length || SIGNATURE_FIELDS.some((f) => !LEVELS.includes(f.key))) {
  throw new Error('signatures.ts: the signature fields changed; update LEVELS and signatureOf');
}
const LAST = LEVELS.length - 1;
/** Per level: its field's values by number. */
const valueNumbers = LEVELS.map(() => new Map<string, number>());
/**
 * The child table: slots of (parent, value number, child id, unused), side by side so that a probe
 * reads one cache line. Inner nodes are numbered from 1 (0 is the root); a last-level child is the
 * signature id itself (leaves are never parents, so the two numberings cannot meet in a key).
 */
let childTable = emptySlots(1 << 14);
let children = 0;
let innerNodes = 1;
let signatures = 0;
/** The previous item's path: path[d] is the node above level d, values[d] the value taken there. */
const path = new Int32Array(LEVELS.length + 1);
const values: string[] = LEVELS.map(() => '\u0000');

function emptySlots(n: number): Int32Array {
  const t = new Int32Array(4 * n);
  for (let i = 2; i < t.length; i += 4) t[i] = -1;
  return t;
}

function numberOf(level: number, value: string): number {
  const m = valueNumbers[level];
  let n = m.get(value);
  if (n === undefined) m.set(value, (n = m.size));
  return n;
}

/** The slot of (parent, v) in table t: where its child is, or the free slot where it goes. */
function slotOf(t: Int32Array, parent: number, v: number): number {
  const mask = (t.length >> 2) - 1;
  let i = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(v, 0x85ebca6b)) & mask;
  while (t[4 * i + 2] >= 0 && (t[4 * i] !== parent || t[4 * i + 1] !== v)) i = (i + 1) & mask;
  return 4 * i;
}

/** The child of `parent` by value number `v` (made, at `level`, when new). */
function childOf(parent: number, v: number, level: number): number {
  const t = childTable;
  const at = slotOf(t, parent, v);
  if (t[at + 2] >= 0) return t[at + 2];
  const c = level === LAST ? signatures++ : innerNodes++;
  t[at] = parent;
  t[at + 1] = v;
  t[at + 2] = c;
  if (++children * 2 > t.length >> 2) growChildren();
  return c;
}

function growChildren(): void {
  const old = childTable;
  const t = (childTable = emptySlots(old.length >> 1));
  for (let j = 0; j < old.length; j += 4) {
    if (old[j + 2] < 0) continue;
    const at = slotOf(t, old[j], old[j + 1]);
    t[at] = old[j];
    t[at + 1] = old[j + 1];
    t[at + 2] = old[j + 2];
  }
}

/** The signature id of an item: ids are global to the process and dense (0, 1, 2, … in order of first meeting). */
export function signatureOf(li: LineItem): number {
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
