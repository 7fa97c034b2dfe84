import { parseCsvObjects } from '../csv/parse.ts';
import type { Confidence } from './codes.ts';

/** 单位类型. 行政单位 and 参公事业单位 use the 机关 economic classes (501–504); others use 505/506. */
export const UNIT_TYPES = ['行政单位', '参公事业单位', '事业单位', '企业', '其他'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export type MappingScope = '机关' | '事业' | '全部';

export function scopeOf(unitType: UnitType): Exclude<MappingScope, '全部'> {
  return unitType === '行政单位' || unitType === '参公事业单位' ? '机关' : '事业';
}

export interface GovTarget {
  code: string;
  confidence: Confidence;
}

/** 部门预算支出经济分类 款 → 政府预算支出经济分类 款, by unit type. */
export class EconMapping {
  private readonly table = new Map<string, GovTarget>();

  constructor(rows: Iterable<{ dept: string; scope: MappingScope; gov: string; confidence: Confidence }>) {
    for (const r of rows) {
      const scopes: MappingScope[] = r.scope === '全部' ? ['机关', '事业'] : [r.scope];
      for (const s of scopes) this.table.set(`${s}:${r.dept}`, { code: r.gov, confidence: r.confidence });
    }
  }

  govFor(deptEconCode: string, unitType: UnitType): GovTarget | undefined {
    return this.table.get(`${scopeOf(unitType)}:${deptEconCode}`);
  }
}

export function parseEconMapping(csvText: string): EconMapping {
  const records = parseCsvObjects(csvText);
  return new EconMapping(
    records.map((r) => ({
      dept: r.dept_code,
      scope: r.unit_scope as MappingScope,
      gov: r.gov_code,
      confidence: (r.confidence || 'high') as Confidence,
    })),
  );
}
