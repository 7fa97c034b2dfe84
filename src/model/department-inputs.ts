/**
 * The 说明 inputs of a department put together from its units' own (部门预算 = the units' budgets).
 * Counts and amounts that describe every unit add up: staffing, 上年数, 政府采购, 国有资产, meetings
 * and training. A sum is given only when every unit gave its part — a total with a unit missing
 * would be printed as the department's figure and be wrong. Prose (职能职责, 机构设置, reasons) is a
 * unit's own words and is not carried over, except for a department of one unit, whose inputs are
 * its unit's. 单位构成 notes are kept unit by unit.
 *
 * A department-wide budget file imported unit by unit gives every unit a copy of the department's
 * inputs (server/services/model.ts unitPart). When all units carry the same inputs apart from their
 * 单位构成 notes, they are that one department-wide set and are taken once, not summed.
 */
import type { Budget } from './budget.ts';
import { KEY_FIGURES, type KeyFigures, type PublicationInputs } from './publication-inputs.ts';

type Part = PublicationInputs;

/** f of every part, or undefined when a part lacks it. */
function everyPart<P, T>(parts: P[], f: (p: P) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (const p of parts) {
    const v = f(p);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function sumCounts<K extends string>(xs: Partial<Record<K, number>>[], keys: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of keys) {
    const vs = everyPart(xs, (x): number | undefined => x[k]);
    if (vs) out[k] = sum(vs);
  }
  return out;
}

function staffing(parts: Part[]): Part['staffing'] {
  const all = everyPart(parts, (p) => p.staffing);
  if (!all) return undefined;
  const { establishment, serving, retired } = sumCounts(all, ['establishment', 'serving', 'retired'] as const);
  return { establishment: establishment!, serving: serving!, ...(retired !== undefined && { retired }) };
}

function previousYear(parts: Part[]): KeyFigures | undefined {
  const all = everyPart(parts, (p) => p.previousYear);
  if (!all) return undefined;
  const figures: KeyFigures = sumCounts(all, KEY_FIGURES);
  return Object.keys(figures).length ? figures : undefined;
}

function procurement(parts: Part[]): Part['procurement'] {
  const all = everyPart(parts, (p) => p.procurement);
  return all && { goods: sum(all.map((p) => p.goods)), works: sum(all.map((p) => p.works)), services: sum(all.map((p) => p.services)) };
}

function assets(parts: Part[]): Part['assets'] {
  const all = everyPart(parts, (p) => p.assets);
  // the counts are as of a date: units counted at different dates do not add up to one statement
  if (!all || new Set(all.map((a) => a.asOf)).size !== 1) return undefined;
  const vehicles = new Map<string, number>();
  for (const a of all) for (const v of a.vehicles) vehicles.set(v.category, (vehicles.get(v.category) ?? 0) + v.count);
  return {
    asOf: all[0].asOf,
    vehicles: [...vehicles].map(([category, count]) => ({ category, count })),
    equipmentOver50: sum(all.map((a) => a.equipmentOver50)),
    specialEquipmentOver100: sum(all.map((a) => a.specialEquipmentOver100)),
    newAssets: all.flatMap((a) => a.newAssets),
  };
}

/** Meetings or training: the counts add up; what they are about is each unit's own text. */
function activity(parts: Part[], key: 'meetings' | 'training'): Part['meetings'] {
  const all = everyPart(parts, (p) => p[key]);
  if (!all) return undefined;
  const people = everyPart(all, (a) => a.people);
  return { count: sum(all.map((a) => a.count)), ...(people && { people: sum(people) }) };
}

/** The department's inputs from its units' budgets (in unit code order); undefined when no unit has any. */
export function departmentInputs(units: Budget[]): PublicationInputs | undefined {
  const given = units.filter((b) => b.publication);
  if (!given.length) return undefined;
  if (units.length === 1) return units[0].publication;
  const seen = new Set<string>();
  const unitNotes = given.flatMap((b) => b.publication!.unitNotes).filter((n) => !seen.has(n.unit) && seen.add(n.unit));
  const shared = sameApartFromNotes(units);
  if (shared) return { ...shared, unitNotes };
  const parts = units.map((b) => b.publication ?? EMPTY);
  const out: PublicationInputs = {
    divisions: [],
    unitNotes,
    reasons: {},
    staffing: staffing(parts),
    previousYear: previousYear(parts),
    procurement: procurement(parts),
    assets: assets(parts),
    meetings: activity(parts, 'meetings'),
    training: activity(parts, 'training'),
  };
  for (const k of Object.keys(out) as (keyof PublicationInputs)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** The inputs every unit carries, when they are one set copied to each (unitNotes aside). */
function sameApartFromNotes(units: Budget[]): Part | undefined {
  const texts = units.map((b) => b.publication && JSON.stringify({ ...b.publication, unitNotes: [] }));
  return texts[0] !== undefined && texts.every((t) => t === texts[0]) ? units[0].publication : undefined;
}

const EMPTY: Part = { divisions: [], unitNotes: [], reasons: {} };
