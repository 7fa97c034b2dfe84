/**
 * Lists imported with `yusuan codes import` live in the user's data folder, one folder per year
 * (`$YUSUAN_DATA_DIR/lists/2025/function.csv`; default `$XDG_DATA_HOME/yusuan` or
 * `~/.local/share/yusuan`), like any tool's user data: imported once, used by every budget of
 * that year on this machine. A budget that must carry its lists with it names its own folder
 * (`"classification": "lists/"`, `codes import --into`), which wins over the user's.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { LIST_COLUMNS, type Subject } from './codes.ts';
import { type ImportedList, LIST_KINDS, type ListKind } from './import.ts';
import { PROVENANCE_FILE, readProvenance } from './provenance.ts';

export function userListsDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.YUSUAN_DATA_DIR || join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'yusuan');
  return join(base, 'lists');
}

export function listCsv(subjects: Subject[]): string {
  return stringify([[...LIST_COLUMNS], ...subjects.map((s) => LIST_COLUMNS.map((c) => s[c] ?? ''))]);
}

/** The user's folder for a year's imported lists. */
export const userYearDir = (year: number, env: NodeJS.ProcessEnv = process.env) => join(userListsDir(env), String(year));

/** Writes an imported list into `dir` (a year's folder) and records its provenance; returns the path. */
export function storeImportedList(dir: string, year: number, kind: ListKind, list: ImportedList, sourcePath: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const file = LIST_KINDS[kind].file;
  const provenance = readProvenance(dir);
  provenance[file] = {
    description: `${year} 年${LIST_KINDS[kind].label}，由 yusuan codes import 从 ${basename(sourcePath)} 导入`,
    source: sourcePath,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    importedAt: new Date().toISOString(),
    levels: list.levels,
  };
  // Written beside and renamed: a reader never sees half a list.
  writeAtomically(join(dir, file), listCsv(list.subjects));
  writeAtomically(join(dir, PROVENANCE_FILE), JSON.stringify(provenance, null, 2) + '\n');
  return join(dir, file);
}

function writeAtomically(path: string, text: string) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
