/**
 * One fuzz case: from (run seed, case number) an input of the corpus and its mutations, then the
 * audit exactly as `yusuan audit` runs it (read the file, check the tables, render the text and
 * JSON reports). A DisclosureError is the reader saying "not a disclosure I can read": a clean
 * outcome. Any other exception is a crash.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { audit, auditJson } from '../../src/disclosure/audit/audit.ts';
import { auditText } from '../../src/disclosure/audit/report.ts';
import type { Classification } from '../../src/classification/classification.ts';
import { DisclosureError } from '../../src/disclosure/read/index.ts';
import type { Input, InputKind } from './corpus.ts';
import { mutateBytes, mutateText, mutateWorkbook } from './mutate.ts';
import { caseSeed, random, weighted } from './random.ts';

export type Outcome = 'clean' | 'errors' | 'refused' | 'crash';

export interface Case {
  n: number;
  seed: number;
  input: string;
  kind: InputKind;
  ops: string[];
  bytes: Uint8Array;
}

export interface CaseResult {
  n: number;
  input: string;
  kind: InputKind;
  ops: string[];
  outcome: Outcome;
  /** mutation and audit, milliseconds */
  ms: number;
  /** the DisclosureError message, or the crash's stack */
  message?: string;
}

export async function makeCase(n: number, runSeed: number, corpus: Input[]): Promise<Case> {
  const seed = caseSeed(runSeed, n);
  const r = random(seed);
  const input = weighted(r, corpus);
  const base = { n, seed, input: input.name, kind: input.kind };
  if (input.kind === 'txt') {
    const text = mutateText(new TextDecoder().decode(input.bytes), r);
    const bytes = new TextEncoder().encode(text.value);
    // Now and then damage the bytes too: invalid UTF-8, NULs, cut characters.
    if (r.chance(0.15)) {
      const more = mutateBytes(bytes, r, 1);
      return { ...base, ops: [...text.ops, ...more.ops], bytes: more.value };
    }
    return { ...base, ops: text.ops, bytes };
  }
  if (input.kind === 'xlsx') {
    try {
      const m = await mutateWorkbook(input.bytes, r);
      return { ...base, ops: m.ops, bytes: m.value };
    } catch (e) {
      // exceljs refused the edit itself: fall back to byte damage (same seed, same fallback).
      const m = mutateBytes(input.bytes, r);
      return { ...base, ops: [`workbook edit failed (${(e as Error).message.slice(0, 60)})`, ...m.ops], bytes: m.value };
    }
  }
  const m = mutateBytes(input.bytes, r);
  return { ...base, ops: m.ops, bytes: m.value };
}

export interface RunContext {
  dir: string;
  classification: Classification;
}

export async function runCase(c: Case, ctx: RunContext, started = Date.now()): Promise<CaseResult> {
  const file = join(ctx.dir, `case-${c.n}-${threadId}.${c.kind}`);
  writeFileSync(file, c.bytes);
  const done = (outcome: Outcome, message?: string): CaseResult => ({ n: c.n, input: c.input, kind: c.kind, ops: c.ops, outcome, ms: Date.now() - started, ...(message ? { message } : {}) });
  try {
    const result = await audit(file, 'auto', ctx.classification);
    auditText(result);
    JSON.stringify(auditJson(result));
    return done(result.report.findings.some((f) => f.severity === 'error') ? 'errors' : 'clean');
  } catch (e) {
    if (e instanceof DisclosureError) return done('refused', e.message);
    return done('crash', e instanceof Error ? (e.stack ?? e.message) : String(e));
  } finally {
    unlinkSync(file);
  }
}
