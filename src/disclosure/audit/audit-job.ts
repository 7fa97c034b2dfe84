/** Worker module of batch and server audits: one AuditRequest in, one AuditOutcome out. */
import { serveJobs } from './job.ts';
import { auditOutcome } from './outcome.ts';

serveJobs(auditOutcome);
