/**
 * What an audit covered, in one shape whatever the layout family (the 23 Hunan tables checked by
 * the rule engine, the column-read families by their identities): the tables expected, found and
 * missing, and the rules run and not run (with why), each as a count and as a list, so that the
 * JSON, the summary and the batch reports say the same thing for every family.
 */
import type { Audit } from './audit.ts';

export interface CoverageCounts {
  tablesExpected: number;
  tablesFound: number;
  tablesMissingCount: number;
  rulesRunCount: number;
  rulesNotRunCount: number;
}

export interface Coverage extends CoverageCounts {
  tablesMissing: string[];
  rulesRun: string[];
  rulesNotRun: { rule: string; reason: string }[];
}

export function coverageOf({ read, report, set }: Audit): Coverage {
  return {
    tablesExpected: set.tables.length,
    tablesFound: read.tables.length,
    tablesMissingCount: read.missing.length,
    rulesRunCount: report.rulesRun.length,
    rulesNotRunCount: report.rulesNotRun.length,
    tablesMissing: read.missing,
    rulesRun: report.rulesRun,
    rulesNotRun: report.rulesNotRun,
  };
}

/** The counts alone (a batch row), with the missing tables' ids. */
export function coverageCounts(c: Coverage): CoverageCounts & { tablesMissing: string[] } {
  const { rulesRun: _run, rulesNotRun: _notRun, ...counts } = c;
  return counts;
}
