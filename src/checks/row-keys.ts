/**
 * Join keys: rows are matched across the tables of a set by (kind, owning unit, code), as a
 * number looked up in nested maps instead of a string built per row.
 */
import type { Row } from '../ir/table.ts';
import type { Indexed } from './table-set.ts';

export class KeyIds {
  private readonly ids = new Map<string, Map<string, Map<string, number>>>();
  private count = 0;

  keyOf(r: Row, add: boolean): number | undefined {
    const unit = r.unit ?? '';
    const code = r.code ?? '';
    if (!add) return this.ids.get(r.kind)?.get(unit)?.get(code);
    return this.idOf(this.codesOf(r.kind, unit), code);
  }

  /** Key ids of one kind and owning unit, by code. */
  codesOf(kind: string, unit: string): Map<string, number> {
    let byUnit = this.ids.get(kind);
    if (!byUnit) this.ids.set(kind, (byUnit = new Map()));
    let byCode = byUnit.get(unit);
    if (!byCode) byUnit.set(unit, (byCode = new Map()));
    return byCode;
  }

  idOf(codes: Map<string, number>, code: string): number {
    let id = codes.get(code);
    if (id === undefined) codes.set(code, (id = this.count++));
    return id;
  }
}

/**
 * The key of each row of a table, its rows by key and its keys by kind, in one pass: consecutive
 * rows mostly share kind and unit, so their map of codes and list of keys are looked up once per run.
 */
export function keyRowsOf(t: Indexed, ids: KeyIds): void {
  const rows = t.table.rows;
  const keys = (t.rowKeys = new Array<number>(rows.length));
  const byKind = (t.keysByKind = new Map<string, number[]>());
  let last = -1;
  let kind: string | undefined;
  let unit: string | undefined;
  let codes = new Map<string, number>();
  let ks: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const u = r.unit ?? '';
    if (r.kind !== kind || u !== unit) {
      if (r.kind !== kind) {
        const found = byKind.get(r.kind);
        if (found) ks = found;
        else byKind.set(r.kind, (ks = []));
      }
      kind = r.kind;
      unit = u;
      codes = ids.codesOf(kind, unit);
    }
    const k = (keys[i] = ids.idOf(codes, r.code ?? ''));
    if (k > last) last = k;
    ks.push(k);
  }
  // Keys past the end (given ids by other tables) have no row here.
  const rowOfKey = (t.rowOfKey = new Int32Array(last + 1).fill(-1));
  for (let i = 0; i < rows.length; i++) rowOfKey[keys[i]] = i;
}
