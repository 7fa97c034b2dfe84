/**
 * Bounds an .xlsx before exceljs loads it. exceljs inflates every part and builds an object per
 * cell, so a 1 MB upload whose sheet expands to 500 MB takes gigabytes and minutes. Here the zip's
 * central directory is read first (entry count, declared sizes, compression ratio), then every
 * part is inflated as a stream that stops at its declared size (so a lying header cannot pass)
 * while the worksheets' rows, cells and merged areas are counted. Nothing is kept in memory.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export interface XlsxLimits {
  entries: number;
  /** declared uncompressed bytes of one part, and of all parts */
  entryBytes: number;
  totalBytes: number;
  /** uncompressed ÷ compressed size, for parts over 1 MB (real workbooks stay under 30) */
  ratio: number;
  rowsPerSheet: number;
  cellsPerSheet: number;
  cells: number;
}

const MB = 1024 * 1024;

/**
 * Sized for exceljs in a server worker of 192 MB heap: 500,000 cells keep about 170 MB of heap
 * and take 20 s to load on a busy 2-core machine, 300,000 about 100 MB. A disclosure has a few
 * thousand cells; an input workbook of 25,000 line items about 250,000.
 */
export const XLSX_LIMITS: XlsxLimits = {
  entries: 2000,
  entryBytes: 64 * MB,
  totalBytes: 128 * MB,
  ratio: 200,
  rowsPerSheet: 50_000,
  cellsPerSheet: 300_000,
  cells: 400_000,
};

/**
 * What makes an .xlsx too big to load, naming the part and the cap (the caller names the file);
 * undefined when it is within bounds.
 */
export async function xlsxBoundsProblem(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<string | undefined> {
  let zip: ZipFile;
  try {
    zip = await open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    return `不是有效的 .xlsx 文件（无法读取 zip 目录：${(e as Error).message}）`;
  }
  try {
    if (zip.entryCount > limits.entries) return `含 ${zip.entryCount} 个部件，超过上限 ${limits.entries}`;
    const state = { total: 0, cells: 0 };
    for (let entry = await next(zip); entry; entry = await next(zip)) {
      const problem = declared(entry, state, limits) ?? (await inflated(zip, entry, state, limits));
      if (problem) return `${entry.fileName} ${problem}`;
    }
    return undefined;
  } catch (e) {
    return `不是有效的 .xlsx 文件（${(e as Error).message}）`;
  } finally {
    zip.close();
  }
}

function declared(entry: Entry, state: { total: number }, limits: XlsxLimits): string | undefined {
  const size = entry.uncompressedSize;
  if (size > limits.entryBytes) return `解压后 ${mb(size)}，超过单个部件上限 ${mb(limits.entryBytes)}`;
  state.total += size;
  if (state.total > limits.totalBytes) return `处累计解压 ${mb(state.total)}，超过全部部件上限 ${mb(limits.totalBytes)}`;
  if (size > MB && size > limits.ratio * Math.max(1, entry.compressedSize))
    return `压缩比 ${Math.round(size / Math.max(1, entry.compressedSize))}:1，超过上限 ${limits.ratio}:1（疑似压缩炸弹）`;
  return undefined;
}

/** Inflates one part (yauzl stops it at its declared size) and counts a worksheet's rows and cells. */
async function inflated(zip: ZipFile, entry: Entry, state: { cells: number }, limits: XlsxLimits): Promise<string | undefined> {
  if (entry.fileName.endsWith('/')) return undefined;
  const stream = await zip.openReadStreamPromise(entry);
  const sheet = /worksheets\/[^/]+\.xml$/i.test(entry.fileName) ? new SheetCounter() : undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!sheet) continue;
      sheet.add(chunk);
      const problem = sheet.problem(limits) ?? (state.cells + sheet.cells > limits.cells ? `使全部工作表超过 ${limits.cells} 个单元格` : undefined);
      if (problem) return problem;
    }
  } catch (e) {
    const lie = /too many bytes/.test((e as Error).message);
    throw new Error(`${entry.fileName}：${lie ? '实际解压大小超过声明的大小（疑似压缩炸弹）' : (e as Error).message}`);
  } finally {
    stream.destroy();
  }
  if (sheet) {
    sheet.finish();
    state.cells += sheet.cells;
    return sheet.problem(limits);
  }
  return undefined;
}

/**
 * Counts `<row>`, `<c>` and the area of `<mergeCell ref>` tags in worksheet XML as it streams by
 * (exceljs makes a cell object for every cell a merge covers). A tag may straddle two chunks, so
 * the last bytes of a chunk wait for the next one.
 */
class SheetCounter {
  rows = 0;
  cells = 0;
  private carry = Buffer.alloc(0);
  private static readonly TAIL = 96;

  add(chunk: Buffer) {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.from(buf.subarray(this.scan(buf, buf.length - SheetCounter.TAIL)));
  }

  finish() {
    this.scan(this.carry, this.carry.length);
    this.carry = Buffer.alloc(0);
  }

  problem(limits: XlsxLimits): string | undefined {
    if (this.rows > limits.rowsPerSheet) return `超过 ${limits.rowsPerSheet} 行`;
    if (this.cells > limits.cellsPerSheet) return `超过 ${limits.cellsPerSheet} 个单元格`;
    return undefined;
  }

  /** Counts tags starting before `end`; returns where scanning stopped. */
  private scan(buf: Buffer, end: number): number {
    let i = buf.indexOf(0x3c); // '<'
    while (i >= 0 && i < end) {
      const a = buf[i + 1];
      if (a === 0x63 /* c */ && isTagEnd(buf[i + 2])) this.cells++;
      else if (a === 0x72 /* r */ && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 && isTagEnd(buf[i + 4])) this.rows++;
      else if (a === 0x6d /* m */ && buf.toString('latin1', i, i + 10) === '<mergeCell' && isTagEnd(buf[i + 10])) {
        const ref = /ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(buf.toString('latin1', i, i + SheetCounter.TAIL));
        if (ref?.[3]) this.cells += (column(ref[3]) - column(ref[1]) + 1) * (Number(ref[4]) - Number(ref[2]) + 1);
      }
      i = buf.indexOf(0x3c, i + 1);
    }
    return i < 0 ? Math.max(0, end) : i;
  }
}

const isTagEnd = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function next(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeListener('entry', onEntry).removeListener('end', onEnd).removeListener('error', onError);
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (e: Error) => (cleanup(), reject(e));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}
