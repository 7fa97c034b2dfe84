/**
 * `npm run build` (run by `prepare` on `npm ci`, and by `npm start` when src/ changed), so nothing
 * is transpiled at start-up:
 * - dist/: src/ compiled module by module with tsc (the server: `npm start` runs dist/server/main.js);
 * - dist/yusuan/: the CLI bundled by esbuild (bin/yusuan.mjs runs it). One file per command and
 *   per shared part instead of ~150 modules (95 of them zod's) cuts the start-up of every call;
 *   exceljs, pdfkit and pdf.js stay outside and load only in the commands that use them.
 *   Its files sit two levels deep, as src/<area>/ files do, so paths from `import.meta.url` hold.
 * dist/ is rebuilt from scratch (no modules of deleted sources); dist/.built marks a complete build.
 * `--if-stale` does nothing when dist/ is newer than every source.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { distIsFresh } from './dist-fresh.mjs';

if (!(process.argv.includes('--if-stale') && distIsFresh())) {
  rmSync('dist', { recursive: true, force: true });
  const tsc = new URL('bin/tsc', pathToFileURL(createRequire(import.meta.url).resolve('typescript/package.json')));
  const r = spawnSync(process.execPath, [fileURLToPath(tsc), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  await build({
    // pdf-pages: the PDF reader's helper thread (page-helper.ts), a file of its own next to the chunks
    entryPoints: { main: 'src/cli/main.ts', 'pdf-pages': 'src/disclosure/read/pdf/pdf-pages.ts' },
    outdir: 'dist/yusuan',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    chunkNames: '[name]-[hash]',
    external: ['exceljs', 'pdfkit', 'pdfjs-dist', '@expo-google-fonts/*'],
    logLevel: 'warning',
    charset: 'utf8',
    minifyWhitespace: true,
    minifySyntax: true,
  });
  writeFileSync('dist/.built', `${new Date().toISOString()}\n`);
}
