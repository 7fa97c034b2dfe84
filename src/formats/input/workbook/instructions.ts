/** The text of the workbook's first sheet, 说明: how to fill each sheet, in the words of the forms. */
import type { Classification } from '../../../classification/classification.ts';
import { UNIT_TYPES } from '../../../classification/mapping.ts';
import { KINDS, PROJECT_CATEGORIES } from '../../../model/budget.ts';
import { FUND_SOURCES } from '../../../model/funds.ts';
import { LISTS_SHEET, SHEETS } from './layout.ts';

/** Where each code list behind the dropdowns came from, and how to bring the official one. */
function listRows(c: Classification): [string, string][] {
  const names = { function: '支出功能分类', deptEcon: '部门预算支出经济分类', govEcon: '政府预算支出经济分类' } as const;
  const rows: [string, string][] = [['代码表来源', `下拉列表取自 ${c.year} 年的科目表：`]];
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    const origins = c.origins[key].map((o) => [o.provenance?.description ?? o.path, o.provenance?.note && `注意：${o.provenance.note}`].filter(Boolean).join(' '));
    rows.push([names[key], `${c[key].list().length} 个科目。${origins.join('；')}`]);
  }
  rows.push([
    '导入官方科目表',
    '随软件提供的科目表不完整，可信度逐行注明（high/medium/low；seen 为见于已公开文件的科目，imported 为导入的官方目录）。请取得当年财政部《政府收支分类科目》的 Excel 或 CSV 文件（含“科目编码”“科目名称”两列），' +
      '用 yusuan codes import 文件 --year 年度 导入（网页版由财政部门管理员在“科目表”中导入），再重新生成本工作簿。科目表中没有的功能科目，可在“功能科目名称”列填写名称。',
  ]);
  return rows;
}

/** Rows of [heading, text]; a heading alone starts a section. */
export function instructionRows(c: Classification): [string, string][] {
  return [
    ['部门预算录入工作簿', ''],
    ['用途', '填写本部门及所属单位的年度预算，生成湖南省部门预算公开 23 张表：yusuan build 本文件.xlsx --out 输出文件夹；只检查：yusuan check 本文件.xlsx。'],
    ['填写方法', '每张表第 1 行为表头，隐藏的第 2 行为字段名（请勿删除或修改），从第 3 行起每行填一条。不要删除或改名工作表；没有数据的表留空即可。可以增加行，不要合并单元格。'],
    ['金额', '所有金额的单位由“基本信息”表的“金额单位”决定（元 或 万元）。金额单元格只填数字，可带千分位逗号，不要写“万”“元”等文字。元最多 2 位小数，万元最多 6 位小数（即精确到分）。'],
    [
      '编码',
      '编码单元格为文本格式，请按文本填写以保留前导数字。可只填编码，也可从下拉列表选择“编码 名称”，读取时只取编码（名称须与编码一致）。' +
        '功能科目填 7 位项级编码；部门经济分类、政府经济分类填 5 位款级编码；政府经济分类可不填，由部门经济分类按单位类型推出。' +
        '部门代码 3 位；单位代码 6 位，以部门代码开头。编码不在科目表中时，在“功能科目名称”列填写项的名称（上级款、类也不在表中时用“/”连接，如 农业农村/行政运行），否则不能生成公开表。',
    ],
    ['检查', '读取时发现的问题会注明工作表、行号和列名，并一次全部列出；全部改正后才生成公开表。'],
    ['保护', '各表的表头和隐藏的字段名行已锁定（无密码的工作表保护，防止误改）；数据单元格可自由填写，可插入、删除行。“填写示例”表只供参考，不会被读取。'],
    ['', ''],
    ...listRows(c),
    ['', ''],
    ['工作表', ''],
    ...SHEETS.map((s): [string, string] => [s.name, s.about]),
    [LISTS_SHEET, '（深度隐藏）下拉列表的取值与科目代码表'],
    ['', ''],
    ['支出类型', KINDS.join('；')],
    ['单位类型', UNIT_TYPES.join('；')],
    ['项目类别', PROJECT_CATEGORIES.join('；')],
    ['', ''],
    ['资金来源', '“本年/”为本年收入安排，“上年结转结余/”为上年结转结余安排；按层级用“/”连接，须为下列之一：'],
    ...FUND_SOURCES.map((f): [string, string] => ['', f]),
  ];
}
