/** Writes schema/budget.schema.json from the zod schema of budget.json (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { budgetJsonSchemaDocument } from '../src/model/json-schema.ts';

writeFileSync(new URL('../schema/budget.schema.json', import.meta.url), JSON.stringify(budgetJsonSchemaDocument(), null, 2) + '\n');
