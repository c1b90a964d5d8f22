// The exchange format of ../shared/spec/ASSESSMENT-JSON.md as TypeScript types. The zod schema in
// ./schema.ts is built from a rubric (its indicator and scenario ids) and checks values against these types.
import type { FitId, ScenarioTier } from '../rubric/schema';
import type { Application } from '../application/types';

export const PROFILE_TEXT_KEYS = [
  'enterpriseName',
  'creditCode',
  'factoryName',
  'cluster',
  'industryChain',
  'industry',
  'address',
  'legalRepresentative',
  'contactName',
  'contactMobile',
  'contactTitle',
  'contactEmail',
  /** 填表日期, ISO `YYYY-MM-DD`: decides which of two workbooks of one enterprise is newer when merging. */
  'fillDate',
] as const;
export const PROFILE_NUMBER_KEYS = ['employees', 'revenue'] as const;
export type ProfileTextKey = (typeof PROFILE_TEXT_KEYS)[number];
export type ProfileNumberKey = (typeof PROFILE_NUMBER_KEYS)[number];
export type ProfileKey = ProfileTextKey | ProfileNumberKey;

export type Profile = Partial<Record<ProfileTextKey, string> & Record<ProfileNumberKey, number>> & {
  /**
   * The notice's item 二（二）4: the id of one of the rubric's `recognitions` (an enterprise already recognised
   * by an earlier programme, or `none`); absent when not said. Optional and additive: files without it read as before.
   */
  recognition?: string;
};

/** A level-scored indicator's answer: a level 1…6 or "na", the optional 符合程度, and the score. */
export interface LevelAnswer {
  level?: number | 'na';
  fit?: FitId;
  score?: number;
}
/** An amounts indicator's answer (indicator 7): amount key → 万元. */
export type AmountsAnswer = Record<string, number>;

export interface Assessment {
  rubric?: string;
  profile?: Profile;
  declarations?: Record<string, boolean>;
  maturityLevel?: number;
  indicators?: Record<string, LevelAnswer | AmountsAnswer>;
  scenarios?: Record<string, ScenarioTier>;
  /** The 申报书 (附件5) drafted from the same workbook; its shape comes from the application rubric. */
  application?: Application;
}
