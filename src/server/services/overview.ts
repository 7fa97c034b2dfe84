/**
 * The province overview (GET /api/public/overview): built from the latest published snapshot of
 * every unit and year. A snapshot never changes, so each one is summarised once: at publication
 * (stored in snapshot_summaries), or, for one published before summaries were stored, by the first
 * build that needs it, which stores it; a process keeps those it has read. The overview itself is kept per state of the published snapshots and the names of units and
 * departments (`publishedStamp`), so a request costs one small query while nothing changes.
 */
import { classificationFor } from './code-lists.ts';
import type { Budget } from '../../model/budget.ts';
import { buildOverview, type PackageSummary, summarize } from '../../overview/overview.ts';
import type { Queryable } from '../db/db.ts';
import { EncodedBody } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { getSnapshotBudgetTexts, getSnapshotContents, publishedStamp, type SnapshotRef } from '../repo/published-contents.ts';
import { getSnapshotSummaries, insertSnapshotSummaries, type SnapshotSummary } from '../repo/snapshot-summaries.ts';
import { listPublished, sha256 } from '../repo/snapshots.ts';
import { parseSnapshot } from './snapshot.ts';

type Summary = Pick<PackageSummary, 'totalFen' | 'functionFen'>;

export interface OverviewAnswer {
  /** The JSON body, serialised once, compressed once per coding. */
  body: EncodedBody;
  /** sha256 over the state it was built from (also the ETag). */
  key: string;
}

/** The budget cut out of a snapshot's text, when it is one (else the whole text is read). */
function parseBudget(text: string): Pick<Budget, 'lineItems'> | undefined {
  try {
    const b = JSON.parse(text) as Pick<Budget, 'lineItems'>;
    return Array.isArray(b?.lineItems) ? b : undefined;
  } catch {
    return undefined;
  }
}

/** Snapshots read per query while summarising: bounds the memory held by their texts. */
const BATCH = 50;

export class OverviewCache {
  private readonly summaries = new Map<string, Summary>();
  private readonly answers = new Map<string, Promise<OverviewAnswer | undefined>>();
  constructor(private readonly maxAnswers = 8) {}

  async get(q: Queryable, year?: number): Promise<OverviewAnswer> {
    const key = sha256(JSON.stringify([year ?? null, await publishedStamp(q)]));
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.build(q, key, year);
      if (this.answers.size >= this.maxAnswers) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
      answer.catch(() => this.answers.delete(key));
    }
    const a = await answer;
    if (!a) throw notFound(year ? `${year} 年度没有已公开的预算` : '还没有已公开的预算');
    return a;
  }

  private async build(q: Queryable, key: string, year?: number): Promise<OverviewAnswer | undefined> {
    const published = await listPublished(q);
    const id = (p: { unitCode: string; year: number }, v: number) => `${p.unitCode}:${p.year}:${v}`;
    const unread = published.filter((p) => !this.summaries.has(id(p, p.latestVersion))).map((p) => ({ unitCode: p.unitCode, year: p.year, version: p.latestVersion }));
    for (const row of await getSnapshotSummaries(q, unread)) this.summaries.set(id(row, row.version), row);
    const missing = unread.filter((r) => !this.summaries.has(id(r, r.version)));
    for (let i = 0; i < missing.length; i += BATCH) {
      const whole: SnapshotRef[] = [];
      const made: SnapshotSummary[] = [];
      for (const row of await getSnapshotBudgetTexts(q, missing.slice(i, i + BATCH))) {
        const budget = row.budget === null ? undefined : parseBudget(row.budget);
        if (budget) made.push({ unitCode: row.unitCode, year: row.year, version: row.version, ...summarize(budget) });
        else whole.push(row);
      }
      for (const row of await getSnapshotContents(q, whole)) made.push({ unitCode: row.unitCode, year: row.year, version: row.version, ...summarize(parseSnapshot(row.content).budget) });
      await insertSnapshotSummaries(q, made);
      for (const m of made) this.summaries.set(id(m, m.version), m);
    }
    const summaries: PackageSummary[] = published.map((p) => {
      const { totalFen, functionFen } = this.summaries.get(id(p, p.latestVersion))!;
      return { departmentCode: p.departmentCode, departmentName: p.departmentName, unitCode: p.unitCode, unitName: p.unitName, year: p.year, version: p.latestVersion, totalFen, functionFen };
    });
    const y = year ?? Math.max(...summaries.map((s) => s.year));
    const overview = summaries.length ? buildOverview(summaries, await classificationFor(q, y), y) : undefined;
    return overview && { body: new EncodedBody(JSON.stringify(overview), key), key };
  }
}
