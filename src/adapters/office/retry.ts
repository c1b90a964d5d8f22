// Excel refuses API calls while the user is editing a cell (InvalidOperationInCellEditMode). Wait and try
// again rather than fail: the user's edit finishes, then ours goes through, and nothing is lost.
export interface RetryOptions {
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const BUSY_CODES = new Set(['InvalidOperationInCellEditMode', 'EditModeCannotUpdate']);

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
