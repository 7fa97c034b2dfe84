/**
 * The CLI bundle keeps only the zod it uses when src/ imports zod as a namespace (`import * as z`)
 * or by name: `import { z }` (or a dynamic `import('zod')`) takes zod's whole namespace, every locale
 * and the JSON Schema code with it, which tripled the code every `yusuan check` parsed (515 KB against 139 KB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('zod imports', () => {
  it('never take zod\'s whole namespace as a value', () => {
    const whole = sources('src').filter((f) => /import\s*\{\s*z\s*\}\s*from\s*'zod'|import\('zod'\)/.test(readFileSync(f, 'utf8')));
    expect(whole).toEqual([]);
  });
});
