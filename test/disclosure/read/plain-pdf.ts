/** Test helper: a PDF of a few lines of plain text (no table), optionally encrypted, made with pdfkit. */
import PDFDocument from 'pdfkit';
import { fontFiles } from '../../../src/formats/pdf/font-files.ts';

export function plainPdf(lines: string[], opts: { userPassword?: string; ownerPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...opts });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('text', fontFiles().regular);
  doc.font('text', 12);
  for (const l of lines) doc.text(l);
  doc.end();
  return done;
}
