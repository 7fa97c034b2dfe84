/** The web app rebuilds each table's layout from its open-data JSON; it must match the table IR it came from. */
import { describe, expect, it } from 'vitest';
import { tableToJson } from '../../src/formats/json.ts';
import { headerGrid } from '../../src/ir/table.ts';
import { headerLines, indentOf } from '../../web/src/table-layout.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const tables = [...loadExample(SEED_DIR).tables, ...loadExample(MULTI_DIR).tables];

describe('table layout from the JSON', () => {
  it('rebuilds the merged header of every table (labels, spans, line by line)', () => {
    for (const t of tables) {
      const fromJson = headerLines(tableToJson(t).columns).flatMap((line, row) => line.map((c) => ({ row, ...c })));
      const fromIr = headerGrid(t.header)
        .sort((a, b) => a.row - b.row || a.col - b.col)
        .map(({ label, row, colSpan, rowSpan }) => ({ row, label, colSpan, rowSpan }));
      expect(fromJson, `${t.mark}`).toEqual(fromIr);
    }
  });

  it('indents every row label as the table IR does', () => {
    let rows = 0;
    for (const t of tables) {
      const json = tableToJson(t);
      t.rows.forEach((r, i) => {
        expect(indentOf(json.rows[i].kind, json), `${t.mark} row ${i} (${r.kind})`).toBe(r.indent);
        rows++;
      });
    }
    expect(rows).toBeGreaterThan(200);
  });
});
