import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';

/**
 * `yusuan audit` on bytes written to `dir/name`, as a user runs it: the exit code, and
 * `stderr()` for what it printed. Call in a describe block (it restores console after each test).
 */
export function auditFileRunner(dir: string) {
  const lines: string[] = [];
  afterEach(() => vi.restoreAllMocks());
  const run = async (name: string, bytes: Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    lines.length = 0;
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void lines.push(String(m)));
    return main(['audit', file, '--out', join(dir, 'out.txt')]);
  };
  return { run, stderr: () => lines.join('\n') };
}
