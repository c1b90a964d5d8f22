// `score(rubric, assessment)`: the report of ASSESSMENT-JSON.md, with every message in one language.
import { TIER_IDS, type Rubric, type TierId } from '../rubric/schema';
import type { Assessment } from '../assessment/types';
import { conditionMessage } from '../i18n/messages';
import { textsFor } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import { evaluate, type Evaluation } from './evaluate';
import type { Issue, Report, TierStatus } from './types';

export interface ScoreOptions {
  lang?: Lang;
  /** Errors found while reading the input (e.g. unreadable workbook cells); listed first, and they withhold the tier. */
  extraErrors?: Issue[];
}

export function score(rubric: Rubric, assessment: Assessment, options: ScoreOptions = {}): Report {
  const lang = options.lang ?? 'zh';
  return toReport(rubric, evaluate(rubric, assessment, lang, options.extraErrors), lang);
}

export function toReport(rubric: Rubric, e: Evaluation, lang: Lang): Report {
  const t = textsFor(rubric, lang);
  const tiers = {} as Record<TierId, TierStatus>;
  for (const id of TIER_IDS) tiers[id] = { met: e.tiers[id].met, unmet: e.tiers[id].unmet.map((c) => conditionMessage(c, t)) };
  return {
    rubric: rubric.id,
    composite: e.composite,
    complete: e.complete,
    tier: e.tier,
    tiers,
    scenarioCounts: { ...e.scenarioCounts },
    coverage: { ...e.coverage },
    enterpriseSize: e.enterpriseSize,
    errors: e.errors,
    warnings: e.warnings,
  };
}
