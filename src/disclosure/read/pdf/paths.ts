/**
 * The ruled lines of a page, from its operator list: stroked horizontal and vertical segments, and
 * thin filled rectangles (how spreadsheet exports often draw cell borders). Positions are in points
 * from the top-left corner, after the graphics state's transforms.
 */
import './natives.ts'; // before pdf.js: see there
import { Util } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Segment {
  /** x of a vertical rule, y of a horizontal one */
  at: number;
  from: number;
  to: number;
}

export interface Rules {
  h: Segment[];
  v: Segment[];
}

/** pdf.js path-building opcodes inside constructPath data (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A rule is at most this thick (points); anything thicker is a shaded area, not a line. */
const THIN = 2.5;
const MIN_LENGTH = 2;

type Matrix = number[];

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export function pathRules(ops: OperatorList, base: Matrix, OPS: Record<string, number>): Rules {
  const out: Rules = { h: [], v: [] };
  const stack: Matrix[] = [];
  let ctm = base;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && isMatrix(args)) ctm = Util.transform(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (args && isMatrix(args[0])) ctm = Util.transform(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const op = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!(data instanceof Float32Array) && !Array.isArray(data)) continue;
      addPath(data as ArrayLike<number>, ctm, strokes.has(op), fills.has(op), out);
    }
  }
  return out;
}

function isMatrix(m: unknown): boolean {
  return (Array.isArray(m) || m instanceof Float32Array) && m.length === 6 && Array.prototype.every.call(m, Number.isFinite);
}

function addPath(data: ArrayLike<number>, ctm: Matrix, stroke: boolean, fill: boolean, out: Rules) {
  let sub: number[][] = [];
  const flush = () => {
    if (fill) thinRect(sub, out);
    sub = [];
  };
  const point = (x: number, y: number) => [x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]];
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    if (op === MOVE || op === LINE) {
      if (k + 2 > data.length) break;
      const p = point(data[k], data[k + 1]);
      k += 2;
      if (op === MOVE) flush();
      else if (stroke && sub.length) addSegment(sub[sub.length - 1], p, out);
      sub.push(p);
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      if (k + n > data.length) break;
      sub.push(point(data[k + n - 2], data[k + n - 1]));
      sub.push([NaN, NaN]); // a curve is never part of a rule
      k += n;
    } else if (op === CLOSE) {
      if (stroke && sub.length > 1) addSegment(sub[sub.length - 1], sub[0], out);
      flush();
    } else break;
  }
  flush();
}

function addSegment(a: number[], b: number[], out: Rules) {
  if (![...a, ...b].every(Number.isFinite)) return;
  if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) >= MIN_LENGTH) out.h.push({ at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
  else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) >= MIN_LENGTH) out.v.push({ at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
}

/** A filled axis-aligned rectangle thinner than a rule becomes that rule. */
function thinRect(pts: number[][], out: Rules) {
  if (pts.length < 4 || pts.length > 5 || !pts.flat().every(Number.isFinite)) return;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axis = pts.every((p, i) => {
    const q = pts[(i + 1) % pts.length];
    return Math.abs(p[0] - q[0]) < 0.5 || Math.abs(p[1] - q[1]) < 0.5;
  });
  if (!axis) return;
  if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) out.h.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) out.v.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
}
