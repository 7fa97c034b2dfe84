/**
 * Reading a published disclosure back into the table IR, whatever its file type. Readers are
 * registered by file extension and loaded on demand; a PDF or xlsx reader plugs in by adding an
 * entry that returns the same ReadResult. One that only recovers lines of text can hand them to
 * `readText`; one that knows cell positions can place figures itself and still use
 * `placeFigures` (assign/place.ts) for the cells it cannot tell apart.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { cachedClassification, shippedYears } from '../../classification/load.ts';
import { DisclosureError, type ReadOptions, type ReadResult, type Reader } from './types.ts';

export type { Ambiguity, ReadOptions, ReadResult, Reader } from './types.ts';
export { DisclosureError } from './types.ts';

const readTextFile: Reader = async (path, opts) => {
  const { readText } = await import('./text/index.ts');
  return readText(await readFile(path, 'utf8'), opts);
};

export const READERS: Record<string, () => Promise<Reader>> = {
  '.txt': async () => readTextFile,
  '.pdf': async () => (await import('./pdf/index.ts')).readPdf,
  '.xlsx': async () => (await import('./xlsx/index.ts')).readXlsx,
};

export const READABLE = Object.keys(READERS);

/** Reads a disclosure file with the reader for its extension (default: auto layout, latest code lists). */
export async function readDisclosure(path: string, opts: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const load = READERS[extname(path).toLowerCase()];
  if (!load) throw new DisclosureError(`无法读取 ${path}：支持的文件类型为 ${READABLE.join('、')}`);
  const classification = opts.classification ?? cachedClassification(shippedYears().at(-1)!);
  const result = await (await load())(path, { ...opts, classification });
  if (!result.tables.length) throw new DisclosureError(`${path} 中未找到任何预决算公开表`);
  return result;
}
