/** A problem in the input, located precisely enough for a person to find and fix it. */
export interface InputProblem {
  file: string;
  sheet?: string;
  /** 1-based, counting the header line as row 1 in CSV and spreadsheets */
  row?: number;
  column?: string;
  /** JSON path inside a JSON file */
  path?: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.sheet && `工作表 ${p.sheet}`, p.row && `第 ${p.row} 行`, p.column && `列 ${p.column}`, p.path && `字段 ${p.path}`]
    .filter(Boolean)
    .join('，');
  return `${where}：${p.message}`;
}
