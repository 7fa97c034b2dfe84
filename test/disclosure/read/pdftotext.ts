/**
 * Test helper: prints tables the way pdftotext prints a disclosure. Each row's non-empty cells on
 * one line (empty cells vanish), header labels as lines, and with `wrap` the long names and
 * texts broken over several lines, the codes of a row on a line of their own (as in the seed).
 */
import { headerDepth, headerGrid, leaves, type Table } from '../../../src/ir/table.ts';
import { formatMoney } from '../../../src/money/money.ts';

export interface PrintOptions {
  /** break names and texts into lines of this many characters (0: never) */
  wrap?: number;
}

const chunks = (s: string, n: number) => (n > 0 ? s.match(new RegExp(`.{1,${n}}`, 'gu')) ?? [s] : [s]);

export function pdftotext(tables: Table[], { wrap = 0 }: PrintOptions = {}): string {
  const out: string[] = [];
  for (const t of tables) {
    const ls = leaves(t.header);
    const firstAmount = ls.findIndex((c) => c.kind === 'amount');
    out.push(t.mark, '', t.title, `填报部门：${t.filer} 单位：${t.unit}`, '');
    const grid = headerGrid(t.header);
    for (let d = 0; d < headerDepth(t.header); d++) out.push(grid.filter((h) => h.row === d).map((h) => h.label).join(' '));
    out.push('');
    for (const r of t.rows) {
      const cells = r.cells.map((c) => (typeof c === 'number' ? formatMoney(c, t.unit) : c));
      if (ls.every((c) => c.kind !== 'code') && firstAmount > 0 && ls[0].kind === 'text' && t.rows.every((x) => x.kind === 'line')) {
        out.push(cells.filter((c) => c !== null).join(' '));
        continue;
      }
      const keys = cells.slice(0, firstAmount).filter((c): c is string => c !== null);
      const amounts = cells.slice(firstAmount).filter((c, i) => c !== null && ls[firstAmount + i].kind === 'amount');
      const texts = cells.slice(firstAmount).filter((c, i) => c !== null && ls[firstAmount + i].kind === 'text');
      const codes = keys.filter((k) => /^\d+$/.test(k));
      const names = keys.filter((k) => !/^\d+$/.test(k)).flatMap((k) => chunks(k, wrap));
      if (!wrap) out.push([...codes, ...names, ...amounts].join(' '));
      else {
        if (codes.length) out.push(codes.join(' '));
        out.push(...names.slice(0, -1), [...names.slice(-1), ...amounts].join(' '));
      }
      for (const text of texts) out.push(...chunks(String(text), wrap));
    }
    out.push(...t.notes, '', '');
  }
  return out.join('\n');
}
