/**
 * Downloadable renderings of a package's tables. Writers are loaded on first use, so a server
 * that only serves JSON never loads exceljs or pdfkit.
 */
import type { Table } from '../../ir/table.ts';

export interface Download {
  contentType: string;
  render: (tables: Table[], title: string) => Promise<Buffer>;
}

export const DOWNLOADS: Record<string, Download> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    render: async (tables) => Buffer.from((await import('../../formats/json.ts')).tablesToJson(tables)),
  },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    // one table as is; several one after another, each after a line with its mark and title
    render: async (tables) => {
      const { tableCsv } = await import('../../formats/csv.ts');
      if (tables.length === 1) return Buffer.from(tableCsv(tables[0]));
      const parts = tables.map((t) => `${t.mark} ${t.title.replace(/\s+/g, '')}\r\n${tableCsv(t).replace(/^\ufeff/, '')}`);
      return Buffer.from('\ufeff' + parts.join('\r\n'));
    },
  },
  html: {
    contentType: 'text/html; charset=utf-8',
    render: async (tables) => Buffer.from((await import('../../formats/html.ts')).htmlDocument(tables)),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: async (tables) => (await import('../../formats/xlsx.ts')).xlsxBuffer(tables),
  },
  pdf: {
    contentType: 'application/pdf',
    render: async (tables, title) => (await import('../../formats/pdf.ts')).pdfBuffer(tables, { title }),
  },
};

export const DOWNLOAD_FORMATS = Object.keys(DOWNLOADS);

/** Rendered files of immutable content (a snapshot, or a budget at one version), bounded. */
export class DownloadCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  constructor(private readonly max = 32) {}

  get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    let p = this.entries.get(key);
    if (!p) {
      p = make();
      p.catch(() => this.entries.delete(key));
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, p);
    }
    return p;
  }
}

/** `attachment` with an ASCII name and the UTF-8 name for browsers that read it. */
export const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
