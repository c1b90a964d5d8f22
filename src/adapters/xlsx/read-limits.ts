// The bounded reader's limits, in a module of their own: the CLI checks a file's size against them before
// it reads (input-file.ts), and that must not load the reader.

export interface ReadLimits {
  /** Entries in the zip's directory. */
  maxEntries: number;
  /** Bytes inflated, over every part read. */
  maxInflatedBytes: number;
  /** `<row>` and `<c>` elements visited in the worksheets read (wanted or not). */
  maxCells: number;
  /** `<si>` entries of the shared-strings part. */
  maxSharedStrings: number;
  /** `<definedName>` elements. */
  maxNames: number;
  /** Sheets, and relationships of a part. */
  maxSheets: number;
}

/** An enterprise's workbook: our template is about 0.25 MB inflated and 2,000 cells; room for what people add. */
export const ASSESSMENT_LIMITS: ReadLimits = {
  maxEntries: 2000,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxCells: 100_000,
  maxSharedStrings: 100_000,
  maxNames: 10_000,
  maxSheets: 1000,
};
