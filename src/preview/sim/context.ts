// An Office.js-like request context over a SimWorkbook, with the batching of the real API: setters and method
// calls are queued and run in order at `sync()`; loaded properties are readable after the sync that loaded
// them (loadable.ts). A sync is one request: refused whole when it is over the size limit (limits.ts) or
// while the user edits a cell, unless the batch asked to wait (Excel.run({ delayForCellEdit: true })).
// The host is organised by Office object, each file citing the page it follows: workbook.ts, worksheets.ts,
// range.ts (+ coercion.ts, references.ts), names.ts, validation.ts, format.ts, protection.ts, events.ts,
// charts.ts.
import { SimError } from './errors';
import { callBytes, utf8Length, WEB_LIMITS, type RequestLimits } from './limits';
import { SimWorkbook } from './model';
import { WorkbookProxy } from './workbook';

export { PropertyNotLoadedError, SimError } from './errors';
export { RangeProxy } from './range';

type Op = () => void;

export interface SimContextOptions {
  limits?: Partial<RequestLimits>;
  /** Excel.run({ delayForCellEdit: true }): wait for the user's cell edit to end instead of failing. */
  delayForCellEdit?: boolean;
}

export class SimContext {
  syncs = 0;
  readonly calls: string[] = [];
  /** Size of every request sent so far, in bytes as limits.ts counts them. */
  readonly requests: number[] = [];
  /** Size of every response. */
  readonly responses: number[] = [];
  readonly limits: RequestLimits;
  readonly delayForCellEdit: boolean;
  private ops: Op[] = [];
  private pendingBytes = 0;
  private responseBytes = 0;
  private wrote = false;
  private readonly settlers: (() => void)[] = [];
  readonly workbook: WorkbookProxy;
  readonly runtime: { enableEvents: boolean };
  readonly application = {
    suspendScreenUpdatingUntilNextSync: () => this.record('Application.suspendScreenUpdatingUntilNextSync', () => undefined, { write: false }),
  };

  constructor(
    readonly model: SimWorkbook,
    options: SimContextOptions = {},
  ) {
    this.limits = { ...WEB_LIMITS, ...options.limits };
    this.delayForCellEdit = options.delayForCellEdit ?? false;
    this.workbook = new WorkbookProxy(this);
    const ctx = this;
    // Runtime.enableEvents (ExcelApi 1.8): https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#enable-and-disable-events
    this.runtime = {
      get enableEvents() {
        return ctx.model.enableEvents;
      },
      set enableEvents(v: boolean) {
        ctx.record(`Runtime.enableEvents=${v}`, () => void (ctx.model.enableEvents = v), { args: v });
      },
    };
  }

  /** Total request bytes (every sync), for the bench. */
  get payloadBytes(): number {
    return this.requests.reduce((a, b) => a + b, 0) + this.pendingBytes;
  }

  /** Queues an operation; `write` (default) marks that the model changes (for recalculation). */
  record(call: string, op: Op, opts: { write?: boolean; args?: unknown } = {}): void {
    this.calls.push(call);
    this.pendingBytes += callBytes(opts.args, this.limits);
    const write = opts.write ?? true;
    this.ops.push(() => {
      op();
      if (write) this.wrote = true;
    });
  }

  /** A load's result counts towards the response. */
  respond(value: unknown): void {
    this.responseBytes += utf8Length(JSON.stringify(value) ?? '');
  }

  /** Runs at the next sync, after the queued operations (isNullObject of *OrNullObject proxies). */
  onSettle(fn: () => void): void {
    this.settlers.push(fn);
  }

  /** Whether anything is queued (Excel.run's closing flush costs no round trip when nothing is). */
  get pending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    const bytes = this.pendingBytes;
    const settlers = this.settlers.splice(0);
    this.ops = [];
    this.pendingBytes = 0;
    this.syncs++;
    if (this.model.cellEditing) {
      // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
      if (!this.delayForCellEdit) throw new SimError('InvalidOperationInCellEditMode', 'the user is editing a cell');
      await this.model.cellEditEnded();
    }
    if (bytes > this.limits.requestBytes) throw new SimError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes, limit ${this.limits.requestBytes}`);
    this.requests.push(bytes);
    this.wrote = false;
    this.responseBytes = 0;
    try {
      for (const op of ops) op();
      for (const s of settlers) s();
    } finally {
      if (this.wrote) this.model.onWrite?.();
    }
    this.responses.push(this.responseBytes);
    if (this.responseBytes > this.limits.requestBytes) throw new SimError('ResponsePayloadSizeLimitExceeded', `response of ${this.responseBytes} bytes`);
  }
}
