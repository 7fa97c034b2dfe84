/**
 * Test helper: a PDF read back with pdf.js (a dependency, so these tests need no poppler): the
 * text of each page in drawing order (one string per text run, joined by a space; and the runs
 * with their places), the outline with the page each bookmark opens (top level; and the whole
 * tree with depths), and the document info.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { expect } from 'vitest';
import { printRow, rowHeaderColumns } from '../../../src/formats/render-rows.ts';
import { headerGrid, leaves, type Table } from '../../../src/ir/table.ts';
import { formatMoney } from '../../../src/money/money.ts';

export interface Run {
  str: string;
  x: number;
  /** baseline, upward from the bottom of the page */
  y: number;
}

export interface ReadBack {
  pages: string[];
  runs: Run[][];
  outline: { title: string; page: number }[];
  tree: { title: string; page: number; depth: number }[];
  info: Record<string, unknown>;
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

export async function readBack(pdf: Buffer): Promise<ReadBack> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    const runs: Run[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const items = (await (await doc.getPage(n)).getTextContent()).items as TextItem[];
      pages.push(items.map((i) => i.str).join(' '));
      runs.push(items.map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5] })));
    }
    const pageOf = async (o: OutlineNode) => {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      return doc.getPageIndex(dest![0] as never);
    };
    const roots = ((await doc.getOutline()) ?? []) as OutlineNode[];
    const outline = await Promise.all(roots.map(async (o) => ({ title: o.title, page: await pageOf(o) })));
    const tree: ReadBack['tree'] = [];
    const walk = async (nodes: OutlineNode[], depth: number) => {
      for (const o of nodes) {
        tree.push({ title: o.title, page: await pageOf(o), depth });
        await walk(o.items, depth + 1);
      }
    };
    await walk(roots, 0);
    const { info } = await doc.getMetadata();
    return { pages, runs, outline, tree, info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

export const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
export const AMOUNT = /-?\d+\.\d{2}/g;
export const amountsOf = (t: Table) => t.rows.flatMap((r) => r.cells.filter((c): c is number => typeof c === 'number').map((c) => formatMoney(c, t.unit)));

/** The whole merged header as printed: line by line, left to right, squashed. */
export const headerText = (t: Table) =>
  squash(
    headerGrid(t.header)
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((h) => h.label)
      .join(''),
  );

/** Page ranges [first, end) of each table, found by its 预算NN表 mark, which only its first page carries. */
export function tableRanges(pages: string[], tables: Table[]): [number, number][] {
  const starts = tables.map((t) => pages.findIndex((p) => p.includes(t.mark)));
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : pages.length]);
}

/** What a row prints, cell after cell, squashed. */
export function rowText(t: Table, r: number): string {
  const cols = leaves(t.header);
  return squash(
    printRow(t, t.rows[r], cols, rowHeaderColumns(t, cols))
      .map((c) => c.text)
      .join(''),
  );
}

/** Expects every distinct row of a table printed whole on one of its (squashed) pages; returns how many were checked. */
export function expectRowsWhole(t: Table, pages: string[]): number {
  const rows = t.rows.map((_, r) => rowText(t, r));
  let checked = 0;
  rows.forEach((row, r) => {
    // A row printing the same as another could hide a split one: only distinct rows count.
    if (rows.indexOf(row) !== rows.lastIndexOf(row)) return;
    expect(pages.some((p) => p.includes(row)), `${t.mark} row ${r}: ${row}`).toBe(true);
    checked++;
  });
  return checked;
}
