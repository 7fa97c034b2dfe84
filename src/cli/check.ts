import { checkBudget } from '../checks/index.ts';
import { listNotes } from '../classification/classification.ts';
import { renderReport } from '../checks/render.ts';
import { readBudgetInput } from '../formats/input/index.ts';

export async function runCheck(positionals: string[], opts: { format?: string; lang?: string }): Promise<number> {
  const [input] = positionals;
  if (!input) {
    console.error('用法: yusuan check <input> [--format text|json] [--lang zh|en]');
    return 2;
  }
  const { budget, classification } = await readBudgetInput(input);
  const { tables: _tables, ...report } = checkBudget(budget, classification);
  if (opts.format === 'json') console.log(JSON.stringify(report, null, 1));
  else {
    for (const note of listNotes(classification)) console.log(`注意：${note}`);
    console.log(renderReport(report, opts.lang === 'en' ? 'en' : 'zh'));
  }
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
