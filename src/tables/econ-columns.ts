/** Column sets shared by the tables that split spending by economic class. */
import { amount, BASIC, PROJECT, sum, type DefColumn, type Match } from './columns.ts';
import { group } from './columns.ts';

/** The 12 classes of 政府预算支出经济分类 (预算04表, 预算16表). */
export function govEconClassColumns(totalLabel: string, extra: Match = {}): DefColumn[] {
  const cls: [string, string][] = [
    ['501', '机关工资福利支出'],
    ['502', '机关商品和服务支出'],
    ['503', '机关资本性支出(一)'],
    ['504', '机关资本性支出(二)'],
    ['505', '对事业单位经常性补助'],
    ['506', '对事业单位资本性补助'],
    ['507', '对企业补助'],
    ['508', '对企业资本性支出'],
    ['509', '对个人和家庭的补助'],
    ['510', '对社会保障基金补助'],
    ['511', '债务利息及费用支出'],
    ['599', '其他支出'],
  ];
  return [
    sum(totalLabel, 'total', ...cls.map(([c]) => `gov.${c}`)),
    ...cls.map(([c, label]) => amount(label, `gov.${c}`, { ...extra, govEcon: [c] })),
  ];
}

/** The classes of 部门预算经济分类 that 项目支出 is shown by (预算01表, 预算05表, 预算17表). */
export const PROJECT_CLASSES: [string, string][] = [
  ['302', '按项目管理的商品和服务支出'],
  ['303', '按项目管理的对个人和家庭的补助'],
  ['307', '债务利息及费用支出'],
  ['309', '资本性支出（基本建设）'],
  ['310', '资本性支出'],
  ['311', '对企业补助（基本建设）'],
  ['312', '对企业补助'],
  ['313', '对社会保障基金补助'],
  ['399', '其他支出'],
];

/** 基本支出 by 301/302/303 and 项目支出 by class (预算05表, 预算17表). */
export function deptEconKindColumns(totalLabel: string): DefColumn[] {
  return [
    sum(totalLabel, 'total', 'basic.total', 'project.total'),
    group('基本支出', [
      sum('合计', 'basic.total', 'basic.301', 'basic.302', 'basic.303'),
      amount('工资福利支出', 'basic.301', { kinds: BASIC, deptEcon: ['301'] }),
      amount('一般商品和服务支出', 'basic.302', { kinds: BASIC, deptEcon: ['302'] }),
      amount('对个人和家庭的补助', 'basic.303', { kinds: BASIC, deptEcon: ['303'] }),
    ]),
    group('项目支出', [
      sum('合计', 'project.total', ...PROJECT_CLASSES.map(([c]) => `project.${c}`)),
      ...PROJECT_CLASSES.map(([c, label]) => amount(label, `project.${c}`, { kinds: PROJECT, deptEcon: [c] })),
    ]),
  ];
}

/** 预算07表 and the tables that copy its layout (15, 18, 19). */
export function basicProjectColumns(): DefColumn[] {
  return [
    sum('合计', 'total', 'basic.total', 'project'),
    group('基本支出', [
      sum('小计', 'basic.total', 'basic.301', 'basic.303', 'basic.302'),
      group('人员经费', [
        amount('工资福利支出', 'basic.301', { kinds: BASIC, deptEcon: ['301'] }),
        amount('对个人和家庭的补助', 'basic.303', { kinds: BASIC, deptEcon: ['303'] }),
      ]),
      amount('公用经费', 'basic.302', { kinds: BASIC, deptEcon: ['302'] }),
    ]),
    amount('项目支出', 'project', { kinds: PROJECT }),
  ];
}
