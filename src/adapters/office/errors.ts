// Errors the Office adapter throws that the pane tells apart, in a module of their own so the pane's first
// screen can recognise them without loading the injection code.
export class SheetNameClashError extends Error {
  constructor(readonly sheets: string[]) {
    super(`sheets already exist and are not ours: ${sheets.join(', ')}`);
    this.name = 'SheetNameClashError';
  }
}
