/**
 * The whole 部门预算公开 document as data: cover, 目录 (drawn by each writer from the headings),
 * 第一部分 说明 made of statements, 第二部分 the 23 tables. Writers (PDF, DOCX, HTML) only lay it out.
 */
import type { Table } from '../ir/table.ts';
import type { Paragraph } from './statement.ts';
import type { BodyWord } from './vocabulary.ts';

export type Block =
  /** level 1: 第一部分 (with its part: 1 the 说明, 2 the tables); 2: 一、; 3: （一） */
  | { type: 'heading'; level: 1 | 2 | 3; text: string; part?: 1 | 2 }
  | { type: 'paragraph'; statements: Paragraph }
  | { type: 'table'; table: Table }
  | { type: 'note'; text: string };

export interface Publication {
  year: number;
  /** the department's or the only unit's name */
  body: string;
  word: BodyWord;
  /** "湖南省科技厅2024年部门预算" */
  title: string;
  blocks: Block[];
}

export const EMPTY_TABLES_NOTE = (w: BodyWord) => `注：以上${w}预算报表中，空表表示本${w}无相关收支情况。`;
