/** Worker module of batch and server audits: one AuditRequest in, one AuditOutcome out. */
import { serveJobs } from './job.ts';
import { auditOutcome } from './outcome.ts';

// pdf.js runs its parser in-thread ("fake worker") and imports it when the first PDF opens, which
// on a busy machine can eat the PDF reader's time cap for opening; loading it here, before any job,
// keeps that cost out of the reading. pdf.js picks the module up from `globalThis.pdfjsWorker`.
const PDF_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // untyped: named through a variable
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(PDF_WORKER);

serveJobs(auditOutcome);
