/**
 * pdf.js runs its parser in-thread ("fake worker") and imports it when the first PDF opens, which
 * on a busy machine can eat the PDF reader's time cap for opening. A worker thread loads it once,
 * before any job, so that cap measures reading only; pdf.js picks it up from `globalThis.pdfjsWorker`.
 */
import { restoreNatives } from '../read/pdf/natives.ts';

const PDF_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // untyped: named through a variable

export async function warmPdfParser() {
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(PDF_WORKER);
  restoreNatives(); // the parser's polyfills slow the whole process down (natives.ts)
}
