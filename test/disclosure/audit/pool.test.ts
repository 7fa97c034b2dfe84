/**
 * The worker pool: a job that runs past its time or its heap ends with a JobFailed naming why, its
 * worker is replaced, and the pool goes on answering; a full queue refuses at once; a cancelled
 * job leaves the queue. No timing is asserted beyond the limits themselves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobFailed, PoolBusy, WorkerPool, type PoolLimits } from '../../../src/disclosure/audit/pool.ts';
import type { TestJob } from './fixtures/test-job.ts';

const JOB = new URL('./fixtures/test-job.ts', import.meta.url);
let pool: WorkerPool<TestJob, string> | undefined;
afterEach(() => pool?.close());

const make = (limits: Partial<PoolLimits>) =>
  (pool = new WorkerPool<TestJob, string>(JOB, { workers: 1, queue: 2, jobMillis: 60_000, heapMb: 256, ...limits }));

describe('WorkerPool', () => {
  it('answers jobs, and reports a thrown error as a failed job without losing the worker', async () => {
    const p = make({});
    expect(await p.run({ kind: 'echo', value: '预算' })).toBe('预算');
    await expect(p.run({ kind: 'throw' })).rejects.toThrow(/boom/);
    expect(await p.run({ kind: 'echo', value: 'again' })).toBe('again');
  }, 120_000);

  it('terminates a job past its time limit, then answers the next one on a fresh worker', async () => {
    const p = make({ jobMillis: 3_000 });
    const spun = await p.run({ kind: 'spin' }).catch((e: unknown) => e);
    expect(spun).toBeInstanceOf(JobFailed);
    expect((spun as JobFailed).reason).toBe('timeout');
    expect((spun as JobFailed).message).toMatch(/超过 3 秒/);
    expect(await p.run({ kind: 'echo', value: 'alive' })).toBe('alive');
  }, 120_000);

  it('stops a worker that outgrows its heap, and the process lives on', async () => {
    const p = make({ heapMb: 64 });
    const rssBefore = process.memoryUsage().rss;
    const hogged = await p.run({ kind: 'hog' }).catch((e: unknown) => e);
    expect(hogged).toBeInstanceOf(JobFailed);
    expect((hogged as JobFailed).reason).toBe('memory');
    expect((hogged as JobFailed).message).toMatch(/64 MB/);
    expect(await p.run({ kind: 'echo', value: 'alive' })).toBe('alive');
    // generous: the worker's heap was capped at 64 MB, its memory is returned on termination
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024);
  }, 120_000);

  it('refuses at once when the queue is full, and drops a cancelled job from the queue', async () => {
    const p = make({ jobMillis: 20_000, queue: 1 });
    const running = p.run({ kind: 'spin' }).catch((e: unknown) => e);
    const cancel = new AbortController();
    const queued = p.run({ kind: 'echo', value: 'queued' }, cancel.signal).catch((e: unknown) => e);
    const refused = await p.run({ kind: 'echo', value: 'one too many' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PoolBusy);
    expect((refused as PoolBusy).retryAfterSeconds).toBeGreaterThan(0);
    expect(p.load.running + p.load.queued).toBe(2);
    cancel.abort();
    expect(((await queued) as JobFailed).reason).toBe('aborted');
    expect(p.load.running + p.load.queued).toBe(1);
    await p.close();
    expect(((await running) as JobFailed).reason).toBe('aborted');
  }, 120_000);
});
