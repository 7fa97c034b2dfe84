/**
 * The server's worker module (see disclosure/audit/pool.ts): the jobs that read files nobody
 * vouches for — public disclosure audits and workbook imports — run here, in a worker with a heap
 * and time limit, so that a hostile file costs one worker and never the server.
 */
import type { Budget } from '../../model/budget.ts';
import { InputError, type InputProblem } from '../../formats/input/errors.ts';
import { serveJobs } from '../../disclosure/audit/job.ts';
import { auditOutcome, type AuditOutcome, type AuditRequest } from '../../disclosure/audit/outcome.ts';
import { warmPdfParser } from '../../disclosure/audit/warm.ts';

export type ServerJob = { kind: 'audit'; request: AuditRequest } | { kind: 'workbook'; bytes: Uint8Array; name: string };

export type WorkbookOutcome = { ok: true; budget: Budget } | { ok: false; problems: InputProblem[] };

export type ServerJobOutcome = AuditOutcome | WorkbookOutcome;

async function workbookOutcome(bytes: Uint8Array, name: string): Promise<WorkbookOutcome> {
  const { readBudgetWorkbook } = await import('../../formats/input/workbook.ts');
  try {
    return { ok: true, budget: (await readBudgetWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name)).budget };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems };
    throw e;
  }
}

await warmPdfParser();
serveJobs(async (job: ServerJob): Promise<ServerJobOutcome> => (job.kind === 'audit' ? auditOutcome(job.request) : workbookOutcome(job.bytes, job.name)));
