/**
 * pdfmake set up once per process with Noto Sans SC (regular and bold), for the whole-publication
 * PDF. pdfkit, under pdfmake, embeds only the glyphs a document uses (subset fonts).
 */
import pdfmake from 'pdfmake';
import { FONT, fontFiles, WEIGHTS } from './font-files.ts';

export { FONT };

let ready: typeof pdfmake | undefined;

export function pdfMaker(): typeof pdfmake {
  if (ready) return ready;
  // pdfmake 0.3 takes font files by name only; its in-memory file system holds them.
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  const load = (weight: 'regular' | 'bold') => {
    const name = `NotoSansSC_${WEIGHTS[weight]}.ttf`;
    vfs.writeFileSync(name, fontFiles()[weight]);
    return name;
  };
  const regular = load('regular');
  const bold = load('bold');
  // The font has no italics: map them to the upright faces so no style can fail to resolve.
  pdfmake.setFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  // Documents are built from our own data only: no remote or local resources may be pulled in.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = pdfmake;
  return ready;
}
