/**
 * The whole publication as PDF: a cover with the year and the body's name, 目录 with page numbers
 * (pdfmake page references), 第一部分 (portrait A4), 第二部分 the tables (landscape A4, laid out by
 * the tables-only writer's `tableContent`), PDF bookmarks for every heading and table, the title
 * and year in the metadata, and “续表” with the table's title on each page a table runs on to.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Publication } from '../../publication/document.ts';
import { renderParagraph } from '../../publication/statement.ts';
import { FONT, pdfMaker } from '../pdf/fonts.ts';
import { PAGE_MARGINS, tableContent, TITLE_STYLE } from '../pdf/table-content.ts';
import { outlineOf } from './outline.ts';

const TEXT_MARGINS: [number, number, number, number] = [72, 64, 72, 64];
const HEADING = {
  1: { fontSize: 16, bold: true, alignment: 'center' as const, margin: [0, 0, 0, 18] as [number, number, number, number] },
  2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] as [number, number, number, number] },
  3: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 4] as [number, number, number, number] },
};

/** pdfmake keeps our table nodes and records on them where they were placed; 续表 reads that. */
type Placed = Content & { positions?: { pageNumber: number }[] };

export function publicationDefinition(p: Publication): TDocumentDefinitions {
  const outline = outlineOf(p);
  const entry = new Map(outline.map((e) => [e.block, e]));
  const parents: string[] = [];
  const tableNodes: { node: Placed; caption: string }[] = [];
  // Part one is portrait text; the tables keep the landscape page of the tables-only PDF.
  const text: Content[] = [];
  const tables: Content[] = [];
  let body = text;
  p.blocks.forEach((b, i) => {
    const e = entry.get(i);
    const mark = e && { id: e.id, outline: true, outlineText: e.text, ...(parents[e.level - 2] ? { outlineParentId: parents[e.level - 2] } : {}) };
    if (e) parents.splice(e.level - 1, parents.length, e.id);
    switch (b.type) {
      case 'heading':
        if (b.part === 2) body = tables;
        body.push({
          text: b.text,
          ...HEADING[b.level],
          ...mark,
          ...(b.level === 1 && body === text ? { pageBreak: 'before' as const } : {}),
        });
        break;
      case 'paragraph':
        body.push({ text: renderParagraph(b.statements), leadingIndent: 21, lineHeight: 1.5, margin: [0, 0, 0, 4], fontSize: 10.5 });
        break;
      case 'note':
        body.push({ text: b.text, fontSize: 9, margin: [0, 8, 0, 0] });
        break;
      case 'table': {
        const [markLine, ...rest] = tableContent(b.table, false);
        const node = rest.find((c) => typeof c === 'object' && 'table' in c) as Placed;
        tableNodes.push({ node, caption: `${b.table.mark} ${b.table.title.trim()}（续表）` });
        body.push({ ...(markLine as object), ...mark } as Content, ...rest);
        break;
      }
    }
  });
  const toc: Content = {
    table: {
      widths: ['*', 'auto'],
      body: outline
        .filter((e) => e.inToc)
        .map((e) => [
          { text: e.text, linkToDestination: e.id, margin: [(e.level - 1) * 16 + (e.table ? 16 : 0), 2, 0, 2], bold: e.level === 1 },
          { pageReference: e.id, linkToDestination: e.id, alignment: 'right', margin: [0, 2, 0, 2] },
        ]),
    },
    layout: 'noBorders',
    fontSize: 10.5,
  };
  const continued = (page: number) =>
    tableNodes.find(({ node }) => {
      const pages = node.positions?.map((x) => x.pageNumber) ?? [];
      return pages.includes(page) && Math.min(...pages) < page;
    });
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: TEXT_MARGINS,
    info: { title: p.title, author: p.body, subject: `${p.year}年${p.word}预算公开`, keywords: `${p.year}, ${p.word}预算, 预算公开`, creator: 'yusuan', producer: 'yusuan' },
    defaultStyle: { font: FONT, fontSize: 10.5 },
    styles: { title: TITLE_STYLE },
    footer: (page: number, pages: number) => (page === 1 ? null : { text: `第 ${page} 页，共 ${pages} 页`, alignment: 'center', fontSize: 8, margin: [0, 12, 0, 0] }),
    content: [
      { text: p.body, fontSize: 22, bold: true, alignment: 'center', margin: [0, 200, 0, 24] },
      { text: `${p.year}年${p.word}预算`, fontSize: 28, bold: true, alignment: 'center' },
      { text: '目    录', fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 18], pageBreak: 'before' },
      toc,
      ...text,
      {
        section: tables,
        pageSize: 'A4',
        pageOrientation: 'landscape',
        pageMargins: PAGE_MARGINS,
        header: (page: number) => {
          const c = continued(page);
          return c ? { text: c.caption, fontSize: 8, margin: [PAGE_MARGINS[0], 12, PAGE_MARGINS[2], 0] } : null;
        },
      },
    ],
  } as TDocumentDefinitions;
}

/** The publication's PDF, in memory. */
export async function publicationPdf(p: Publication): Promise<Buffer> {
  return pdfMaker().createPdf(publicationDefinition(p)).getBuffer();
}
