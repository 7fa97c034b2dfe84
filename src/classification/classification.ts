import { CodeList, parseCodeList, type Subject } from './codes.ts';
import { EconMapping, parseEconMapping } from './mapping.ts';
import type { ListProvenance } from './provenance.ts';

/** One file that contributed to a list: shipped with yusuan, imported by the user, or the budget's own. */
export interface ListLayer {
  path: string;
  origin: 'shipped' | 'user' | 'budget' | 'database';
  text: string;
  provenance?: ListProvenance;
}

export type ListOrigin = Omit<ListLayer, 'text'>;

/** All code lists of one budget year. */
export interface Classification {
  year: number;
  /** Where the lists came from (a folder), for messages. */
  source: string;
  function: CodeList;
  deptEcon: CodeList;
  govEcon: CodeList;
  mapping: EconMapping;
  /** Per list, the files it was read from, most general first. */
  origins: Record<keyof ClassificationTexts, ListOrigin[]>;
}

export interface ClassificationTexts {
  function: string;
  deptEcon: string;
  govEcon: string;
  mapping: string;
}

export const LIST_FILES: Record<keyof ClassificationTexts, string> = {
  function: 'function.csv',
  deptEcon: 'econ-dept.csv',
  govEcon: 'econ-gov.csv',
  mapping: 'econ-mapping.csv',
};

const LIST_NAMES = { function: '支出功能分类', deptEcon: '部门预算支出经济分类', govEcon: '政府预算支出经济分类' } as const;

/** Code lists overlay code by code; the mapping is taken from the last layer that has one. */
export function buildClassification(year: number, source: string, layers: Record<keyof ClassificationTexts, ListLayer[]>): Classification {
  const list = (key: keyof typeof LIST_NAMES) => {
    const subjects = new Map<string, Subject>();
    for (const l of layers[key] ?? []) for (const s of parseCodeList(LIST_NAMES[key], l.text, l.path).list()) subjects.set(s.code, s);
    return new CodeList(LIST_NAMES[key], subjects.values());
  };
  const mappingLayer = layers.mapping?.at(-1);
  if (!mappingLayer) throw new Error(`${source}：缺少 ${LIST_FILES.mapping}`);
  const origins = Object.fromEntries(
    (Object.keys(LIST_FILES) as (keyof ClassificationTexts)[]).map((k) => [k, (k === 'mapping' ? [mappingLayer] : (layers[k] ?? [])).map(({ text: _, ...o }) => o)]),
  ) as Classification['origins'];
  return { year, source, function: list('function'), deptEcon: list('deptEcon'), govEcon: list('govEcon'), mapping: parseEconMapping(mappingLayer.text), origins };
}

/** The caveats of the lists in use, once each: a list overlaid by an imported one has none. */
export function listNotes(c: Classification): string[] {
  return [...new Set(Object.values(c.origins).map((os) => os.at(-1)?.provenance?.note).filter((n): n is string => !!n))];
}

/** A copy of `c` whose list `key` has `subjects` added (or replaced, code by code). */
export function withSubjects(c: Classification, key: keyof typeof LIST_NAMES, subjects: Subject[]): Classification {
  return { ...c, [key]: new CodeList(c[key].name, [...c[key].list(), ...subjects]) };
}
