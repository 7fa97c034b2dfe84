/** `yusuan <command>`: build, check, template, codes, audit. Exit codes: 0 ok, 1 findings, 2 unusable input. */
import { parseArgs } from 'node:util';
// First, in the entry chunk: the bundle hoists pdf.js above the code of the chunk that reads PDFs.
import '../disclosure/read/pdf/natives.ts';
import { InputError } from '../formats/input/errors.ts';

type Command = (positionals: string[], values: Record<string, string | boolean | undefined>) => Promise<number>;

/**
 * Each command's module is imported only when that command runs, so `help` loads nothing and
 * `check` never loads exceljs, pdfkit or pdf.js.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./build.ts')).runBuild,
  check: async () => (await import('./check.ts')).runCheck,
  template: async () => (await import('./template.ts')).runTemplate,
  codes: async () => (await import('./codes.ts')).runCodes,
  audit: async () => (await import('./audit.ts')).runAudit,
};

const READS_A_BUDGET = new Set(['build', 'check', 'template']);

const USAGE = `yusuan — 部门预算公开表的编制与检查

用法:
  yusuan build <input>... --out DIR [--format json,csv,html,xlsx,pdf,fdp|all] [--per-unit] [--per-table]
                                                            生成 23 张公开表（--per-unit 另为每个单位生成一套）
  yusuan check <input> [--format text|json] [--lang zh|en]  检查输入与表间关系
  yusuan template [--example DIR] --out FILE.xlsx           生成 Excel 录入工作簿（可用示例文件夹填好）
  yusuan codes import <file> --year YYYY [--kind function|dept-econ|gov-econ] [--into DIR]
                                                            导入当年官方科目表（.xlsx/.csv，按表头找编码与名称列）
  yusuan codes list [--year YYYY] | codes show <code> [--year YYYY]
                                                            查看所用科目表及其来源
  yusuan audit <file|folder>... [--layout auto|hunan-23|standard-9|mof-budget|mof-final] [--format text|json|csv|html] [--out FILE|DIR]
                                                            读取已公开的预算表（.txt、.pdf、.xlsx）并检查；
                                                            多个文件或文件夹时逐份核查并汇总，报告写入 --out DIR

<input> 是包含 budget.json 与 line-items.csv 的文件夹，或录入工作簿 .xlsx。
退出码: 0 无错误; 1 发现错误（build: 有科目没有名称，未写入）; 2 输入无法读取。`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        lang: { type: 'string' },
        example: { type: 'string' },
        layout: { type: 'string' },
        year: { type: 'string' },
        kind: { type: 'string' },
        into: { type: 'string' },
        'per-unit': { type: 'boolean' },
        'per-table': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (!command || command === 'help' || values.help) {
      console.log(USAGE);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      console.error(`未知命令: ${command}\n\n${USAGE}`);
      return 2;
    }
    if (READS_A_BUDGET.has(command)) (await import('./cold-parse.ts')).parseCold();
    return await (await load())(positionals, values);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`输入有误（${e.problems.length} 处）：\n${e.message}`);
      return 2;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
