/**
 * The entries of a publication's 目录 and bookmarks, numbered once for every writer: the part and
 * section headings (levels 1–2) and the 23 tables under 第二部分. (（一）-level headings are
 * bookmarked but not listed, as the printed 目录 of Hunan documents does.)
 */
import type { Publication } from '../../publication/document.ts';

export interface OutlineEntry {
  /** index of the block in `publication.blocks` */
  block: number;
  /** stable id for links and bookmarks */
  id: string;
  level: 1 | 2 | 3;
  text: string;
  inToc: boolean;
  /** a table of 第二部分 (listed one step further in) */
  table: boolean;
}

/** A table's title without the letter-spacing the printed title adds: "预算01表 收支总表". */
export const tableEntryText = (mark: string, title: string) => `${mark} ${title.replace(/[\s\u3000]+/g, '')}`;

export function outlineOf(p: Publication): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  p.blocks.forEach((b, i) => {
    if (b.type === 'heading') out.push({ block: i, id: `h${i}`, level: b.level, text: b.text, inToc: b.level <= 2, table: false });
    else if (b.type === 'table') out.push({ block: i, id: `t${b.table.id}`, level: 2, text: tableEntryText(b.table.mark, b.table.title), inToc: true, table: true });
  });
  return out;
}
