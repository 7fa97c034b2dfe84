/**
 * The 填写示例 sheet of the template: a few filled rows of the main sheets, including a code
 * outside the list with its name and a “三公” item booked under another 款. It is not read back.
 */
import { AMOUNT_FIELD } from '../../../model/line-item-fields.ts';
import { type ColumnSpec, sheetOf, type Target } from './layout.ts';

export const SAMPLES_SHEET = '填写示例';

export interface SampleSection {
  sheet: string;
  about: string;
  columns: ColumnSpec[];
  rows: Record<string, string>[];
}

const section = (target: Target, about: string, rows: Record<string, string>[]): SampleSection => {
  const spec = sheetOf(target);
  return { sheet: spec.name, about, columns: spec.columns, rows };
};

const item = (function_code: string, dept_econ_code: string, kind: string, amount: string, extra: Record<string, string> = {}) => ({
  unit_code: '237001',
  function_code,
  dept_econ_code,
  kind,
  fund_source: '本年/一般公共预算拨款/经费拨款',
  [AMOUNT_FIELD.column]: amount,
  ...extra,
});

export function sampleSections(): SampleSection[] {
  return [
    section('units', '示例单位（虚构）', [{ code: '237001', name: '湖南省乡村道路与农业技术服务中心', type: '事业单位' }]),
    section('projects', '项目支出须先在“项目”表登记', [{ unit: '237001', name: '农村公路养护技术服务', category: '其他资金' }]),
    section('lineItems', '金额单位为元时；第 3 行的编码不在科目表中，在“功能科目名称”填写名称（上级款也不在表中时写 款名称/项名称）；第 4 行是记在 30299 的“三公”经费', [
      item('2130104 事业运行', '30101 基本工资', '基本支出-人员经费', '1286400.00'),
      item('2080505 机关事业单位基本养老保险缴费支出', '30108 机关事业单位基本养老保险缴费', '基本支出-人员经费', '341268.72'),
      item('2140106', '30227 委托业务费', '项目支出', '2365481.19', { function_name: '公路水路运输/公路养护', project: '农村公路养护技术服务' }),
      item('2140106', '30299 其他商品和服务支出', '项目支出', '48725.60', { function_name: '公路水路运输/公路养护', project: '农村公路养护技术服务', three_public: '公务用车运行费' }),
    ]),
  ];
}
