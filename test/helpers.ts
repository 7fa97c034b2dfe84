import { readBudgetFolder } from '../src/formats/input/budget-folder.ts';
import { buildTables } from '../src/tables/index.ts';

export const SEED_TEXT = new URL('./fixtures/seed/000_3c3361467ddba6b8.txt', import.meta.url);
export const SEED_DIR = 'examples/hunan-104012';
export const MULTI_DIR = 'examples/multi-unit-department';

export function loadExample(dir: string) {
  const { budget, classification } = readBudgetFolder(dir);
  return { budget, classification, tables: buildTables(budget, classification) };
}
