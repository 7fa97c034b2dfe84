import * as z from 'zod';
import { budgetJsonSchema } from './schema.ts';

/** The published JSON Schema of budget.json, for editors and other tools. */
export function budgetJsonSchemaDocument(): object {
  return {
    ...z.toJSONSchema(budgetJsonSchema, { io: 'input' }),
    $id: 'https://yusuan.invalid/schema/budget.schema.json',
    title: 'yusuan budget.json (部门预算输入)',
  };
}
