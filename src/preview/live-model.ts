// A SimWorkbook that recalculates with HyperFormula after every write and tells the page to re-render.
import type { HyperFormula } from 'hyperformula';
import { recalculate } from './recalc';
import { SimWorkbook } from './sim/model';

export class LiveWorkbook {
  readonly model = new SimWorkbook();
  hf: HyperFormula | null = null;
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.model.onWrite = () => this.recalc();
  }

  recalc(): void {
    this.hf = recalculate(this.model);
    this.version++;
    for (const l of this.listeners) l();
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
