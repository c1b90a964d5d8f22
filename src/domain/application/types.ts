// The `application` section of the exchange JSON as TypeScript types. Its keys are the section keys of the
// application rubric; the shape of each follows the section's kind (see ./schema.ts, which checks it).

/** A field's value: text (texts, dates as YYYY-MM-DD, choices as the list's text), a number, or 是/否 as a boolean. */
export type AppValue = string | number | boolean;
export type FormValue = Record<string, AppValue>;
/** A table row; in 附1-2 tables `scenario` is the id of the scenario whose instance it belongs to. */
export type TableRow = Record<string, AppValue>;
export interface OutcomePair {
  before?: number;
  after?: number;
}
export interface CustomOutcome extends OutcomePair {
  label: string;
  unit?: string;
  direction: 'up' | 'down';
}
export type OutcomesValue = Record<string, OutcomePair> & { custom?: CustomOutcome[] };
export interface PledgeValue {
  confirmed?: boolean[];
  date?: string;
}
export type AttachmentsValue = Record<string, { provided?: boolean; file?: string }>;

/** Each section by its kind: form → FormValue, table → TableRow[], yearly → year → FormValue, … */
export type SectionValue = FormValue | TableRow[] | Record<string, FormValue> | OutcomesValue | Record<string, FormValue> | PledgeValue | AttachmentsValue;

export type Application = Record<string, SectionValue>;
