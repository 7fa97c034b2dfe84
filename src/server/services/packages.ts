/**
 * Published packages as the public API serves them. A snapshot never changes, so its parsed
 * content, its response body and its charts are computed once and kept (bounded by count), and
 * a request for version n is answered without the database once cached. Which version is the
 * latest is remembered for LATEST_TTL_MS: a publish through this process forgets it at once,
 * one through another server process shows within that time.
 */
import { cachedClassification } from '../../classification/load.ts';
import { tableToJson } from '../../formats/json.ts';
import type { Queryable } from '../db/db.ts';
import { EncodedBody } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { getSnapshot, getSnapshotMeta, type SnapshotMeta } from '../repo/snapshots.ts';
import { type Charts, chartsOf } from './charts.ts';
import { parseSnapshot, type SnapshotContent } from './snapshot.ts';

export interface PackageEntry {
  meta: SnapshotMeta;
  content: SnapshotContent;
  /** The JSON body of GET …/latest and …/v/:n, serialised once and compressed once per coding. */
  body: EncodedBody;
  charts(): Charts;
  /** The exact stored text (sha256 = meta.contentHash), as GET …/content sends it. */
  raw: EncodedBody;
}

export const LATEST_TTL_MS = 1000;

export class PackageCache {
  private readonly entries = new Map<string, PackageEntry>();
  private readonly latest = new Map<string, { version: number; until: number }>();
  constructor(private readonly max = 128) {}

  /** Version `n`, or the latest. */
  async get(q: Queryable, unit: string, year: number, n?: number): Promise<PackageEntry> {
    const pointer = n === undefined ? this.latest.get(`${unit}:${year}`) : undefined;
    const version = n ?? (pointer && pointer.until > Date.now() ? pointer.version : undefined);
    const cached = version !== undefined ? this.entries.get(`${unit}:${year}:${version}`) : undefined;
    if (cached) return cached;
    const entry = await this.load(q, unit, year, n);
    if (n === undefined) this.latest.set(`${unit}:${year}`, { version: entry.meta.version, until: Date.now() + LATEST_TTL_MS });
    return entry;
  }

  /** After a publish: the next request for the latest version asks the database. */
  forgetLatest(unit: string, year: number) {
    this.latest.delete(`${unit}:${year}`);
  }

  private async load(q: Queryable, unit: string, year: number, n?: number): Promise<PackageEntry> {
    const meta = await getSnapshotMeta(q, unit, year, n);
    if (!meta) throw notFound(n ? `${unit} ${year} 年度没有第 ${n} 版公开数据` : `${unit} ${year} 年度预算尚未公开`);
    const key = `${unit}:${year}:${meta.version}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const snap = (await getSnapshot(q, unit, year, meta.version))!;
    const entry = makeEntry(meta, snap.content);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}

function makeEntry(meta: SnapshotMeta, raw: string): PackageEntry {
  const content = parseSnapshot(raw);
  let charts: Charts | undefined;
  const body = new EncodedBody(JSON.stringify({
    unit: content.unit,
    department: content.department,
    year: content.year,
    version: meta.version,
    publishedAt: meta.publishedAt,
    publishedBy: meta.publishedBy,
    contentHash: meta.contentHash,
    tables: content.tables.map(tableToJson),
  }), meta.contentHash);
  return { meta, content, body, raw: new EncodedBody(raw, `${meta.contentHash}-content`), charts: () => (charts ??= chartsOf(content, cachedClassification(content.year))) };
}
