/**
 * One disclosure table from its open-data JSON: the merged multi-line header rebuilt from the
 * column paths, 合计 merged across the empty code cells, row labels indented by level, amounts
 * right-aligned in 万元 with 2 decimals — as the official tables print them.
 */
import { useEffect, useRef } from 'react';
import type { JsonTable } from '../api.ts';
import { tableAmount } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { headerLines, indentOf } from '../table-layout.ts';

export interface CellRef {
  row?: number;
  column?: string;
}

export function BudgetTable({ table: t, highlight }: { table: JsonTable; highlight?: CellRef }) {
  const { t: tr, term, lang } = useI18n();
  const ref = useRef<HTMLTableElement>(null);
  const lines = headerLines(t.columns);
  // side-by-side lists (预算01表, 预算06表) label each amount by the text to its left
  const lists = t.rows.length > 0 && t.rows.every((r) => r.kind === 'line');
  const textCols = t.columns.flatMap((c, i) => (c.kind === 'text' ? [i] : []));
  const headerCols = new Set(lists ? textCols : textCols.slice(0, 1));

  useEffect(() => {
    if (!highlight) return;
    const el = ref.current?.querySelector('.highlight') ?? ref.current;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlight]);

  return (
    <table ref={ref} className="budget" id={`table-${t.id}`} data-table={t.id}>
      <caption>
        <span className="mark">{lang === 'zh' ? t.mark : tr('tableMark', { id: t.id })}</span>
        <span className="title">{term(t.title.trim())}</span>
        <span className="meta">
          <span>{tr('filerLabel', { filer: t.filer })}</span>
          <span>{tr('unitLabel', { unit: term(t.unit) })}</span>
        </span>
      </caption>
      <thead>
        {lines.map((cells, d) => (
          <tr key={d}>
            {cells.map((h, i) => (
              <th key={i} scope={h.rowSpan + d === lines.length ? 'col' : 'colgroup'} colSpan={h.colSpan > 1 ? h.colSpan : undefined} rowSpan={h.rowSpan > 1 ? h.rowSpan : undefined}>
                {term(h.label)}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {t.rows.map((r, ri) => {
          const out = [];
          for (let ci = 0; ci < r.cells.length; ci++) {
            const c = r.cells[ci];
            let span = 1;
            if (r.kind === 'total' && typeof c === 'string' && c !== '') {
              while (ci + span < t.columns.length && t.columns[ci + span].kind !== 'amount' && r.cells[ci + span] === null) span++;
            }
            const col = t.columns[ci];
            const isHeader = typeof c === 'string' && c !== '' && [...Array(span).keys()].some((k) => headerCols.has(ci + k));
            const amount = typeof c === 'number';
            const hl = highlight && highlight.row === ri && (highlight.column === undefined || highlight.column === col.key);
            const cls = [amount ? 'amount' : col.kind, span > 1 ? 'merged' : '', isHeader ? `indent-${indentOf(r.kind, t)}` : '', hl ? 'highlight' : ''].filter(Boolean).join(' ');
            const text = c === null ? '' : amount ? tableAmount(c) : col.kind === 'text' ? term(c) : c;
            const props = { className: cls || undefined, colSpan: span > 1 ? span : undefined, 'data-col': col.key };
            out.push(
              isHeader ? (
                <th key={ci} scope="row" {...props}>
                  {text}
                </th>
              ) : (
                <td key={ci} {...props}>
                  {text}
                </td>
              ),
            );
            ci += span - 1;
          }
          return (
            <tr key={ri} className={r.kind} data-row={ri}>
              {out}
            </tr>
          );
        })}
      </tbody>
      {t.notes.length > 0 && (
        <tfoot>
          {t.notes.map((n, i) => (
            <tr key={i}>
              <td colSpan={t.columns.length}>{term(n)}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
