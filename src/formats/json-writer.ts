import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tablesToJson } from './json.ts';
import type { Writer } from './writers.ts';

export const writeJson: Writer = async (tables, ctx) => {
  const path = join(ctx.dir, 'tables.json');
  writeFileSync(path, tablesToJson(tables));
  return [path];
};
