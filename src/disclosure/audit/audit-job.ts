/** Worker module of batch audits: one AuditRequest in, one AuditOutcome out. */
import { serveJobs } from './job.ts';
import { auditOutcome } from './outcome.ts';
import { warmPdfParser } from './warm.ts';

await warmPdfParser();
serveJobs(auditOutcome);
