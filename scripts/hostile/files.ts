/**
 * Hostile uploads, made on the spot (nothing to store): an .xlsx whose sheet inflates to hundreds
 * of MB, the same with headers that understate the sizes, a workbook with too many rows, and a
 * small PDF that keeps pdf.js busy page after page. Used by the tests and scripts/hostile-uploads.ts.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface ZipPart {
  name: string;
  /** raw deflate data and what it inflates to */
  deflated: Buffer;
  size: number;
  crc: number;
}

const MB = 1024 * 1024;

/** The parts every workbook needs besides its sheet: exceljs loads a file with just these. */
function workbookParts(): ZipPart[] {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="预算01表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  };
  return Object.entries(files).map(([name, text]) => {
    const data = Buffer.from(text);
    return { name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
  });
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData>';

/**
 * Deflates the sheet XML of `rows` rows made by `row(n)` and the elements `after` them, streaming
 * in 1 MB pieces (never all in memory).
 */
async function deflatedSheet(rows: number, row: (n: number) => string, after = ''): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let size = 0;
  let crc = 0;
  let pending = SHEET_HEAD;
  const flush = async () => {
    const b = Buffer.from(pending);
    pending = '';
    size += b.length;
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  for (let n = 1; n <= rows; n++) {
    pending += row(n);
    if (pending.length > MB) await flush();
  }
  pending += SHEET_TAIL + after + '</worksheet>';
  await flush();
  deflate.end();
  await done;
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(out), size, crc };
}

/**
 * A zip of the parts, stored with deflate. `declare` may replace a part's declared uncompressed
 * size (a lying header) — the CRC is then of the real content, as a forger would leave it.
 */
function zip(parts: ZipPart[], declare: (p: ZipPart) => number = (p) => p.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declare(p), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(declare(p), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A row of one text cell of `chars` characters: the bomb's unit (about 1 MB that deflates to 1 KB). */
const textRow = (chars: number) => (n: number) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${'预算'.repeat(chars / 2)}</t></is></c></row>`;
const BOMB_ROW = 349_524; // characters: 1 MiB of UTF-8

/** A sheet that inflates to about `mb` MB of text cells, in about mb/1000 MB of upload. */
export async function zipBombXlsx(mb = 400): Promise<Buffer> {
  return zip([...workbookParts(), await deflatedSheet(mb, textRow(BOMB_ROW))]);
}

/** The same bomb whose headers declare its sheet at 1 KB: only inflating it shows its size. */
export async function lyingZipBombXlsx(mb = 400): Promise<Buffer> {
  const sheet = await deflatedSheet(mb, textRow(BOMB_ROW));
  return zip([...workbookParts(), sheet], (p) => (p === sheet ? 1024 : p.size));
}

/** Row `n` of a table: a name and three amounts. */
const tableRow = (n: number) =>
  `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>项目${n}</t></is></c><c r="B${n}"><v>${n}</v></c><c r="C${n}"><v>${n * 7}</v></c><c r="D${n}"><v>3</v></c></row>`;

/** A sheet of `rows` rows of four cells: within every size cap, but too long to load. */
export async function hugeSheetXlsx(rows = 200_000): Promise<Buffer> {
  return zip([...workbookParts(), await deflatedSheet(rows, tableRow)]);
}

/** Ten rows and one merge over the whole sheet: exceljs would make a cell object for each of its 17 billion cells. */
export async function mergeBombXlsx(): Promise<Buffer> {
  return zip([...workbookParts(), await deflatedSheet(10, tableRow, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')]);
}

/** A well-formed workbook of `rows` rows: the control case the bounds must let through. */
export async function smallSheetXlsx(rows = 100): Promise<Buffer> {
  return zip([...workbookParts(), await deflatedSheet(rows, tableRow)]);
}

/**
 * A PDF of `pages` pages that all show one shared content stream of `items` text runs: a few KB
 * that pdf.js must lay out again on every page.
 */
export function slowPdf(pages = 400, items = 30_000): Buffer {
  let content = 'BT /F1 6 Tf\n';
  for (let i = 0; i < items; i++) content += `1 0 0 1 ${20 + (i % 50) * 11} ${20 + Math.floor(i / 50) % 780} Tm (${i % 97}) Tj\n`;
  content += 'ET\n';
  const stream = deflateRawSync(Buffer.from(content));
  // zlib wrapper for FlateDecode: header, raw deflate, Adler-32 of the content
  const flate = Buffer.concat([Buffer.from([0x78, 0x9c]), stream, adler32(Buffer.from(content))]);
  const objects: (string | Buffer)[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 5 + i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Count ${pages} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objects[4] = Buffer.concat([Buffer.from(`<< /Length ${flate.length} /Filter /FlateDecode >>\nstream\n`), flate, Buffer.from('\nendstream')]);
  for (const id of pageIds) objects[id] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = at;
    const body = Buffer.concat([Buffer.from(`${id} 0 obj\n`), Buffer.from(objects[id]), Buffer.from('\nendobj\n')]);
    parts.push(body);
    at += body.length;
  }
  const xref = ['xref', `0 ${objects.length}`, '0000000000 65535 f ', ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function adler32(data: Buffer): Buffer {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0);
  return out;
}
