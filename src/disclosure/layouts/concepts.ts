/**
 * Column concepts: what a printed column holds, named from its header label (the leaf) and the
 * group labels above it, whatever the order and subset a publisher prints. The first rule whose
 * pattern the leaf matches (with its groups as context) wins; more specific words come first.
 */

export interface Concept {
  key: string;
  /** the official term, for reports */
  label: string;
}

interface Rule extends Concept {
  leaf: RegExp;
  /** the groups above the leaf must match this, when given */
  group?: RegExp;
}

const RULES: Rule[] = [
  { key: 'personnel', label: '人员经费', leaf: /人员经费/ },
  { key: 'public', label: '公用经费', leaf: /公用经费/ },
  { key: 'operation', label: '机关运行经费', leaf: /机关运行经费/ },
  { key: 'abroad', label: '因公出国（境）费', leaf: /因公出国/ },
  { key: 'reception', label: '公务接待费', leaf: /公务接待/ },
  { key: 'car.purchase', label: '公务用车购置费', leaf: /购置费$/ },
  { key: 'car.running', label: '公务用车运行费', leaf: /运行(维护)?费$/ },
  { key: 'car.total', label: '公务用车购置及运行费', leaf: /公务用车购置及运行|^小计$/, group: /公务用车/ },
  { key: 'spend.total', label: '本年支出·小计', leaf: /^小计$/, group: /本年支出/ },
  { key: 'basic', label: '基本支出', leaf: /基本支出/ },
  { key: 'project', label: '项目支出', leaf: /项目支出/ },
  { key: 'upperPay', label: '上缴上级支出', leaf: /上缴上级/ },
  { key: 'subsidy', label: '对附属单位补助支出', leaf: /对附属单位/ },
  { key: 'operatingExp', label: '经营支出', leaf: /经营支出/ },
  { key: 'gpb', label: '一般公共预算', leaf: /一般公共预算/ },
  { key: 'gf', label: '政府性基金预算', leaf: /政府性基金/ },
  { key: 'soe', label: '国有资本经营预算', leaf: /国有资本经营/ },
  { key: 'fiscal', label: '财政拨款收入', leaf: /财政拨款/ },
  { key: 'upper', label: '上级补助收入', leaf: /上级补助/ },
  { key: 'subsidiary', label: '附属单位上缴收入', leaf: /附属单位?上缴/ },
  { key: 'operating', label: '事业单位经营收入', leaf: /经营收入/ },
  { key: 'shiye', label: '事业收入', leaf: /事业收入/ },
  { key: 'other', label: '其他收入', leaf: /其他收入/ },
  { key: 'opening', label: '年初结转和结余', leaf: /年初|上年结转/ },
  { key: 'closing', label: '年末结转和结余', leaf: /年末|年终结转/ },
  { key: 'income', label: '本年收入', leaf: /^本年收入$/ },
  { key: 'total', label: '合计', leaf: /合计|总计|^小计$/ },
  { key: 'amount', label: '金额', leaf: /^(预算数|决算数|金额|预算金额|决算金额)$/ },
];

/** Sub-columns repeated under every group (“三公” 决算: 预算数 | 决算数 under each item). */
export const QUALIFIERS: Record<string, Concept> = {
  预算数: { key: 'plan', label: '预算数' },
  决算数: { key: 'final', label: '决算数' },
  全年预算数: { key: 'plan', label: '全年预算数' },
  年初预算数: { key: 'plan', label: '年初预算数' },
};

export const normHeader = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000“”"'‘’]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\((万元|元)\)$/, '');

/** The concept of a leaf label under its group labels, or undefined when none fits. */
export function conceptOf(leaf: string, groups: string[]): Concept | undefined {
  const l = normHeader(leaf);
  const g = groups.map(normHeader).join('/');
  const hit = RULES.find((r) => r.leaf.test(l) && (!r.group || r.group.test(g)));
  return hit && { key: hit.key, label: hit.label };
}

/** Labels of the row-heading columns (codes and names), which are not amount columns. */
export const STUB = /^(项目|科目编码|(功能|经济|支出功能|部门经济)?分类科目(编码|名称)|功能分类|经济分类|支出功能分类|部门经济分类|科目名称|单位(编码|名称|代码)|类|款|项|行次|栏次|编码|名称|序号)$/;

/** The official term of a concept key ("car.total.plan" → 公务用车购置及运行费·预算数). */
export function conceptLabel(key: string): string {
  const [base, q] = key.includes('.plan') || key.includes('.final') ? [key.replace(/\.(plan|final)$/, ''), key.endsWith('.plan') ? '预算数' : '决算数'] : [key, ''];
  const label = RULES.find((r) => r.key === base)?.label ?? base;
  return q ? `${label}·${q}` : label;
}
