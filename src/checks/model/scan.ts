/**
 * One pass over a budget's line items for all line-item rules. What a rule decides depends mostly
 * on an item's codes, so each distinct code is looked up once and its facts are shared by every
 * rule and every item that uses it; each item is visited once, not once per rule. A rule whose
 * verdict only its codes' facts decide (`reads`) runs until it passes once for those facts: it is
 * then known to pass for every later item with them (7 of the 10 rules: 2 million calls fewer a
 * round of the province).
 */
import type { Classification } from '../../classification/classification.ts';
import type { CodeList, Subject } from '../../classification/codes.ts';
import type { EconMapping, GovTarget, UnitType } from '../../classification/mapping.ts';
import { type Budget, KINDS, type LineItem } from '../../model/budget.ts';
import { POOLS } from '../../model/funds.ts';
import { WAN_CENTI } from '../../model/rounding.ts';
import { PUBLIC_GOODS_COLUMNS } from '../../tables/t13-public-goods-by-dept-econ.ts';
import type { Finding, Severity } from '../types.ts';

/** What a rule reports; the rule's id and (unless given) its severity are added by the runner. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

/** A code as one list knows it. Decided once per list (cached across budgets: lists do not change). */
export interface CodeFacts {
  code: string;
  subject: Subject | undefined;
  /** Its 类/款 that have no name in the list (R1-code-name). */
  unnamed: string[];
  /** The last scan that met the code, so that each scan lists the codes it uses once, in order of first use. */
  seenBy: number;
  /** Bits (by rule slot) of the rules reading these facts alone that passed on them. */
  passes: number;
  /** The same, of rules reading these facts and the item's kind: by kind (KINDS index). */
  passesByKind: number[];
}

export interface EconFacts extends CodeFacts {
  /** The 类, `30201` → `302`. */
  cls: string;
  /** A 款 of 预算13表's columns. */
  publicGoods: boolean;
  /** The mapping's government code for this departmental code, by unit type index (R5); null: none. */
  wants: (GovTarget | null)[];
  /**
   * Of the rules reading these facts, the unit type and the government code's facts: by unit type
   * index, the government facts they last passed with and which of them did (the mapping makes that
   * mostly one government code per departmental code and type).
   */
  partners: ({ gov: CodeFacts; passes: number } | undefined)[];
}

/** What the rules know about the item at hand; one object, refilled for each item. */
export interface ItemFacts {
  c: Classification;
  fn: CodeFacts;
  dept: EconFacts;
  gov: EconFacts;
  /** The type of the item's unit, if the budget lists the unit. */
  type: UnitType | undefined;
  /** A small number per unit type, for look-ups by type. */
  typeIndex: number;
}

/** A rule that looks at one line item at a time. */
export type ItemTest = (li: LineItem, f: ItemFacts) => RuleFinding | undefined;

/**
 * What alone decides whether a rule passes an item (the finding's text may say more): the facts of
 * its function, departmental or government code; the departmental code's with the item's kind; or
 * with the unit's type and the government code's facts. A rule without it is run on every item.
 */
export type Reads = 'fn' | 'dept' | 'gov' | 'dept+kind' | 'dept+type+gov';

export interface ItemCheck {
  item: ItemTest;
  reads?: Reads;
}

/** What the pass found: per item rule, its findings in item order; and the facts budget rules use. */
export interface Scan {
  b: Budget;
  c: Classification;
  found: RuleFinding[][];
  /**
   * The distinct codes the items use with their list (0 function, 1 departmental, 2 government), in
   * order of first use; of one item's codes, function before departmental before government.
   */
  codes: [CodeFacts, 0 | 1 | 2][];
  /** Unit and name of the projects paid with this year's fiscal money, in order of first use. */
  fiscalProjects: [string, string][];
  /** Every line item a whole 0.01 万元. */
  itemsOnStep: boolean;
}

const PUBLIC_GOODS = new Set(PUBLIC_GOODS_COLUMNS.map(([c]) => c));

function functionFacts(list: CodeList, code: string): CodeFacts {
  const subject = list.get(code);
  const unnamed = subject ? [code.slice(0, 3), code.slice(0, 5)].filter((x) => !list.has(x)) : [];
  return { code, subject, unnamed, seenBy: 0, passes: 0, passesByKind: KINDS.map(() => 0) };
}

function econFacts(list: CodeList, code: string): EconFacts {
  const cls = code.slice(0, 3);
  const unnamed = code.length === 5 && !list.has(cls) ? [cls] : [];
  return { code, subject: list.get(code), unnamed, seenBy: 0, passes: 0, passesByKind: KINDS.map(() => 0), cls, publicGoods: PUBLIC_GOODS.has(code), wants: [], partners: [] };
}

// Keyed by list (and, for departmental codes, by mapping): the objects a Classification is made of.
const functionCache = new WeakMap<CodeList, Map<string, CodeFacts>>();
const govCache = new WeakMap<CodeList, Map<string, EconFacts>>();
const deptCache = new WeakMap<CodeList, WeakMap<EconMapping, Map<string, EconFacts>>>();

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

/** Facts of codes outside the lists pile up with every bad input: a cache that large is started over. */
const MAX_CACHED = 20_000;
let scans = 0;

/** The mapping's target for the item's departmental code in a unit of its type, looked up once per pair. */
export function wantOf(f: ItemFacts, type: UnitType): GovTarget | undefined {
  const want = f.dept.wants[f.typeIndex];
  if (want !== undefined) return want ?? undefined;
  const looked = f.c.mapping.govFor(f.dept.code, type);
  f.dept.wants[f.typeIndex] = looked ?? null;
  return looked;
}

const typeIndexes = new Map<string, number>();
const typeIndex = (type: string) => typeIndexes.get(type) ?? typeIndexes.set(type, typeIndexes.size).size - 1;

/**
 * A bit per rule, the same in every scan (the facts and their bits outlive a scan, and `check` and
 * `build` run different sets of rules); rules past the 31st are run on every item.
 */
const slots = new Map<ItemTest, number>();
const bitOf = (test: ItemTest) => {
  let slot = slots.get(test);
  if (slot === undefined) slots.set(test, (slot = slots.size));
  return slot < 31 ? 1 << slot : 0;
};

const kindIndexes = new Map<string, number>(KINDS.map((k, i) => [k, i]));

const fiscalCurrent = (fund: string) => POOLS.gpbFiscalCurrent(fund) || POOLS.gfFiscalCurrent(fund) || POOLS.soeFiscalCurrent(fund);

/** Marks the rule of `bit` as passing for the facts it reads (`kind`: the item's KINDS index). */
function remember(reads: Reads, bit: number, f: ItemFacts, kind: number): void {
  if (reads === 'fn') f.fn.passes |= bit;
  else if (reads === 'dept') f.dept.passes |= bit;
  else if (reads === 'gov') f.gov.passes |= bit;
  else if (reads === 'dept+kind') {
    if (kind >= 0) f.dept.passesByKind[kind] |= bit;
  } else if (f.typeIndex >= 0) {
    const partner = f.dept.partners[f.typeIndex];
    if (partner?.gov === f.gov) partner.passes |= bit;
    else f.dept.partners[f.typeIndex] = { gov: f.gov, passes: bit };
  }
}

export function scan(b: Budget, c: Classification, checks: readonly ItemCheck[]): Scan {
  const token = ++scans;
  const fns = cached(functionCache, c.function, () => new Map());
  const depts = cached(cached(deptCache, c.deptEcon, () => new WeakMap()), c.mapping, () => new Map());
  const govs = cached(govCache, c.govEcon, () => new Map());
  for (const m of [fns, depts, govs]) if (m.size > MAX_CACHED) m.clear();
  const codes: Scan['codes'] = [];
  const types = new Map(b.units.map((u) => [u.code, u.type]));
  const tests = checks.map((x) => x.item);
  const bits = checks.map((x) => (x.reads ? bitOf(x.item) : 0));
  const found: RuleFinding[][] = tests.map(() => []);
  // Fiscal projects by unit: a look-up by the item's strings as they are, with no key built per item.
  const projects = new Map<string, Set<string>>();
  const fiscalProjects: Scan['fiscalProjects'] = [];
  const facts = { c } as ItemFacts;
  let unit: string | undefined;
  let unitProjects: Set<string> | undefined;
  let itemsOnStep = true;
  const items = b.lineItems;
  let fn: CodeFacts | undefined;
  let dept: EconFacts | undefined;
  let gov: EconFacts | undefined;
  let kind: string | undefined;
  let kindIndex = -1;
  for (let i = 0; i < items.length; i++) {
    const li = items[i];
    // Consecutive items often share a code (about half their function and government codes): the
    // previous item's facts then, without a look-up.
    if (fn === undefined || li.functionCode !== fn.code) {
      fn = fns.get(li.functionCode);
      if (!fn) fns.set(li.functionCode, (fn = functionFacts(c.function, li.functionCode)));
      if (fn.seenBy !== token) codes.push([fn, 0]), (fn.seenBy = token);
    }
    if (dept === undefined || li.deptEconCode !== dept.code) {
      dept = depts.get(li.deptEconCode);
      if (!dept) depts.set(li.deptEconCode, (dept = econFacts(c.deptEcon, li.deptEconCode)));
      if (dept.seenBy !== token) codes.push([dept, 1]), (dept.seenBy = token);
    }
    if (gov === undefined || li.govEconCode !== gov.code) {
      gov = govs.get(li.govEconCode);
      if (!gov) govs.set(li.govEconCode, (gov = econFacts(c.govEcon, li.govEconCode)));
      if (gov.seenBy !== token) codes.push([gov, 2]), (gov.seenBy = token);
    }
    if (li.unit !== unit || i === 0) {
      unit = li.unit;
      facts.type = types.get(unit);
      facts.typeIndex = facts.type === undefined ? -1 : typeIndex(facts.type);
      unitProjects = projects.get(unit);
    }
    if (li.kind !== kind || i === 0) kindIndex = kindIndexes.get((kind = li.kind)) ?? -1;
    facts.fn = fn;
    facts.dept = dept;
    facts.gov = gov;
    const partner = facts.typeIndex >= 0 ? dept.partners[facts.typeIndex] : undefined;
    const passing =
      fn.passes | dept.passes | gov.passes | (kindIndex >= 0 ? dept.passesByKind[kindIndex] : 0) | (partner !== undefined && partner.gov === gov ? partner.passes : 0);
    for (let r = 0; r < tests.length; r++) {
      const bit = bits[r];
      if (passing & bit) continue;
      const bad = tests[r](li, facts);
      if (bad) found[r].push(bad);
      else if (bit) remember(checks[r].reads!, bit, facts, kindIndex);
    }
    if (li.amount % WAN_CENTI !== 0) itemsOnStep = false;
    if (li.project && !unitProjects?.has(li.project) && fiscalCurrent(li.fund)) {
      if (!unitProjects) projects.set(li.unit, (unitProjects = new Set()));
      unitProjects.add(li.project);
      fiscalProjects.push([li.unit, li.project]);
    }
  }
  return { b, c, found, codes, fiscalProjects, itemsOnStep };
}
