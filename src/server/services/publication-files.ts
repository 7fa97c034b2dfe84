/**
 * The whole 部门预算公开 document (cover, 目录, 第一部分 说明, 第二部分 the 23 tables) of a
 * published snapshot, as PDF, DOCX or HTML. It is built from the frozen content (its model and its
 * tables as published), so a version's document never changes and is rendered once (DownloadCache).
 * A department's document is built from its package (the units' latest published versions put
 * together), so it is rendered once per content hash. Writers are loaded on first use.
 */
import type { Classification } from '../../classification/classification.ts';
import type { Publication } from '../../publication/document.ts';
import { buildPublication } from '../../publication/publication.ts';
import type { DepartmentPackage } from './department-packages.ts';
import type { SnapshotContent } from './snapshot.ts';

export interface PublicationFormat {
  contentType: string;
  render: (p: Publication) => Promise<Buffer>;
}

export const PUBLICATION_FORMATS: Record<string, PublicationFormat> = {
  pdf: { contentType: 'application/pdf', render: async (p) => (await import('../../formats/document/pdf.ts')).publicationPdf(p) },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (p) => (await import('../../formats/document/docx.ts')).publicationDocx(p),
  },
  html: { contentType: 'text/html; charset=utf-8', render: async (p) => Buffer.from((await import('../../formats/document/html.ts')).publicationHtml(p)) },
};

/** The document of a snapshot: its stored tables, not tables rebuilt by today's code. */
export const snapshotPublication = (content: SnapshotContent, classification: Classification): Publication =>
  buildPublication(content.budget, classification, content.tables);

/**
 * The department's document: 说明 and tables of its composed budget. Its 说明 inputs are its units'
 * put together (model/department-inputs.ts): counts and amounts summed when every unit gave them,
 * 单位构成 notes kept; a unit's own prose is not the department's and is left out.
 */
export const departmentPublication = (d: DepartmentPackage, classification: Classification): Publication =>
  buildPublication(d.budget, classification, d.tables);
