/** Whether dist/ holds a complete build (dist/.built) newer than every file under src/. */
import { existsSync, readdirSync, statSync } from 'node:fs';

function newerThan(dir, t) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory() ? newerThan(p, t) : statSync(p).mtimeMs > t) return true;
  }
  return false;
}

export function distIsFresh(root = new URL('../', import.meta.url)) {
  const stamp = new URL('dist/.built', root);
  return existsSync(stamp) && !newerThan(new URL('src/', root), statSync(stamp).mtimeMs);
}
