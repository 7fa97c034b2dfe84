/**
 * pdfmake set up once per process: Noto Sans SC (regular and bold) read into memory on first use
 * and registered with the pdfmake singleton, so later PDFs skip reading 21 MB of font files.
 * pdfkit embeds only the glyphs a document uses (subset fonts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

export const FONT = 'NotoSansSC';

let ready: typeof pdfmake | undefined;

export function pdfMaker(): typeof pdfmake {
  if (ready) return ready;
  const require = createRequire(import.meta.url);
  // pdfmake 0.3 takes font files by name only; its in-memory file system holds them.
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  const load = (weight: string) => {
    const name = `NotoSansSC_${weight}.ttf`;
    vfs.writeFileSync(name, readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/${name}`)));
    return name;
  };
  const regular = load('400Regular');
  const bold = load('700Bold');
  // The font has no italics: map them to the upright faces so no style can fail to resolve.
  pdfmake.setFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  // Documents are built from our own data only: no remote or local resources may be pulled in.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = pdfmake;
  return ready;
}
