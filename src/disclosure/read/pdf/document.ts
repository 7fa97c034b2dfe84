/**
 * A PDF opened with pdf.js (legacy build: the only one that runs on Node 20) and reduced to what
 * the reader needs: per page, the text as positioned words and the ruled lines of the tables.
 * Every call into pdf.js is fenced: a file pdf.js rejects, an encrypted one, or one past the size
 * and time caps gives a DisclosureError; a page that fails on its own is skipped with a warning.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Before pdf.js: it saves the builtins pdf.js's polyfills replace.
import { restoreNatives } from './natives.ts';
import { AnnotationMode, getDocument, OPS, Util, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { DisclosureError } from '../types.ts';
import { helpRead, stopHelper, type PageOutcome } from './page-helper.ts';
import { pathRules, type Rules } from './paths.ts';
import { wordsOf, type Word } from './words.ts';

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  /** words, positions in points from the top-left corner */
  words: Word[];
  rules: Rules;
}

export interface PdfContent {
  pages: PdfPage[];
  warnings: string[];
}

/**
 * Caps that keep a hostile or broken file from running away with time or memory. Pages: a large
 * department's tables print on 200–400 pages; 2,000 leaves room for a whole ministry's. Time is
 * wall clock: a base plus a share per page, ample for a sound file on a busy machine (a 25-page
 * disclosure reads in about a second, a 400-page one in well under its share); a damaged one can
 * make pdf.js retry a broken font at every text operator and take seconds a page.
 */
export const LIMITS = { pages: 2_000, itemsPerPage: 40_000, opsPerPage: 2_000_000, baseMillis: 10_000, pageMillis: 500 };

const assets = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
restoreNatives();

const PDF_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // untyped: named through a variable

/** pdf.js's parser, which pdf.js would import on first use; loaded here so that its polyfills are undone too. */
export async function loadParser() {
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(PDF_WORKER);
  restoreNatives();
}

export interface ContentOptions {
  /** read pages on a second thread too (page-helper.ts): for the CLI and in-process audits only */
  parallel?: boolean;
}

type Timely = <T>(work: Promise<T>, where: string) => Promise<T>;

export async function readPdfContent(bytes: Uint8Array, name: string, opts: ContentOptions = {}): Promise<PdfContent> {
  await loadParser();
  let budget = LIMITS.baseMillis;
  const timely = readingClock(name, () => budget);
  const doc = await openPdf(bytes, name, timely);
  try {
    if (doc.numPages > LIMITS.pages) throw new DisclosureError(`${name} 有 ${doc.numPages} 页，超过可读取的 ${LIMITS.pages} 页`);
    budget = LIMITS.baseMillis + LIMITS.pageMillis * doc.numPages;
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const outcomes = new Map<number, PageOutcome>();
    const helper = opts.parallel && doc.numPages >= PARALLEL_PAGES ? helpRead({ bytes, name, pages: doc.numPages, budget, counter: counter.buffer }, outcomes) : undefined;
    try {
      await readPages(doc, () => Atomics.add(counter, 0, 1) + 1, timely, (n, outcome) => outcomes.set(n, outcome));
      if (helper) await timely(helper.taken().catch((e: Error) => Promise.reject(new DisclosureError(e.message))), '读取页面');
    } catch (e) {
      if (helper) stopHelper(); // it may be stuck on the page that ran out of time
      throw e;
    } finally {
      Atomics.store(counter, 0, doc.numPages); // the helper takes no more
    }
    // Pages the helper took and did not deliver (it died) are read here.
    for (let n = 1; n <= doc.numPages; n++) if (!outcomes.has(n)) await readPages(doc, oneOf(n), timely, (k, o) => outcomes.set(k, o));
    const pages: PdfPage[] = [];
    const warnings: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const outcome = outcomes.get(n)!;
      if ('page' in outcome) pages.push(outcome.page);
      else warnings.push(outcome.warning);
    }
    if (!pages.length) throw new DisclosureError(`无法读取 PDF ${name}：没有可读的页面`);
    return { pages, warnings };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Below this many pages a second thread costs more to start than it saves. */
const PARALLEL_PAGES = 16;

const oneOf = (n: number) => {
  let taken = false;
  return () => (taken ? Infinity : ((taken = true), n));
};

/** The reading time check of one document: `timely(work, where)` fails once `budget()` is spent. */
export function readingClock(name: string, budget: () => number): Timely {
  const clock = spentClock();
  return (work, where) => withinBudget(work, clock, budget, `读取 ${name} 超时（${where}），文件可能已损坏`);
}

export async function openPdf(bytes: Uint8Array, name: string, timely: Timely): Promise<PDFDocumentProxy> {
  await loadParser();
  const task = getDocument({
    // A copy, and a plain Uint8Array: pdf.js refuses Buffers and detaches the array it is given.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    maxImageSize: 0,
    stopAtErrors: false,
    cMapUrl: join(assets, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(assets, 'standard_fonts') + '/',
  });
  try {
    return await timely(task.promise, '打开文件');
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw e instanceof DisclosureError ? e : new DisclosureError(`无法读取 PDF ${name}：${describe(e)}`);
  }
}

/**
 * Reads the pages `take` hands out (page numbers from 1, until one past the last) and gives each
 * its outcome: the page, or the warning that it was skipped. Running out of time throws.
 */
export async function readPages(doc: PDFDocumentProxy, take: () => number, timely: Timely, done: (n: number, outcome: PageOutcome) => void) {
  for (let n = take(); n <= doc.numPages; n = take()) {
    try {
      done(n, { page: await timely(doc.getPage(n).then((page) => readPage(page, n)), `第 ${n} 页`) });
    } catch (e) {
      if (e instanceof DisclosureError) throw e;
      done(n, { warning: `第 ${n} 页无法读取（${describe(e)}），已跳过` });
    }
  }
}

async function readPage(page: PDFPageProxy, number: number): Promise<PdfPage> {
  try {
    const viewport = page.getViewport({ scale: 1 });
    const items: TextItem[] = [];
    for await (const chunk of page.streamTextContent() as unknown as AsyncIterable<{ items: TextItem[] }>) {
      for (const item of chunk.items) if ('str' in item && item.str.trim()) items.push(item);
      if (items.length > LIMITS.itemsPerPage) throw new Error(`超过 ${LIMITS.itemsPerPage} 个文本块`);
    }
    const words = items.flatMap((item) => wordsOf(item.str, Util.transform(viewport.transform, item.transform), item.width));
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    if (ops.fnArray.length > LIMITS.opsPerPage) throw new Error(`超过 ${LIMITS.opsPerPage} 个绘图指令`);
    return { number, width: viewport.width, height: viewport.height, words, rules: pathRules(ops, viewport.transform, OPS) };
  } finally {
    page.cleanup();
  }
}

/**
 * Milliseconds spent reading: the process's CPU time, or a fifth of the wall time when that is
 * more. A broken file burns CPU; a machine busy with other work only stretches the wall clock, so a
 * sound file is not refused for it.
 */
function spentClock(): () => number {
  const cpu0 = process.cpuUsage();
  const wall0 = Date.now();
  return () => {
    const cpu = process.cpuUsage(cpu0);
    return Math.max((cpu.user + cpu.system) / 1000, (Date.now() - wall0) / 5);
  };
}

/** The work's result, or a DisclosureError once the budget is spent (the caller then destroys the document, which stops pdf.js). */
function withinBudget<T>(work: Promise<T>, spent: () => number, budget: () => number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    const check = () => (spent() >= budget() ? reject(new DisclosureError(message)) : (timer = setTimeout(check, Math.min(250, Math.max(10, budget() - spent())))));
    check();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function describe(e: unknown): string {
  const name = (e as Error)?.name;
  if (name === 'PasswordException') return '文件已加密，需要密码';
  if (name === 'InvalidPDFException') return '不是有效的 PDF 文件';
  const message = e instanceof Error ? e.message : String(e);
  return message.length > 200 ? message.slice(0, 200) + '…' : message;
}
