/**
 * Noto Sans SC (regular and bold), as @expo-google-fonts/noto-sans-sc ships it, read into memory
 * on first use: later PDFs of the process skip reading 21 MB of font files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FONT = 'NotoSansSC';
export const WEIGHTS = { regular: '400Regular', bold: '700Bold' } as const;

let files: { regular: Buffer; bold: Buffer } | undefined;

export function fontFiles(): { regular: Buffer; bold: Buffer } {
  if (files) return files;
  const require = createRequire(import.meta.url);
  const load = (weight: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`));
  files = { regular: load(WEIGHTS.regular), bold: load(WEIGHTS.bold) };
  return files;
}
