/**
 * Where each list file of a year came from, kept beside the lists as `provenance.json`
 * (file name → entry). Shipped lists describe how they were compiled; imported lists name the
 * file they were read from, its sha256, when and how many codes of each level.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level } from './codes.ts';

export const PROVENANCE_FILE = 'provenance.json';

export interface ListProvenance {
  /** what the list is and how it was made, in a sentence */
  description: string;
  /** the file it was imported from */
  source?: string;
  sha256?: string;
  importedAt?: string;
  levels?: Partial<Record<Level, number>>;
  /** a caveat to show wherever the list is used (e.g. a previous year's list carried forward) */
  note?: string;
}

export type ProvenanceFile = Record<string, ListProvenance>;

export function readProvenance(dir: string): ProvenanceFile {
  const path = join(dir, PROVENANCE_FILE);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ProvenanceFile;
  } catch (e) {
    throw new Error(`${path}：不是有效的 JSON：${(e as Error).message}`);
  }
}
