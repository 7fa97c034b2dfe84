/**
 * Join keys: rows are matched across the tables of a set by (kind, owning unit, code), as a
 * number looked up in nested maps instead of a string built per row. The maps are process-wide
 * (a unit's keys are the same in its own package and in its department's), and a set numbers the
 * keys it meets 0, 1, 2… in arrays it borrows, so that checking a package builds no maps.
 */
import type { Row } from '../ir/table.ts';
import type { Indexed } from './table-set.ts';

/** Keys numbered process-wide until there are this many; then a new epoch starts (old sets keep theirs). */
const EPOCH_KEYS = 1 << 18;

/** Process-wide key numbers, and the set-local number of each for the set that last used them. */
class Epoch {
  readonly ids = new Map<string, Map<string, Map<string, number>>>();
  count = 0;
  /** local[g] holds the owner's number for key g when stamps[g] is the owner's generation. */
  stamps = new Uint32Array(1024);
  local = new Int32Array(1024);
  owner: KeyIds | undefined;
  generation = 0;

  grow(): void {
    const stamps = new Uint32Array(2 * this.stamps.length);
    const local = new Int32Array(2 * this.local.length);
    stamps.set(this.stamps);
    local.set(this.local);
    this.stamps = stamps;
    this.local = local;
  }
}
let current = new Epoch();

export class KeyIds {
  private readonly epoch = current.count < EPOCH_KEYS ? current : (current = new Epoch());
  private generation = 0;
  /** The process-wide number of each of this set's keys: the borrowed arrays are refilled from it. */
  private readonly keys: number[] = [];

  constructor() {
    // A set's keys are made for its tables: the keyed rows of the set before are done with.
    clearKeyedRows();
  }

  /** How many keys the set has numbered. */
  get size(): number {
    return this.keys.length;
  }

  keyOf(r: Row, add: boolean): number | undefined {
    const unit = r.unit ?? '';
    const code = r.code ?? '';
    if (add) return this.idOf(this.codesOf(r.kind, unit), code);
    const g = this.epoch.ids.get(r.kind)?.get(unit)?.get(code);
    return g === undefined ? undefined : this.localOf(g, false);
  }

  /** Key numbers of one kind and owning unit, by code (process-wide: pass them to idOf only). */
  codesOf(kind: string, unit: string): Map<string, number> {
    const ids = this.epoch.ids;
    let byUnit = ids.get(kind);
    if (!byUnit) ids.set(kind, (byUnit = new Map()));
    let byCode = byUnit.get(unit);
    if (!byCode) byUnit.set(unit, (byCode = new Map()));
    return byCode;
  }

  /** This set's number of a key, given its own if it has none. */
  idOf(codes: Map<string, number>, code: string): number {
    let g = codes.get(code);
    if (g === undefined) {
      const e = this.epoch;
      codes.set(code, (g = e.count++));
      if (g >= e.stamps.length) e.grow();
    }
    return this.localOf(g, true)!;
  }

  private localOf(g: number, add: boolean): number | undefined {
    const e = this.epoch;
    if (e.owner !== this) this.own(e);
    if (e.stamps[g] === this.generation) return e.local[g];
    if (!add) return undefined;
    e.stamps[g] = this.generation;
    e.local[g] = this.keys.length;
    this.keys.push(g);
    return e.local[g];
  }

  /** Takes the epoch's arrays back from another set (checks take them once per package). */
  private own(e: Epoch): void {
    e.owner = this;
    // Generation 0 is what new arrays hold: after a wrap, forget every stamp.
    if (++e.generation === 0x1_0000_0000) (e.generation = 1), e.stamps.fill(0);
    this.generation = e.generation;
    const keys = this.keys;
    for (let l = 0; l < keys.length; l++) {
      e.stamps[keys[l]] = this.generation;
      e.local[keys[l]] = l;
    }
  }
}

/** Small numbers of row kinds, for a byte per row. */
const kindNums = new Map<string, number>();
export function kindNum(kind: string): number {
  let n = kindNums.get(kind);
  if (n === undefined) kindNums.set(kind, (n = kindNums.size));
  return n;
}

/**
 * Rows of a table with their keys: all of them (`rows` undefined), or the rows listed (keys and
 * kinds then by position in the list). In `data` from `at`: the `n` rows' keys, their kinds
 * (kindNum), the rows' positions grouped by kind (in row order within a kind: a join visits one
 * kind at a time), where each kind's group starts (`kinds` + 1 of them), then from `base` the
 * (last) row of each key, -1 for none (keys past its end have none). Read it with the helpers below.
 */
export interface KeyedRows {
  rows: readonly number[] | undefined;
  n: number;
  /** The largest key with a row here. */
  last: number;
  /** How many kinds were numbered when the rows were grouped (kinds numbered later have no rows here). */
  kinds: number;
  /** The arena generation the rows were written in (see keyedRowsValid). */
  gen: number;
  data: Int32Array;
  at: number;
  base: number;
}
export const keyAt = (k: KeyedRows, o: number): number => k.data[k.at + o];
export const rowOfKey = (k: KeyedRows, key: number): number => (key <= k.last ? k.data[k.base + key] : -1);
/** The positions of the rows of kind `kind` are byKindAt(k, j) for kindFrom(k, kind) <= j < kindTo(k, kind). */
export const kindFrom = (k: KeyedRows, kind: number): number => (kind < k.kinds ? k.data[k.at + 3 * k.n + kind] : 0);
export const kindTo = (k: KeyedRows, kind: number): number => (kind < k.kinds ? k.data[k.at + 3 * k.n + kind + 1] : 0);
export const byKindAt = (k: KeyedRows, j: number): number => k.data[k.at + 2 * k.n + j];

/**
 * Where keyed rows are written: one process-wide array (a package keys about fifteen tables, and
 * an array of its own per table cost more than the keys). A set's keyed rows are valid until the
 * next set is made (the engine checks one package at a time, in one call); a set that lives on
 * keys its tables again (keyedRowsValid). A full array is replaced, and the keyed rows in the old
 * one keep it.
 */
let arena = new Int32Array(1 << 16);
let top = 0;
/** Bumped whenever the arena is written over from the start: keyed rows of an older generation are stale. */
let generation = 0;

/** A new set is keying its tables: the keyed rows of the previous one are no longer read. */
function clearKeyedRows(): void {
  top = 0;
  generation++;
}

/** Room from `top` for `len` figures (the next keyed rows are written there; see keyedRows). */
function reserve(len: number): void {
  if (top + len > arena.length) (arena = new Int32Array(Math.max(2 * arena.length, len))), (top = 0);
}

/**
 * Whether keyed rows are still readable: a set kept while another set was made (a reader's set of
 * known tables, a publication's figures) must key its tables again rather than read rows written over.
 */
export const keyedRowsValid = (k: KeyedRows): boolean => k.gen === generation;

/** Counts of each kind, then where its next row goes, while grouping (see keyedRows). */
let cursor = new Int32Array(16);

/**
 * The KeyedRows of `n` rows whose keys and kinds the caller wrote at `top` (reserve()), with keys
 * up to `last`: groups them by kind and finds the row of each key.
 */
function keyedRows(rows: readonly number[] | undefined, n: number, last: number): KeyedRows {
  const kinds = kindNums.size;
  const len = 3 * n + kinds + 1 + last + 1;
  // Kinds first met in these rows take room too: the keys and kinds move to a new array if need be.
  if (top + len > arena.length) {
    const written = arena.subarray(top, top + 2 * n);
    reserve(len);
    arena.set(written, top);
  }
  const data = arena;
  const at = top;
  top += len;
  const starts = at + 3 * n;
  const base = starts + kinds + 1;
  // Grouped by kind, stably: count each kind, then place the rows in order.
  if (cursor.length < kinds) cursor = new Int32Array(2 * kinds);
  cursor.fill(0, 0, kinds);
  for (let o = 0; o < n; o++) cursor[data[at + n + o]]++;
  let from = 0;
  for (let c = 0; c < kinds; c++) {
    data[starts + c] = from;
    from += cursor[c];
    cursor[c] = data[starts + c];
  }
  data[starts + kinds] = from;
  for (let o = 0; o < n; o++) data[at + 2 * n + cursor[data[at + n + o]]++] = o;
  data.fill(-1, base, base + last + 1);
  for (let o = 0; o < n; o++) data[base + data[at + o]] = rows ? rows[o] : o;
  return { rows, n, last, kinds, data, at, base, gen: generation };
}

/**
 * The key and kind of each row of a table and the row of each key, in one pass: consecutive rows
 * mostly share kind and unit, so their map of codes is looked up once per run.
 */
export function keyRowsOf(t: Indexed, ids: KeyIds): KeyedRows {
  const rows = t.table.rows;
  const n = rows.length;
  // Room for the row of every key the set has so far and this table's new ones at most.
  reserve(3 * n + kindNums.size + 1 + ids.size + n);
  const keys = arena;
  const at = top;
  let last = -1;
  let kind: string | undefined;
  let unit: string | undefined;
  let codes: Map<string, number> | undefined;
  let kn = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const u = r.unit ?? '';
    if (r.kind !== kind || u !== unit) {
      if (r.kind !== kind) kn = kindNum(r.kind);
      kind = r.kind;
      unit = u;
      codes = ids.codesOf(kind, unit);
    }
    const k = (keys[at + i] = ids.idOf(codes!, r.code ?? ''));
    keys[at + n + i] = kn;
    if (k > last) last = k;
  }
  return (t.keyed = keyedRows(undefined, n, last));
}

/** The keyed rows `only` of a table (see KeyedRows). */
export function someKeyRows(t: Indexed, only: readonly number[], ids: KeyIds): KeyedRows {
  const rows = t.table.rows;
  const n = only.length;
  reserve(3 * n + kindNums.size + 1 + ids.size + n);
  const keys = arena;
  const at = top;
  let last = -1;
  for (let o = 0; o < n; o++) {
    const r = rows[only[o]];
    const k = (keys[at + o] = ids.keyOf(r, true)!);
    keys[at + n + o] = kindNum(r.kind);
    if (k > last) last = k;
  }
  return keyedRows(only, n, last);
}
