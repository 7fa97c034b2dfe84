import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetJsonSchemaDocument } from '../../src/model/json-schema.ts';

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('schema/budget.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(budgetJsonSchemaDocument())));
  });

  it('describes the required fields', () => {
    const doc = budgetJsonSchemaDocument() as { required: string[]; properties: Record<string, unknown> };
    expect(doc.required).toEqual(expect.arrayContaining(['year', 'amountUnit', 'department', 'units']));
    expect(Object.keys(doc.properties)).toContain('projectPerformance');
  });
});
