// Excel refuses a batch while the user is editing a cell (Excel.ErrorCodes InvalidOperationInCellEditMode)
// unless it runs with Excel.run({ delayForCellEdit: true }) (ExcelApi 1.5), which waits for the edit to end.
// Every Excel.run goes through `runExcel`: the option where the host has it, and one retry path for hosts
// without it — the user's edit finishes, then ours goes through, and nothing is lost.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
// https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
export interface RetryOptions {
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const BUSY_CODES = new Set(['InvalidOperationInCellEditMode']);

export function isCellEditModeError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return typeof code === 'string' && BUSY_CODES.has(code);
}

export async function withCellEditRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 20;
  const delay = opts.delayMs ?? 500;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!isCellEditModeError(e) || i >= attempts) throw e;
      await sleep(delay);
    }
  }
}

export type IsSetSupported = (name: string, version: string) => boolean;

/** Excel.run options for this host: delayForCellEdit where ExcelApi 1.5 is supported. */
export function runOptions(isSetSupported: IsSetSupported): Excel.RunOptions {
  return isSetSupported('ExcelApi', '1.5') ? { delayForCellEdit: true } : {};
}
