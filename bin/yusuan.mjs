#!/usr/bin/env node
// Runs the bundled CLI (dist/yusuan/, written by `npm run build`, which `npm ci` runs through `prepare`).
// When dist/ is missing or older than any file under src/, the TypeScript sources run through tsx
// instead, so an edited checkout never runs stale code.
import { distIsFresh } from '../scripts/dist-fresh.mjs';

let main;
if (distIsFresh()) ({ main } = await import('../dist/yusuan/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
