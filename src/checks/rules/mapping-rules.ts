/**
 * Column-by-column identities between a table by 政府预算经济分类 and its twin by 部门预算经济分类,
 * generated from the year's 部门→政府 mapping list (so a user's own list changes them too). A rule
 * that rests on a mapping row of less than high confidence is only a warning.
 */
import type { Classification } from '../../classification/classification.ts';
import type { Confidence } from '../../classification/codes.ts';
import type { UnitType } from '../../classification/mapping.ts';
import { PUBLIC_GOODS_COLUMNS } from '../../tables/t13-public-goods-by-dept-econ.ts';
import type { JoinRule } from '../rule.ts';

const T10_GOV = ['50901', '50902', '50903', '50905', '50999'];
const T11_DEPT = ['30301', '30302', '30303', '30304', '30305', '30306', '30307', '30308', '30309', '30310', '30311', '30399'];
const T12_GOV = ['50201', '50202', '50203', '50205', '50206', '50208', '50209', '50299'];

function pairs(c: Classification, unitType: UnitType, govCols: string[], deptCols: string[], govKey: string, deptKey: string) {
  let worst: Confidence = 'high';
  const out: [string[], string[]][] = [];
  for (const g of govCols) {
    const from = deptCols.filter((d) => {
      const m = c.mapping.govFor(d, unitType);
      if (m?.code === g && m.confidence !== 'high') worst = m.confidence === 'low' || worst === 'low' ? 'low' : 'medium';
      return m?.code === g;
    });
    out.push([[`${govKey}${g}`], from.map((d) => `${deptKey}${d}`)]);
  }
  return { pairs: out.filter(([, r]) => r.length > 0), worst };
}

export function mappingRules(c: Classification): JoinRule[] {
  const t10 = pairs(c, '事业单位', T10_GOV, T11_DEPT, 'gov.', 'e.');
  const t12 = pairs(c, '行政单位', T12_GOV, PUBLIC_GOODS_COLUMNS.map(([d]) => d), 'gov.', 'e.');
  return [
    {
      id: 'X10-11-map',
      kind: 'join',
      severity: t10.worst === 'high' ? 'error' : 'warning',
      tables: ['10', '11'],
      left: '10',
      right: '11',
      pairs: t10.pairs,
      rows: ['total', 'department', 'unit', 'item'],
      formula: '预算10表 各款 = 预算11表 按对照表对应各款之和（逐行）',
      note: `对照表可信度最低为 ${t10.worst}`,
    },
    {
      id: 'X12-13-map-jiguan',
      kind: 'join',
      severity: t12.worst === 'high' ? 'error' : 'warning',
      tables: ['12', '13'],
      left: '12',
      right: '13',
      pairs: t12.pairs,
      rows: ['unit', 'item'],
      whereEmpty: [{ table: '12', cols: ['gov.505'] }],
      formula: '机关：预算12表 各款 = 预算13表 按对照表对应各款之和（逐行）',
      note: `对照表可信度最低为 ${t12.worst}；只适用于机关单位的行`,
    },
  ];
}
