/** First run: the admin account and the example budgets, published so the public pages have content. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBudgetFolder } from '../formats/input/budget-folder.ts';
import type { User } from './access.ts';
import { hashPassword, randomPassword } from './auth/password.ts';
import type { Db } from './db/db.ts';
import { getUnit } from './repo/org.ts';
import { insertUser } from './repo/users.ts';
import { importBudget, type ImportResult } from './services/import.ts';
import { OutputCache } from './services/outputs.ts';
import { type Transition, transition } from './services/workflow.ts';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
export const EXAMPLES = ['hunan-104012', 'multi-unit-department'];

/** Creates the admin with a fresh random password, returned once and stored only as a hash. */
export async function createAdmin(db: Db, username = 'admin'): Promise<{ user: User; password: string }> {
  const password = randomPassword();
  const user = await insertUser(db, { username, displayName: '财政部门管理员', role: 'admin', passwordHash: await hashPassword(password) });
  return { user, password };
}

/** Imports the examples that exist; with `publish`, takes each through submit → approve → publish. */
export async function seedExamples(db: Db, admin: User, opts: { publish?: boolean; dirs?: string[] } = {}): Promise<ImportResult[]> {
  const dirs = opts.dirs ?? EXAMPLES.map((e) => EXAMPLES_DIR + e).filter(existsSync);
  const outputs = new OutputCache();
  const results: ImportResult[] = [];
  for (const dir of dirs) {
    const { budget } = readBudgetFolder(dir);
    for (const r of await importBudget(db, admin, budget)) {
      let version = r.version;
      let status = r.status;
      if (opts.publish) {
        const unit = (await getUnit(db, r.unitCode))!;
        for (const step of ['submit', 'approve', 'publish'] as Transition[]) {
          ({ version, status } = (await transition(db, outputs, admin, unit, r.year, step, version)).row);
        }
      }
      results.push({ ...r, version, status });
    }
  }
  return results;
}
