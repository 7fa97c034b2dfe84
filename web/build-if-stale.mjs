/**
 * `npm start` runs this first: builds the web app (web/dist) when it is missing or older than its
 * sources, so a fresh clone and a pulled checkout both serve the current app. A prebuilt web/dist
 * that is up to date needs no Vite at all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/glossary.ts', 'src/money'];
const BUILT = 'web/dist/index.html';

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
};

if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < Math.max(...SOURCES.map(newest))) {
  const r = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
