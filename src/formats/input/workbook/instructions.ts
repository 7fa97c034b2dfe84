/** The text of the workbook's first sheet, 说明: how to fill each sheet, in the words of the forms. */
import { UNIT_TYPES } from '../../../classification/mapping.ts';
import { KINDS, PROJECT_CATEGORIES } from '../../../model/budget.ts';
import { FUND_SOURCES } from '../../../model/funds.ts';
import { LISTS_SHEET, SHEETS } from './layout.ts';

/** Rows of [heading, text]; a heading alone starts a section. */
export function instructionRows(): [string, string][] {
  return [
    ['部门预算录入工作簿', ''],
    ['用途', '填写本部门及所属单位的年度预算，生成湖南省部门预算公开 23 张表：yusuan build 本文件.xlsx --out 输出文件夹；只检查：yusuan check 本文件.xlsx。'],
    ['填写方法', '每张表第 1 行为表头，隐藏的第 2 行为字段名（请勿删除或修改），从第 3 行起每行填一条。不要删除或改名工作表；没有数据的表留空即可。可以增加行，不要合并单元格。'],
    ['金额', '所有金额的单位由“基本信息”表的“金额单位”决定（元 或 万元）。金额单元格只填数字，可带千分位逗号，不要写“万”“元”等文字。元最多 2 位小数，万元最多 6 位小数（即精确到分）。'],
    [
      '编码',
      '编码单元格为文本格式，请按文本填写以保留前导数字。可只填编码，也可从下拉列表选择“编码 名称”，读取时只取编码（名称须与编码一致）。' +
        '功能科目填 7 位项级编码；部门经济分类、政府经济分类填 5 位款级编码；政府经济分类可不填，由部门经济分类按单位类型推出。' +
        '部门代码 3 位；单位代码 6 位，以部门代码开头。',
    ],
    ['检查', '读取时发现的问题会注明工作表、行号和列名，并一次全部列出；全部改正后才生成公开表。'],
    ['', ''],
    ['工作表', ''],
    ...SHEETS.map((s): [string, string] => [s.name, s.about]),
    [LISTS_SHEET, '（隐藏）下拉列表的取值与科目代码表，请勿修改'],
    ['', ''],
    ['支出类型', KINDS.join('；')],
    ['单位类型', UNIT_TYPES.join('；')],
    ['项目类别', PROJECT_CATEGORIES.join('；')],
    ['', ''],
    ['资金来源', '“本年/”为本年收入安排，“上年结转结余/”为上年结转结余安排；按层级用“/”连接，须为下列之一：'],
    ...FUND_SOURCES.map((f): [string, string] => ['', f]),
  ];
}
