/**
 * A family of published table sets read by their printed columns (the Ministry of Finance budget
 * set, the 决算 set): how each table is recognised from its title, how its rows are shaped, and
 * the identities that must hold. The reader finds the columns a table prints from its header and
 * names them by concept (see concepts.ts); identities name concepts, so a column a publisher does
 * not print leaves the identities that need it not run.
 */

/** How a table's body is printed. */
export type Shape =
  /** 类 › 款 › 项 rows (codes split over columns or joined), a 合计 row */
  | 'tree'
  /** two side-by-side lists of label + figures (收入 | 支出) */
  | 'lists'
  /** two side-by-side code trees (决算 基本支出: 人员经费 | 公用经费) */
  | 'twoTrees'
  /** one row of figures without labels (“三公” tables) */
  | 'single';

export interface Kind {
  /** stable id, used by rules ("income", "gpb" …) */
  id: string;
  /** the national title, shown in reports */
  name: string;
  /** matches the normalised title (see normTitle) */
  title: RegExp;
  shape: Shape;
  /** code list of the tree rows */
  codes?: 'function' | 'econ';
  /** a set may leave it out (the eight-table budget set has no 国有资本经营 table) */
  optional?: boolean;
}

/**
 * Rows a reference reads: the 合计 row, or a list line by its label — the first below the line
 * labelled `after` when given (决算 总表 print 一、一般公共预算财政拨款 under 本年收入 and again under
 * 年初结转和结余).
 */
export type RowRef = { total: true } | { label: RegExp; side?: 'left' | 'right'; after?: RegExp };

export interface CellRef {
  table: string;
  row: RowRef;
  /** a column concept; `side` of a list row picks the half */
  col: string;
}

export type FamilyRule =
  /** in every row: total = Σ parts (the printed ones); run when the total and two parts are printed */
  | { id: string; kind: 'rowSum'; table: string; total: string; parts: string[]; formula: string }
  /** every parent row = Σ its child rows, each amount column */
  | { id: string; kind: 'tree'; table: string; formula: string }
  /** in every row: Σ lhs = Σ rhs (年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余); run when every column is printed */
  | { id: string; kind: 'rowBalance'; table: string; lhs: string[]; rhs: string[]; formula: string }
  /** Σ lhs op Σ rhs */
  | { id: string; kind: 'cells'; lhs: CellRef[]; rhs: CellRef[]; op?: '=' | '<='; formula: string }
  /** rows matched by code: left column op right column */
  | { id: string; kind: 'join'; left: string; right: string; cols: [string, string][]; op: '=' | '<='; formula: string };

export interface Family {
  id: string;
  /** 部门预算 / 部门决算 */
  name: string;
  kinds: Kind[];
  rules: FamilyRule[];
}

/**
 * A title without what varies between publishers: spaces, the year and anything before it (the
 * publisher's name), 部门/单位/预算单位 prefixes, quotes, bracket widths, list and table marks
 * (表N, 附表N, 预算NN表, "1.", "一、") and 续表.
 */
export function normTitle(s: string): string {
  // The mark first, while the space after it still ends it ("表5 2026年…").
  let t = s.normalize('NFKC').trim();
  t = t.replace(/^(附?表\s*(\d{1,2}|[一二三四五六七八九十]{1,3})(?=[\s\-—:：.、]|$)[\-—:：.、]?|预算\s*\d{1,2}\s*表|\d{1,2}\s*[.、](?!\d)|[一二三四五六七八九十]+、|[(（]\d+[)）]|[(（][一二三四五六七八九十]+[)）])/, '');
  t = t.replace(/[\s\u00a0\u3000]+/g, '');
  t = t.replace(/[“”"'‘’「」]/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
  t = t.replace(/[.…·・]+\d*$/, '');
  t = t.replace(/\(?续表?\d*\)?$/, '').replace(/^续表/, '');
  const year = /^.{0,40}?\d{4}年度?/.exec(t);
  if (year) t = t.slice(year[0].length);
  return t.replace(/^(区级|市级|本级)?(部门|预算单位|单位|本部门|本单位)/, '');
}

export function kindOfTitle(family: Family, line: string): Kind | undefined {
  const t = normTitle(line);
  return t.length <= 40 ? family.kinds.find((k) => k.title.test(t)) : undefined;
}
