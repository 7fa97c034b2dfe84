/** What every disclosure reader (text, PDF, xlsx) returns. */
import type { Classification } from '../../classification/classification.ts';
import type { Rule } from '../../checks/rule.ts';
import type { Table } from '../../ir/table.ts';
import type { LayoutId } from '../layouts/layout.ts';
import type { GridRead } from './grid/index.ts';
import type { PdfPage } from './pdf/document.ts';
import type { PrintedRow } from './pdf/emit.ts';

/**
 * A row whose printed figures fit more than one set of columns under every identity the reader
 * knows. The table holds the leftmost fit; `candidates` lists, per figure, every column it may take.
 */
export interface Ambiguity {
  table: string;
  row: number;
  rowLabel: string;
  /** the row's figures as printed */
  values: string[];
  /** per figure: the keys of the columns it fits */
  candidates: string[][];
  /** per figure: the key of the column chosen (the leftmost fit) */
  chosen: string[];
}

export interface ReadResult {
  layout: LayoutId;
  tables: Table[];
  /** ids of the layout's tables not found */
  missing: string[];
  ambiguities: Ambiguity[];
  warnings: string[];
  /** documents of a column-read family: what the reader read, with each figure's displayed step */
  grid?: GridRead;
  /** a PDF's pages as read, for the 说明 checks (so the file is not read twice) */
  pages?: PdfPage[];
}

export interface ReadOptions {
  layout?: LayoutId | 'auto';
  classification: Classification;
  /** Cross-table identities that help place figures (default: the layout's check rules). */
  rules?: Rule[];
  /** a ruled PDF's rows as printed, by table id: where they settle a table's figures, no search is needed (assign/pair.ts) */
  printed?: Map<string, PrintedRow[]>;
  /** a PDF's pages read on a second thread too (pdf/page-helper.ts): the CLI's and in-process audits, never a pool's worker */
  parallel?: boolean;
}

export type Reader = (path: string, opts: ReadOptions) => Promise<ReadResult>;

/** The file exists but is not a disclosure this reader understands. */
export class DisclosureError extends Error {}
