/**
 * One disclosure table from its open-data JSON: the merged multi-line header rebuilt from the
 * column paths, 合计 merged across the empty code cells, row labels indented by level, amounts
 * right-aligned in 万元 with 2 decimals — as the official tables print them.
 */
import { useEffect, useRef } from 'react';
import type { JsonTable } from '../api.ts';
import { tableAmount } from '../format.ts';
import { useI18n } from '../i18n.ts';

interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
}

/** Header lines: a non-leaf label spans the adjacent columns sharing its path; a leaf spans down to the last line. */
export function headerLines(columns: { path: string[] }[]): HeaderCell[][] {
  const depth = Math.max(1, ...columns.map((c) => c.path.length));
  const lines: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const samePrefix = (a: string[], b: string[], n: number) => a.length > n && b.length > n && a.slice(0, n + 1).every((x, i) => x === b[i]);
  for (let d = 0; d < depth; d++) {
    for (let i = 0; i < columns.length; ) {
      const p = columns[i].path;
      if (p.length <= d) {
        i++;
        continue;
      }
      const leaf = p.length === d + 1;
      let span = 1;
      while (!leaf && i + span < columns.length && columns[i + span].path.length > d + 1 && samePrefix(p, columns[i + span].path, d)) span++;
      lines[d].push({ label: p[d], colSpan: span, rowSpan: leaf ? depth - d : 1 });
      i += span;
    }
  }
  return lines;
}

/** Indentation of a row's label: units under their department, 类 › 款 › 项 under the unit. */
function indentOf(kind: string, t: JsonTable): number {
  const has = (k: string) => t.rows.some((r) => r.kind === k);
  switch (kind) {
    case 'unit':
      return has('department') ? 1 : 0;
    case 'class':
      return 2;
    case 'section':
      return 3;
    case 'item':
      return has('section') ? 4 : 2;
    case 'project':
      return has('unit') ? 2 : 0;
    default:
      return 0;
  }
}

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
