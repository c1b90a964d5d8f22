// What scoring produces: issues with paths, structured tier conditions, and the report of ASSESSMENT-JSON.md.
import type { ScenarioTier, TierId } from '../rubric/schema';

export type ErrorCode =
  | 'level-invalid'
  | 'na-not-allowed'
  | 'score-out-of-band'
  | 'score-out-of-range'
  | 'amount-invalid'
  | 'tier-unavailable'
  | 'maturity-invalid'
  | 'rubric-mismatch'
  | 'credit-code-format'
  | 'mobile-format'
  | 'count-invalid'
  | 'amount-negative'
  | 'date-invalid'
  /** A workbook cell the reader could not turn into a value (reported by the adapter, not the engine). */
  | 'cell-unreadable';
export type WarningCode = 'required' | 'fit-not-applicable' | 'score-ignored' | 'amount-inconsistent' | 'credit-code-check-digit' | 'email-format';
export type IssueCode = ErrorCode | WarningCode;

export interface Issue {
  /** Dotted path of the field, e.g. `indicators.3.score`, `scenarios.12`, `profile.creditCode`. */
  path: string;
  code: IssueCode;
  message: string;
}

/** One condition of a tier that is not met, as data; messages and the next-tier gap are made from it. */
export type Condition =
  | { kind: 'errors'; count: number }
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'composite'; composite: number | null; above: number }
  | { kind: 'scenarios'; tier: TierId; have: number; need: number }
  | { kind: 'segment'; tier: TierId; segment: string }
  | { kind: 'maturity'; have: number | null; need: number }
  | { kind: 'declaration'; key: string; value: false | undefined };

export interface TierEvaluation {
  met: boolean;
  unmet: Condition[];
}

export interface TierStatus {
  met: boolean;
  unmet: string[];
}

export interface Report {
  rubric: string;
  /** The exact mean; displays round it to two decimals. */
  composite: number | null;
  complete: boolean;
  tier: TierId | null;
  tiers: Record<TierId, TierStatus>;
  /** Scenarios self-assessed at each tier or higher. */
  scenarioCounts: Record<TierId, number>;
  /** 建设环节 with at least one scenario at each tier or higher. */
  coverage: Record<TierId, string[]>;
  enterpriseSize: string | null;
  errors: Issue[];
  warnings: Issue[];
}

export type { ScenarioTier, TierId };
