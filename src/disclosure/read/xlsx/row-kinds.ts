/**
 * What a worksheet row is, from its key cells (the code and name columns before the figures): 合计;
 * a department (3-digit code) or unit (6 digits); a 类 / 款 / 项 of the table's code list, printed
 * as one code (tree tables: `206`, `20603` or `03`, `2060301`) or in 类 / 款 / 项 columns beside the
 * unit code (item tables); a project of 预算20表 (a name under its unit); a goal row (a unit code
 * first). The same shapes the text reader recognises, decided here from exact cells.
 */
import { leaves, type Cell, type RowKind } from '../../../ir/table.ts';
import type { TableLayout } from '../../layouts/layout.ts';
import { compact, norm } from '../text/tokens.ts';

export interface RowKey {
  kind: RowKind;
  code?: string;
  unit?: string;
  indent: number;
}

export interface KindContext {
  layout: TableLayout;
  isClass: (code: string) => boolean;
  /** normalised names of units and departments with their codes (rows that print no code) */
  knownNames: Map<string, string>;
}

const TOTAL = /^(合计|总计)[:：]?$/;

/** A classifier that follows one table's rows top to bottom (units and 类 carry over). */
export function rowKinds(ctx: KindContext): (cells: Cell[]) => RowKey | undefined {
  const { layout } = ctx;
  const ls = leaves(layout.header);
  const first = ls.findIndex((c) => c.kind === 'amount');
  const keys = ls.flatMap((c, i) => (c.kind === 'code' || (c.kind === 'text' && (first < 0 || i < first)) ? [i] : []));
  const codeCols = keys.filter((i) => ls[i].kind === 'code');
  const col = (label: string) => codeCols.find((i) => ls[i].path[ls[i].path.length - 1] === label);
  const [clsCol, sectionCol, itemCol] = [col('类'), col('款'), col('项')];
  const unitCol = codeCols.find((i) => i !== clsCol && i !== sectionCol && i !== itemCol);
  const nameCol = keys.find((i) => ls[i].kind === 'text');
  const orgRows = layout.orgRows !== false;
  let unit: string | undefined;
  let cls = '';
  let prev: RowKind | undefined;

  return (cells) => {
    const text = (i: number | undefined) => (i === undefined ? '' : compact(typeof cells[i] === 'string' ? (cells[i] as string) : ''));
    if (keys.some((i) => TOTAL.test(text(i)))) return (prev = 'total'), { kind: 'total', indent: 0 };
    const at = (kind: RowKind, code: string | undefined, indent: number, under = true): RowKey => {
      prev = kind;
      if (kind === 'unit') unit = code;
      if (kind === 'class' && code) cls = code;
      return { kind, ...(code ? { code } : {}), ...(under && unit ? { unit } : {}), indent };
    };
    const name = text(nameCol);
    // The empty goal table prints its 合计 row of zeros without a label.
    if (prev === undefined && keys.every((i) => !text(i))) return (prev = 'total'), { kind: 'total', indent: 0 };
    if (layout.rows === 'goals') {
      const code = text(codeCols[0]);
      return code || name ? { kind: 'project', ...(code ? { code, unit: code } : {}), indent: 0 } : undefined;
    }
    if (clsCol !== undefined && /^\d{3}$/.test(text(clsCol))) {
      const code = text(clsCol) + text(sectionCol) + text(itemCol);
      const own = text(unitCol) || unit;
      prev = 'item';
      return { kind: 'item', code, ...(own ? { unit: own } : {}), indent: 2 };
    }
    const code = text(unitCol ?? codeCols[0]);
    if (/^\d{6}$/.test(code)) return at('unit', code, 1, false);
    if (/^\d{3}$/.test(code)) {
      const underUnit = !orgRows || (prev !== undefined && prev !== 'total' && prev !== 'department');
      return layout.rows === 'tree' && underUnit && ctx.isClass(code) ? at('class', code, 2) : at('department', code, 0, false);
    }
    if (layout.rows === 'tree') {
      if (/^\d{5}$/.test(code)) return at('section', code, 3);
      if (/^\d{2}$/.test(code) && cls) return at('section', cls + code, 3);
      if (/^\d{7}$/.test(code)) return at('item', code, 4);
    }
    if (!code && name && layout.rows === 'projects') return at('project', undefined, 2);
    if (!code && name && !codeCols.length) {
      // 预算23表: units by name, not indented (no department row above them)
      return at('unit', ctx.knownNames.get(norm(name)), 0, false);
    }
    return undefined;
  };
}
