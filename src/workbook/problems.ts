// Each sheet's check column feeds the 评估结果 list of open problems through a running count, so the k-th
// problem is found with INDEX/MATCH (no FILTER or TEXTJOIN, which older Excel lacks).

export interface ProblemSource {
  /** Absolute range of what each row is about (same rows as the checks). */
  labels: string;
  /** Absolute range of the check texts. */
  checks: string;
  /** Absolute range of the running count of non-empty checks (same rows). */
  run: string;
  /** Absolute reference of the last running-count cell (the sheet's total). */
  total: string;
  /** Text put before each problem in the list, e.g. the sheet name. */
  prefix: string;
}

/** Running-count formula for the row `row` of check column `checkCol`, counting from `firstRow`. */
export function runningCount(checkCol: string, firstRow: number, row: number, runCol: string): string {
  const here = `IF(${checkCol}${row}="",0,1)`;
  return row === firstRow ? here : `${runCol}${row - 1}+${here}`;
}
