/** Text rendering of findings for people (CLI), in Chinese or English. */
import type { CheckReport, Finding } from './types.ts';

const SEVERITY = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'] } as const;

export function renderReport(r: CheckReport, lang: 'zh' | 'en' = 'zh'): string {
  const zh = lang === 'zh';
  const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const lines = renderFindings(r.findings, lang).split('\n').filter(Boolean);
  const notRun = r.rulesNotRun.map((n) => (zh ? `  未运行 ${n.rule}：${n.reason}` : `  not run ${n.rule}: ${n.reason}`));
  const summary = zh
    ? `运行规则 ${r.rulesRun.length} 条，未运行 ${r.rulesNotRun.length} 条；错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}。`
    : `${r.rulesRun.length} rules run, ${r.rulesNotRun.length} not run; ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info.`;
  return [...lines, ...(notRun.length ? [zh ? '未运行的规则：' : 'Rules not run:', ...notRun] : []), summary].join('\n');
}

/** One line per finding, errors first, as `check` prints them. */
export function renderFindings(findings: Finding[], lang: 'zh' | 'en' = 'zh'): string {
  return findings
    .slice()
    .sort((a, b) => order(a) - order(b))
    .map((f) => `[${SEVERITY[f.severity][lang === 'zh' ? 0 : 1]}] ${f.rule}  ${lang === 'zh' ? f.message : f.messageEn}`)
    .join('\n');
}

const order = (f: Finding) => ({ error: 0, warning: 1, info: 2 })[f.severity] * 1000 + Number(f.table ?? 99);
