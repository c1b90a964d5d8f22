// Large writes under Excel's request limit. Excel on the web refuses a request (one context.sync) over 5 MB,
// counting every call and the UTF-8 JSON of its arguments; the documented remedy is to split the operation
// and sync each piece.
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
// https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
// A WriteBatch queues 2-D writes in row bands and syncs whenever the next band would take the request past
// its budget; the budget leaves room below the limit for the small calls (formats, names) around them.

/** Bytes one 2-D write adds to a request, as Excel on the web counts them (arguments as UTF-8 JSON). */
export function gridBytes(grid: unknown[][]): number {
  const s = JSON.stringify(grid);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export interface WriteBatchOptions {
  /** Bytes of 2-D data per request (default 3.5 MiB of Excel on the web's 5 MB: the rest is for the other calls). */
  budgetBytes?: number;
  /** Called after every sync the batch makes, with the rows written so far and all rows queued (not at all when one request holds everything). */
  onProgress?: (written: number, total: number) => void;
}

export const DEFAULT_BUDGET = 3.5 * 1024 * 1024;

/** What one call costs besides its arguments (the action and its object path), rounded up. */
export const CALL_BYTES = 250;

type Prop = 'values' | 'formulas' | 'numberFormat';
interface Piece {
  queue: () => void;
  bytes: number;
  rows: number;
}

export class WriteBatch {
  private readonly budget: number;
  private readonly pieces: Piece[] = [];
  private readonly synced: number[] = [];
  /** Bytes queued for the request the caller will sync (carried from one run to the next). */
  private carried = 0;
  private total = 0;
  private written = 0;

  /** Bytes of every request of this write: the ones it synced and the last, left to the caller. */
  get requests(): number[] {
    return [...this.synced, this.carried];
  }

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: WriteBatchOptions = {},
  ) {
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET;
  }

  /**
   * Queues writes of the same rectangle (e.g. its number formats, then its values), split into row bands of at
   * most the budget each. `range(r1, r2)` gives the band of rows r1..r2 (0-based, inclusive, of the grids).
   */
  add(range: (r1: number, r2: number) => Excel.Range, writes: [Prop, unknown[][]][]): void {
    const height = writes[0]?.[1].length ?? 0;
    const rowBytes = (i: number) => writes.reduce((n, [, g]) => n + gridBytes([g[i]!]), 0);
    for (let r1 = 0; r1 < height;) {
      let bytes = 0;
      let r2 = r1;
      while (r2 < height && (r2 === r1 || bytes + rowBytes(r2) <= this.budget)) bytes += rowBytes(r2++);
      const [a, b] = [r1, r2 - 1];
      const band = writes.map(([p, g]) => [p, g.slice(a, b + 1)] as const);
      const queue = () => {
        const r = range(a, b) as unknown as Record<Prop, unknown[][]>;
        for (const [prop, grid] of band) r[prop] = grid;
      };
      this.pieces.push({ queue, bytes: bytes + writes.length * CALL_BYTES, rows: b - a + 1 });
      r1 = r2;
    }
  }

  /** Queues one small call (e.g. a row height) whose arguments take about `argBytes`. */
  addCall(argBytes: number, queue: () => void): void {
    this.pieces.push({ queue, bytes: CALL_BYTES + argBytes, rows: 0 });
  }

  /**
   * Queues the pieces into the context, syncing between them so no request carries more than the budget; the
   * last request is left for the caller to sync (a later run goes on filling it).
   */
  async run(): Promise<void> {
    this.total += this.pieces.reduce((n, p) => n + p.rows, 0);
    for (const p of this.pieces) {
      if (this.carried > 0 && this.carried + p.bytes > this.budget) {
        await this.context.sync();
        this.synced.push(this.carried);
        this.options.onProgress?.(this.written, this.total);
        this.carried = 0;
      }
      p.queue();
      this.carried += p.bytes;
      this.written += p.rows;
    }
    // A write that needed several requests says it is complete (the last goes with the caller's sync).
    if (this.synced.length > 0) this.options.onProgress?.(this.total, this.total);
    this.pieces.length = 0;
  }
}
