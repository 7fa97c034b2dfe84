/**
 * Keyed rows are written to one process-wide array that each new TableSet writes over. A set that
 * lives on while others are made (a disclosure reader's known tables, a publication's figures)
 * must still read its own keys, not the rows a later set wrote at the same place.
 */
import { describe, expect, it } from 'vitest';
import { keyAt } from '../../src/checks/row-keys.ts';
import { TableSet } from '../../src/checks/table-set.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const keysOf = (set: TableSet, id: string) => {
  const k = set.keysOf(set.get(id));
  return Array.from({ length: k.n }, (_, i) => keyAt(k, i));
};

describe('keyed rows of a set that outlives the next one', () => {
  it('are keyed again, not read from rows written over', () => {
    const seed = loadExample(SEED_DIR).tables;
    const multi = loadExample(MULTI_DIR).tables;
    // Two tables keyed by the kept set, then two by a later set over the same places.
    const kept = new TableSet(seed);
    keysOf(kept, '07');
    const before = keysOf(kept, '03');
    const other = new TableSet(multi);
    keysOf(other, '03');
    keysOf(other, '07');
    expect(keysOf(kept, '03')).toEqual(before);
    expect(keysOf(kept, '03')).toEqual(keysOf(new TableSet(seed), '03'));
  });
});
