/**
 * Mutations. Text: lines truncated, deleted, duplicated, swapped and moved, figures perturbed,
 * marks renumbered, stray characters inserted. Binaries: bits flipped, bytes overwritten, inserted
 * or deleted, ranges duplicated, the file truncated. Workbooks also get cell-level edits through
 * exceljs (rows deleted or duplicated, numbers and texts changed, merges undone, sheets dropped or
 * renamed), which reach the reader's logic rather than stopping at the zip's checksums.
 */
import ExcelJS from 'exceljs';
import type { Random } from './random.ts';

export interface Mutated<T> {
  value: T;
  /** what was done, in order, for the crash report */
  ops: string[];
}

const STRAYS = ['0', '9', '.', '-', ' ', '\u00a0', '\u3000', '\f', '\r', '\t', '１', '．', '⼀', '⽀', '预算', '表', '合计', '注：', '单位：元', '（', '）', '"', '\u0000', '\ufffd', '𠮷', 'é'];

type TextOp = (lines: string[], r: Random) => string;

const TEXT_OPS: Record<string, TextOp> = {
  truncate: (lines, r) => {
    const at = r.int(lines.length);
    const keep = r.int(lines[at].length + 1);
    lines.splice(at + 1);
    lines[at] = lines[at].slice(0, keep);
    return `truncate at line ${at + 1} col ${keep}`;
  },
  deleteLines: (lines, r) => {
    const at = r.int(lines.length);
    const n = 1 + r.int(r.chance(0.3) ? 40 : 4);
    lines.splice(at, n);
    return `delete ${n} lines at ${at + 1}`;
  },
  duplicateLines: (lines, r) => {
    const at = r.int(lines.length);
    const n = 1 + r.int(r.chance(0.3) ? 30 : 3);
    const to = r.int(lines.length + 1);
    lines.splice(to, 0, ...lines.slice(at, at + n));
    return `duplicate ${n} lines from ${at + 1} to ${to + 1}`;
  },
  swapLines: (lines, r) => {
    const [a, b] = [r.int(lines.length), r.int(lines.length)];
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return `swap lines ${a + 1} and ${b + 1}`;
  },
  moveBlock: (lines, r) => {
    const at = r.int(lines.length);
    const block = lines.splice(at, 1 + r.int(60));
    const to = r.int(lines.length + 1);
    lines.splice(to, 0, ...block);
    return `move ${block.length} lines from ${at + 1} to ${to + 1}`;
  },
  perturbNumbers: (lines, r) => {
    const at = numberLines(lines);
    if (!at.length) return 'perturb numbers: none';
    const done: string[] = [];
    for (let k = 1 + r.int(4); k > 0; k--) {
      const i = r.pick(at);
      const nums = [...lines[i].matchAll(/-?\d[\d,]*\.\d+/g)];
      if (!nums.length) continue;
      const m = r.pick(nums);
      const to = perturb(m[0], r);
      lines[i] = lines[i].slice(0, m.index) + to + lines[i].slice(m.index! + m[0].length);
      done.push(`${m[0]}→${to} (line ${i + 1})`);
    }
    return `perturb ${done.join(', ')}`;
  },
  renumberMark: (lines, r) => {
    const at = lines.flatMap((l, i) => (/预算\s*\d+\s*表/.test(l) ? [i] : []));
    if (!at.length) return 'renumber mark: none';
    const i = r.pick(at);
    const to = r.chance(0.2) ? '' : `预算${String(r.int(30)).padStart(2, '0')}表`;
    lines[i] = lines[i].replace(/预算\s*\d+\s*表/, to);
    return `mark on line ${i + 1} → "${to}"`;
  },
  strayChars: (lines, r) => {
    const done: string[] = [];
    for (let k = 1 + r.int(6); k > 0; k--) {
      const i = r.int(lines.length);
      const s = r.pick(STRAYS).repeat(r.chance(0.1) ? 50 : 1);
      const at = r.int(lines[i].length + 1);
      lines[i] = lines[i].slice(0, at) + s + lines[i].slice(at);
      done.push(`${JSON.stringify(s.slice(0, 4))} at ${i + 1}:${at}`);
    }
    return `insert ${done.join(', ')}`;
  },
};

function numberLines(lines: string[]): number[] {
  return lines.flatMap((l, i) => (/\d\.\d/.test(l) ? [i] : []));
}

function perturb(s: string, r: Random): string {
  switch (r.int(7)) {
    case 0: {
      const digits = [...s].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
      const i = r.pick(digits);
      return s.slice(0, i) + String((Number(s[i]) + 1 + r.int(9)) % 10) + s.slice(i + 1);
    }
    case 1:
      return s + String(r.int(10 ** 6)); // more decimals than 分
    case 2:
      return s.replace('.', '');
    case 3:
      return s.startsWith('-') ? s.slice(1) : `-${s}`;
    case 4:
      return '9'.repeat(12 + r.int(12)) + '.99';
    case 5:
      return s.replace(/\d$/, '');
    default:
      return '0.00';
  }
}

export function mutateText(text: string, r: Random): Mutated<string> {
  const lines = text.split('\n');
  const ops: string[] = [];
  for (let k = 1 + r.int(3); k > 0 && lines.length; k--) {
    const name = r.pick(Object.keys(TEXT_OPS));
    ops.push(TEXT_OPS[name](lines, r));
  }
  return { value: lines.join('\n'), ops };
}

type ByteOp = (b: Uint8Array, r: Random) => { bytes: Uint8Array; op: string };

const BYTE_OPS: Record<string, ByteOp> = {
  flipBits: (b, r) => {
    const out = new Uint8Array(b); // a copy (Buffer#slice would be a view)
    const at: number[] = [];
    for (let k = 1 + r.int(16); k > 0; k--) {
      const i = r.int(out.length);
      out[i] ^= 1 << r.int(8);
      at.push(i);
    }
    return { bytes: out, op: `flip bits at ${at.join(',')}` };
  },
  setBytes: (b, r) => {
    const out = new Uint8Array(b); // a copy (Buffer#slice would be a view)
    const at = r.int(out.length);
    const n = 1 + r.int(32);
    for (let i = at; i < Math.min(out.length, at + n); i++) out[i] = r.int(256);
    return { bytes: out, op: `overwrite ${n} bytes at ${at}` };
  },
  truncate: (b, r) => {
    const at = r.int(b.length);
    return { bytes: b.slice(0, at), op: `truncate to ${at} bytes` };
  },
  insertBytes: (b, r) => {
    const at = r.int(b.length + 1);
    const ins = Uint8Array.from({ length: 1 + r.int(64) }, () => r.int(256));
    return { bytes: concat(b.subarray(0, at), ins, b.subarray(at)), op: `insert ${ins.length} bytes at ${at}` };
  },
  deleteRange: (b, r) => {
    const at = r.int(b.length);
    const n = 1 + r.int(r.chance(0.2) ? 4096 : 64);
    return { bytes: concat(b.subarray(0, at), b.subarray(at + n)), op: `delete ${n} bytes at ${at}` };
  },
  duplicateRange: (b, r) => {
    const at = r.int(b.length);
    const n = 1 + r.int(2048);
    const to = r.int(b.length + 1);
    return { bytes: concat(b.subarray(0, to), b.subarray(at, at + n), b.subarray(to)), op: `copy ${n} bytes from ${at} to ${to}` };
  },
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

export function mutateBytes(bytes: Uint8Array, r: Random, rounds = 1 + r.int(3)): Mutated<Uint8Array> {
  let value = bytes;
  const ops: string[] = [];
  for (let k = rounds; k > 0 && value.length; k--) {
    const { bytes: next, op } = BYTE_OPS[r.pick(Object.keys(BYTE_OPS))](value, r);
    value = next;
    ops.push(op);
  }
  return { value, ops };
}

type SheetOp = (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, r: Random) => string;

const SHEET_OPS: Record<string, SheetOp> = {
  deleteRow: (_wb, ws, r) => {
    const row = 1 + r.int(Math.max(1, ws.rowCount));
    ws.spliceRows(row, 1);
    return `delete row ${row}`;
  },
  duplicateRow: (_wb, ws, r) => {
    const row = 1 + r.int(Math.max(1, ws.rowCount));
    ws.duplicateRow(row, 1 + r.int(2), true);
    return `duplicate row ${row}`;
  },
  setNumber: (_wb, ws, r) => {
    const cell = ws.getCell(1 + r.int(Math.max(1, ws.rowCount)), 1 + r.int(Math.max(1, ws.columnCount)));
    const v = r.pick([0, -1, 0.005, 123.456789, 1e20, -0.01, 216.3, 2060301, Number.MAX_SAFE_INTEGER]);
    cell.value = v;
    return `${cell.address} = ${v}`;
  },
  setText: (_wb, ws, r) => {
    const cell = ws.getCell(1 + r.int(Math.max(1, ws.rowCount)), 1 + r.int(Math.max(1, ws.columnCount)));
    const v = r.pick(['合计', '—', '-', 'abc', '1,234.56', '１２.３４', '206', '03', '104012', '注：', '预算05表', '', '0.00', '99999999999999999999.99', '单位：元']);
    cell.value = v;
    return `${cell.address} = "${v}"`;
  },
  clearCell: (_wb, ws, r) => {
    const cell = ws.getCell(1 + r.int(Math.max(1, ws.rowCount)), 1 + r.int(Math.max(1, ws.columnCount)));
    cell.value = null;
    return `clear ${cell.address}`;
  },
  unmerge: (_wb, ws, r) => {
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    if (!merges.length) return 'unmerge: none';
    const m = r.pick(merges);
    ws.unMergeCells(m);
    return `unmerge ${m}`;
  },
  removeSheet: (wb, ws) => {
    wb.removeWorksheet(ws.id);
    return `remove sheet ${ws.name}`;
  },
  renameSheet: (_wb, ws, r) => {
    const to = r.pick(['Sheet1', '预算99表', '目录', '收支总表', `表${r.int(30)}`]);
    const from = ws.name;
    ws.name = `${to}${r.int(1000)}`;
    return `rename sheet ${from} → ${ws.name}`;
  },
};

/** Cell-level edits through exceljs; then, sometimes, byte-level damage on top. */
export async function mutateWorkbook(bytes: Uint8Array, r: Random): Promise<Mutated<Uint8Array>> {
  const ops: string[] = [];
  let value = bytes;
  if (r.chance(0.7)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(bytes).buffer);
    for (let k = 1 + r.int(4); k > 0 && wb.worksheets.length; k--) {
      const ws = r.pick(wb.worksheets);
      const name = r.pick(Object.keys(SHEET_OPS));
      ops.push(`${ws.name}: ${SHEET_OPS[name](wb, ws, r)}`);
    }
    value = new Uint8Array(await wb.xlsx.writeBuffer());
  }
  if (!ops.length || r.chance(0.3)) {
    const bytesDone = mutateBytes(value, r);
    value = bytesDone.value;
    ops.push(...bytesDone.ops);
  }
  return { value, ops };
}
