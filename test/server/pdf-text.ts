/** Text of the PDFs the server sends, for tests (kept apart from helpers.ts: pdf.js is large to load). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF, page after page, whitespace removed (pdf.js: CJK text comes out glyph by glyph). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join('');
  await doc.destroy();
  return squash(text);
}

export const squash = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, '');
