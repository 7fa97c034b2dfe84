/**
 * The whole publication as a Word document (the `docx` library): real headings (标题 1–3, so Word
 * and WPS show the navigation pane and can rebuild the 目录), a table-of-contents field filled with
 * the headings, part one in portrait, the tables in a landscape section with real Word tables.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableOfContents,
  TextRun,
  type FileChild,
} from 'docx';
import type { Publication } from '../../publication/document.ts';
import { renderParagraph } from '../../publication/statement.ts';
import { docxTable } from './docx-table.ts';
import { outlineOf } from './outline.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const LANDSCAPE_MARGIN = 850; // 1.5 cm

const footer = () =>
  new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18 })] })],
  });

export async function publicationDocx(p: Publication): Promise<Buffer> {
  const ids = new Map(outlineOf(p).map((e) => [e.block, e.id]));
  const portrait: FileChild[] = [
    new Paragraph({ children: [new TextRun({ text: p.body, bold: true, size: 44 })], alignment: AlignmentType.CENTER, spacing: { before: 4000, after: 400 } }),
    new Paragraph({ children: [new TextRun({ text: `${p.year}年${p.word}预算`, bold: true, size: 56 })], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ children: [new TextRun({ text: '目    录', bold: true, size: 32 })], alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  const landscape: FileChild[] = [];
  let target = portrait;
  p.blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      if (b.part === 2) target = landscape;
      const id = ids.get(i)!;
      target.push(
        new Paragraph({
          heading: HEADINGS[b.level],
          pageBreakBefore: b.level === 1 && target === portrait,
          alignment: b.level === 1 ? AlignmentType.CENTER : undefined,
          children: [new Bookmark({ id, children: [new TextRun(b.text)] })],
        }),
      );
    } else if (b.type === 'paragraph') {
      target.push(new Paragraph({ children: [new TextRun(renderParagraph(b.statements))], indent: { firstLine: 420 }, spacing: { line: 360 } }));
    } else if (b.type === 'note') {
      target.push(new Paragraph({ children: [new TextRun({ text: b.text, size: 18 })], spacing: { before: 120 } }));
    } else {
      // Each table from a new page; its title is a 标题 2 so the 目录 and the navigation pane list it.
      target.push(new Paragraph({ children: [new PageBreak()] }), ...docxTable(b.table, ids.get(i)));
    }
  });
  const doc = new Document({
    title: p.title,
    creator: 'yusuan',
    subject: `${p.year}年${p.word}预算公开`,
    keywords: `${p.year}, ${p.word}预算`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' }, size: 21 } },
        heading1: { run: { size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 240 } } },
        heading2: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
    },
    sections: [
      { properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } }, footers: { default: footer() }, children: portrait },
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: LANDSCAPE_MARGIN, bottom: LANDSCAPE_MARGIN, left: LANDSCAPE_MARGIN, right: LANDSCAPE_MARGIN },
          },
        },
        footers: { default: footer() },
        children: landscape,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
