import { CodeList, parseCodeList } from './codes.ts';
import { EconMapping, parseEconMapping } from './mapping.ts';

/** All code lists of one budget year. */
export interface Classification {
  year: number;
  /** Where the lists came from (a folder), for messages. */
  source: string;
  function: CodeList;
  deptEcon: CodeList;
  govEcon: CodeList;
  mapping: EconMapping;
}

export interface ClassificationTexts {
  function: string;
  deptEcon: string;
  govEcon: string;
  mapping: string;
}

export const LIST_FILES: Record<keyof ClassificationTexts, string> = {
  function: 'function.csv',
  deptEcon: 'econ-dept.csv',
  govEcon: 'econ-gov.csv',
  mapping: 'econ-mapping.csv',
};

export function buildClassification(year: number, source: string, texts: ClassificationTexts): Classification {
  return {
    year,
    source,
    function: parseCodeList('支出功能分类', texts.function, `${source}/${LIST_FILES.function}`),
    deptEcon: parseCodeList('部门预算支出经济分类', texts.deptEcon, `${source}/${LIST_FILES.deptEcon}`),
    govEcon: parseCodeList('政府预算支出经济分类', texts.govEcon, `${source}/${LIST_FILES.govEcon}`),
    mapping: parseEconMapping(texts.mapping),
  };
}
