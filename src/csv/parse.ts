/**
 * A small RFC 4180 reader for the line-item CSV and the shipped code lists. It replaces csv-parse
 * there because every CLI call reads the lists once, cold: csv-parse's per-character state machine
 * cost more than the whole check of the seed example before the JIT warmed up.
 *
 * Fields are separated by commas, records by LF or CRLF; a quoted field may hold commas, newlines
 * and doubled quotes. A leading BOM is dropped, blank lines are skipped, unquoted fields are trimmed
 * and the blanks around a quoted field ignored (as csv-parse's `trim`). Rows may differ in length.
 */
export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the text where the problem starts */
    readonly line: number,
  ) {
    super(`第 ${line} 行：${message}`);
    this.name = 'CsvError';
  }
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const endsField = (c: string | undefined) => c === undefined || c === ',' || c === '\n' || c === '\r';

export function parseCsv(text: string): string[][] {
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quotedInRow = false;
  // The next quote and CR at or after i, found again only once passed (a search per line from i
  // would scan to the end of a file without any: quadratic).
  let quote = text.indexOf('"', i);
  let cr = text.indexOf('\r', i);
  while (i < n || row.length) {
    if (row.length === 0) {
      // A record on one line with no quote nor lone CR (every record of the shipped lists): split
      // natively, which cold (once per CLI call) is several times faster than the loop below.
      if (quote >= 0 && quote < i) quote = text.indexOf('"', i);
      if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      if (quote < 0 || quote > end) {
        const stop = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        if (cr < 0 || cr >= stop) {
          const fields = text.slice(i, stop).split(',');
          for (let k = 0; k < fields.length; k++) fields[k] = fields[k].trim();
          if (fields.length > 1 || fields[0] !== '') rows.push(fields);
          i = end + 1;
          line++;
          continue;
        }
      }
    }
    while (isBlank(text[i])) i++;
    if (text[i] === '"') {
      const start = line;
      let field = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new CsvError('引号未闭合', start);
        field += text.slice(j, q);
        if (text[q + 1] !== '"') {
          j = q + 1;
          break;
        }
        field += '"';
        j = q + 2;
      }
      for (let k = i; k < j; k++) if (text[k] === '\n') line++;
      i = j;
      while (isBlank(text[i])) i++;
      if (!endsField(text[i])) throw new CsvError('引号后有多余字符', line);
      row.push(field);
      quotedInRow = true;
    } else {
      let j = i;
      while (!endsField(text[j])) j++;
      row.push(text.slice(i, j).trim());
      i = j;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // end of record (newline or end of text)
    if (i < n) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    }
    if (row.length > 1 || row[0] !== '' || quotedInRow) rows.push(row);
    row = [];
    quotedInRow = false;
  }
  return rows;
}

/** Records keyed by the header row's names; a missing trailing field is undefined. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => {
    const o: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) o[header[k]] = r[k];
    return o;
  });
}
