/**
 * The PDF reader: pdf.js text with positions → the text reader, then the figures the page places
 * put back in their columns. Ruled tables (ours, spreadsheet exports) are read cell by cell, so
 * their rows come out exact and the text reader's ambiguities disappear; unruled pages degrade to
 * the text reader's reading of the same lines.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { detectLayout, layoutSet } from '../../layouts/index.ts';
import { readText } from '../text/index.ts';
import { norm } from '../text/tokens.ts';
import type { ReadOptions, ReadResult, Reader } from '../types.ts';
import { readPdfContent } from './document.ts';
import { emitText } from './emit.ts';
import { groupLines } from './lines.ts';
import { overlay } from './overlay.ts';
import { readByColumns } from '../grid/choose.ts';
import { pdfLines } from '../grid/positioned.ts';

export const readPdf: Reader = async (path, opts) => readPdfBytes(await readFile(path), opts, basename(path));

export async function readPdfBytes(bytes: Uint8Array, opts: ReadOptions, name = 'PDF'): Promise<ReadResult> {
  const content = await readPdfContent(bytes, name, { parallel: opts.parallel });
  const plain = content.pages.flatMap((p) => groupLines(p.words).map((l) => l.text));
  const byColumns = readByColumns(() => pdfLines(content.pages), plain, opts);
  if (byColumns) return { ...byColumns, warnings: [...content.warnings, ...byColumns.warnings], pages: content.pages };
  const layout = !opts.layout || opts.layout === 'auto' ? detectLayout(plain, norm, opts.classification) : opts.layout;
  const set = layoutSet(layout, opts.classification);
  const emitted = emitText(content.pages, set);
  const read = readText(emitted.lines.join('\n'), { ...opts, layout, printed: emitted.rows });
  const result = overlay(read, emitted.rows, set);
  return { ...result, warnings: [...content.warnings, ...result.warnings], pages: content.pages };
}
