/**
 * How a table of the open-data JSON is laid out on screen: the merged header lines rebuilt from
 * the column paths, and the indentation of row labels (the JSON carries the row kind, not the indent).
 */
import type { JsonTable } from './api.ts';

export interface HeaderCell {
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
export function indentOf(kind: string, t: JsonTable): number {
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
