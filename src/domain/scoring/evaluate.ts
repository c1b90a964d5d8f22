// The scoring rules of RULES.md §1–§4 applied to one assessment. Pure and fast: the pane re-scores on every
// keystroke and the what-if sweep re-scores about fifty variants at a time.
import { SCENARIO_TIER_VALUES, TIER_IDS, type Rubric, type ScenarioTier, type TierId } from '../rubric/schema';
import type { AmountsAnswer, Assessment, LevelAnswer } from '../assessment/types';
import { allowedInterval, bandOf, formatInterval, inInterval, isValidLevel } from './bands';
import { checkCreditCode, creditCodeCheckDigit, enterpriseSize, isEmail, isMobile } from '../profile/checks';
import { issueMessages as M } from '../i18n/messages';
import { textsFor } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import type { Condition, Issue, TierEvaluation } from './types';
import { normalizeTyped, parseDate } from '../input/grammar';
import { COMPOSITE_PLACES, meanUnits, scoreUnits, unitsToNumber } from './decimal';

/** Profile fields the 推荐汇总表 and the size class need; absent ones are reported as warnings. */
export const REQUIRED_PROFILE_KEYS = [
  'enterpriseName',
  'creditCode',
  'factoryName',
  'cluster',
  'industryChain',
  'industry',
  'contactName',
  'contactMobile',
  'employees',
  'revenue',
] as const;

export interface Evaluation {
  /** The mean rounded to COMPOSITE_PLACES decimals (decimal.ts), the value thresholds are compared on. */
  composite: number | null;
  /** Sum (in units of 10^-SCORE_PLACES) and count of the scores in the composite, so a gap can say exactly how many points are missing. */
  scoreUnits: bigint;
  scoredCount: number;
  /** Tier inputs not yet given (indicator levels and scores, maturity, declarations): the tier waits for them. */
  missing: string[];
  complete: boolean;
  tiers: Record<TierId, TierEvaluation>;
  tier: TierId | null;
  scenarioCounts: Record<TierId, number>;
  coverage: Record<TierId, string[]>;
  enterpriseSize: string | null;
  errors: Issue[];
  warnings: Issue[];
}

export const tierRank = (t: ScenarioTier): number => SCENARIO_TIER_VALUES.indexOf(t);

/** The tiers a scenario offers (those whose cell in 附件4 is not 「/」), in ascending order. */
export function offeredTiers(rubric: Rubric, scenarioId: string): TierId[] {
  const s = rubric.scenarios.find((x) => x.id === scenarioId);
  return s ? TIER_IDS.filter((t) => s.tiers[t] !== null) : [];
}

const hasText = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
const codeOf = (v: string): string => normalizeTyped(v).toUpperCase();

export function evaluate(rubric: Rubric, a: Assessment, lang: Lang = 'zh', extraErrors: Issue[] = []): Evaluation {
  const t = textsFor(rubric, lang);
  // Errors found before scoring (cells a workbook reader could not read) withhold the tier like any other.
  const errors: Issue[] = [...extraErrors];
  const warnings: Issue[] = [];
  const missing: string[] = [];
  const err = (path: string, code: Issue['code'], message: string) => errors.push({ path, code, message });
  const warn = (path: string, code: Issue['code'], message: string) => warnings.push({ path, code, message });
  // A cell reported unreadable reads as blank but is said once: as its error, not also as 未填写.
  const unreadable = new Set(extraErrors.map((e) => e.path));
  const required = (path: string, blocksTier: boolean) => {
    if (unreadable.has(path)) return;
    warn(path, 'required', M.required(t, path));
    if (blocksTier) missing.push(path);
  };

  if (a.rubric !== undefined && a.rubric !== rubric.id) err('rubric', 'rubric-mismatch', M.rubricMismatch(t, a.rubric, rubric.id));

  // 企业信息: profile, declarations, maturity.
  const p = a.profile ?? {};
  for (const k of REQUIRED_PROFILE_KEYS) {
    const v = p[k];
    if (v === undefined || (typeof v === 'string' && !hasText(v))) required(`profile.${k}`, false);
  }
  // Codes are read as the input grammar reads them (spaces, full-width, lower case), from JSON as from a sheet.
  const creditCode = hasText(p.creditCode) ? codeOf(p.creditCode) : undefined;
  if (creditCode !== undefined) {
    const c = checkCreditCode(creditCode);
    if (c === 'format') err('profile.creditCode', 'credit-code-format', M.creditCodeFormat(t, creditCode));
    else if (c === 'check-digit')
      warn('profile.creditCode', 'credit-code-check-digit', M.creditCodeCheckDigit(t, creditCode, creditCodeCheckDigit(creditCode)));
  }
  if (hasText(p.contactMobile) && !isMobile(codeOf(p.contactMobile))) err('profile.contactMobile', 'mobile-format', M.mobileFormat(t, p.contactMobile));
  if (hasText(p.contactEmail) && !isEmail(p.contactEmail)) warn('profile.contactEmail', 'email-format', M.emailFormat(t, p.contactEmail));
  if (hasText(p.fillDate) && parseDate(p.fillDate).kind !== 'ok') err('profile.fillDate', 'date-invalid', M.dateInvalid(t, 'profile.fillDate', p.fillDate));
  if (p.employees !== undefined && !(Number.isInteger(p.employees) && p.employees >= 0))
    err('profile.employees', 'count-invalid', M.countInvalid(t, 'profile.employees', p.employees));
  if (p.revenue !== undefined && p.revenue < 0) err('profile.revenue', 'amount-negative', M.amountNegative(t, 'profile.revenue', p.revenue));

  const decl = a.declarations ?? {};
  for (const d of rubric.declarations) if (decl[d.key] === undefined) required(`declarations.${d.key}`, true);

  const maxMaturity = rubric.maturityLevels.length;
  let maturity: number | null = null;
  let maturityValid = true;
  if (a.maturityLevel === undefined) required('maturityLevel', true);
  else if (Number.isInteger(a.maturityLevel) && a.maturityLevel >= 1 && a.maturityLevel <= maxMaturity) maturity = a.maturityLevel;
  else {
    maturityValid = false;
    err('maturityLevel', 'maturity-invalid', M.maturityInvalid(t, a.maturityLevel, maxMaturity));
  }

  // 数字化转型自评: indicators.
  const answers = a.indicators ?? {};
  const overall = {
    min: rubric.bands[0]!.range.min,
    max: rubric.bands[rubric.bands.length - 1]!.range.max,
    minInclusive: rubric.bands[0]!.range.minInclusive,
    maxInclusive: rubric.bands[rubric.bands.length - 1]!.range.maxInclusive,
  };
  let sumUnits = 0n;
  let scoredCount = 0;
  let compositeKnown = true;
  for (const ind of rubric.indicators) {
    const base = `indicators.${ind.id}`;
    if (ind.kind === 'amounts') {
      const ans = (answers[ind.id] ?? {}) as AmountsAnswer;
      for (const amt of ind.amounts) {
        const v = ans[amt.key];
        if (v === undefined) required(`${base}.${amt.key}`, false);
        else if (v < 0) err(`${base}.${amt.key}`, 'amount-negative', M.amountNegative(t, `${base}.${amt.key}`, v));
      }
      // The later amounts are parts of the first (e.g. 2024 of the total since 2014).
      const [total, ...parts] = ind.amounts;
      for (const part of parts) {
        const whole = ans[total!.key];
        const v = ans[part.key];
        if (whole !== undefined && v !== undefined && v > whole)
          warn(`${base}.${part.key}`, 'amount-inconsistent', M.amountInconsistent(t, part.label[lang], total!.label[lang]));
      }
      continue;
    }
    const ans = (answers[ind.id] ?? {}) as LevelAnswer;
    const { level, fit, score } = ans;
    if (level === 'na') {
      if (!ind.naAllowed) err(`${base}.level`, 'na-not-allowed', M.naNotAllowed(t, ind.id));
      if (score !== undefined) warn(`${base}.score`, 'score-ignored', M.scoreIgnored(t, ind.id));
      if (fit !== undefined) warn(`${base}.fit`, 'fit-not-applicable', M.fitNotApplicable(t, ind.id));
      continue;
    }
    if (score === undefined) {
      required(`${base}.score`, true);
      compositeKnown = false;
    } else {
      sumUnits += scoreUnits(score);
      scoredCount++;
    }
    if (level === undefined) {
      required(`${base}.level`, true);
      if (score !== undefined && !inInterval(score, overall))
        err(`${base}.score`, 'score-out-of-range', M.scoreOutOfRange(t, ind.id, formatInterval(overall, t.lang), score));
      continue;
    }
    if (!isValidLevel(rubric, level)) {
      err(`${base}.level`, 'level-invalid', M.levelInvalid(t, `${base}.level`, level, rubric.bands.length));
      continue;
    }
    const band = bandOf(rubric, level)!;
    if (fit !== undefined && !band.fits) warn(`${base}.fit`, 'fit-not-applicable', M.fitNotApplicable(t, ind.id));
    if (score !== undefined) {
      const interval = allowedInterval(band, fit);
      if (!inInterval(score, interval))
        err(
          `${base}.score`,
          'score-out-of-band',
          M.scoreOutOfBand(t, ind.id, level, fit && band.fits ? t.fit(fit) : undefined, formatInterval(interval, t.lang), score),
        );
    }
  }
  const composite = compositeKnown && scoredCount > 0 ? unitsToNumber(meanUnits(sumUnits, scoredCount), COMPOSITE_PLACES) : null;

  // 场景自评: scenarios, cumulative counts and 环节 coverage.
  const claims = a.scenarios ?? {};
  const scenarioCounts = { basic: 0, advanced: 0, excellent: 0, leading: 0 } as Record<TierId, number>;
  const covered: Record<TierId, Set<string>> = { basic: new Set(), advanced: new Set(), excellent: new Set(), leading: new Set() };
  for (const s of rubric.scenarios) {
    const claim = claims[s.id] ?? 'none';
    if (claim === 'none') continue;
    if (s.tiers[claim] === null) err(`scenarios.${s.id}`, 'tier-unavailable', M.tierUnavailable(t, s.id, claim, offeredTiers(rubric, s.id)));
    const rank = tierRank(claim);
    for (const tier of TIER_IDS) {
      if (tierRank(tier) > rank) break;
      scenarioCounts[tier]++;
      if (s.segment !== null) covered[tier].add(s.segment);
    }
  }
  const coverage = {} as Record<TierId, string[]>;
  for (const tier of TIER_IDS) coverage[tier] = rubric.segments.map((s) => s.id).filter((id) => covered[tier].has(id));

  // 附件2 要素条件: every unmet condition of every tier.
  const indicatorMissing = missing.filter((m) => m.startsWith('indicators.'));
  const tiers = {} as Record<TierId, TierEvaluation>;
  let tier: TierId | null = null;
  for (const rule of rubric.tiers) {
    const unmet: Condition[] = [];
    if (errors.length > 0) unmet.push({ kind: 'errors', count: errors.length });
    if (indicatorMissing.length > 0) unmet.push({ kind: 'incomplete', missing: indicatorMissing });
    // composite > above is exact: both are the nearest doubles of decimals that are equal or ≥ 10^-10 apart.
    if (composite === null) {
      if (indicatorMissing.length === 0) unmet.push({ kind: 'composite', composite, above: rule.compositeAbove });
    } else if (!(composite > rule.compositeAbove)) unmet.push({ kind: 'composite', composite, above: rule.compositeAbove });
    if (scenarioCounts[rule.id] < rule.minScenarios) unmet.push({ kind: 'scenarios', tier: rule.id, have: scenarioCounts[rule.id], need: rule.minScenarios });
    for (const seg of rule.requiredSegments) if (!covered[rule.id].has(seg)) unmet.push({ kind: 'segment', tier: rule.id, segment: seg });
    if (maturityValid && (maturity === null || maturity < rule.minMaturity)) unmet.push({ kind: 'maturity', have: maturity, need: rule.minMaturity });
    for (const d of rubric.declarations) {
      const v = decl[d.key];
      if (v !== true) unmet.push({ kind: 'declaration', key: d.key, value: v === false ? false : undefined });
    }
    tiers[rule.id] = { met: unmet.length === 0, unmet };
    if (unmet.length === 0) tier = rule.id;
  }

  const size = enterpriseSize(rubric, p.employees, p.revenue);
  return {
    composite,
    scoreUnits: sumUnits,
    scoredCount,
    missing,
    complete: missing.length === 0,
    tiers,
    tier,
    scenarioCounts,
    coverage,
    enterpriseSize: size ?? null,
    errors,
    warnings,
  };
}
