// Named assessments for the LibreOffice parity check (and, cheaply, HyperFormula's): band edges, sub-band
// edges, 不涉及, composites exactly on a threshold, 「/」 tiers, missing inputs, gaps, and every tier reached.
import type { Assessment, LevelAnswer, ScenarioTier } from '../../src/domain';
import { advancedAssessment, allScores, indicatorsFromScores, J, LEVEL_IDS } from '../fixtures/jiangsu';

export interface NamedCase {
  name: string;
  assessment: Assessment;
}

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const claims = (tier: ScenarioTier, list: string[]) => Object.fromEntries(list.map((id) => [id, tier])) as Record<string, ScenarioTier>;

/** 8 basic claims covering 生产作业; 20 excellent and 25 leading claims covering all five 环节. */
const BASIC8 = claims('basic', ['3', '5', '6', '7', '9', '10', '12', '13']);
const EXCELLENT20 = claims('excellent', [...ids(1, 14), ...ids(25, 30)]);
const LEADING25 = claims('leading', ids(1, 25));

/** The advanced fixture with changes. */
function variant(change: (a: Assessment) => void): Assessment {
  const a = advancedAssessment();
  change(a);
  return a;
}
const setIndicator = (id: string, answer: LevelAnswer | Record<string, number>) => (a: Assessment) => {
  a.indicators![id] = answer;
};
const withScores = (scores: Partial<Record<string, number | 'na'>>, scenarios?: Record<string, ScenarioTier>, maturity?: number) =>
  variant((a) => {
    a.indicators = indicatorsFromScores(scores);
    if (scenarios) a.scenarios = scenarios;
    if (maturity !== undefined) a.maturityLevel = maturity;
  });
/** Scores that average exactly `t`: pairs t−d, t+d, the rest t. */
const around = (t: number, d: number) => Object.fromEntries(LEVEL_IDS.map((id, i) => [id, i < 8 ? (i % 2 ? t + d : t - d) : t]));

/** Nine scores in indicator order whose exact mean is T and whose float mean is one ulp off. */
const FLOAT_OFF: Record<number, number[]> = {
  60: [49.16, 70.83, 45.31, 66.35, 63.02, 59.17, 53.09, 65.12, 67.95],
  70: [80.85, 83.95, 67.8, 84.41, 55.7, 61.42, 59.62, 81.68, 54.57],
  80: [70.01, 71.84, 85.78, 92.99, 83.57, 79.94, 65.59, 70.33, 99.95],
  90: [90.75, 84.9, 95.41, 95.62, 87.63, 85.63, 88.51, 93.35, 88.2],
};
const listed = (list: number[]) => Object.fromEntries(LEVEL_IDS.map((id, i) => [id, list[i]!]));

export const CASES: NamedCase[] = [
  ...[60, 70, 80, 90].map((T) => ({
    name: `composite exactly ${T} where a float mean is one ulp off`,
    assessment: withScores(listed(FLOAT_OFF[T]!), LEADING25, 4),
  })),
  { name: 'composite 71.695 (shown 71.70)', assessment: withScores(allScores(71.695)) },
  { name: 'advanced fixture: composite 75, 15 claims, maturity 2', assessment: advancedAssessment() },
  { name: 'basic reached: composite 65, 8 basic claims', assessment: withScores(allScores(65), BASIC8) },
  { name: 'excellent reached: composite 85, 20 claims, maturity 3', assessment: withScores(allScores(85), EXCELLENT20, 3) },
  { name: 'leading reached: composite 95, 25 claims, maturity 4', assessment: withScores(allScores(95), LEADING25, 4) },
  { name: 'composite exactly 60 is not basic', assessment: withScores(allScores(60), BASIC8) },
  { name: 'composite exactly 60 from 50/70 pairs', assessment: withScores(around(60, 10), BASIC8) },
  { name: 'composite exactly 70 is basic, not advanced', assessment: withScores(allScores(70)) },
  { name: 'composite exactly 70 from 61/79 pairs', assessment: withScores(around(70, 9)) },
  { name: 'composite 70.111… (one 71) is advanced', assessment: withScores({ ...allScores(70), '10': 71 }) },
  { name: 'composite exactly 80 with excellent claims stays advanced', assessment: withScores(allScores(80), EXCELLENT20, 3) },
  { name: 'composite exactly 90 with leading claims stays excellent', assessment: withScores(allScores(90), LEADING25, 4) },
  { name: 'level 6 score 100 is out of band', assessment: variant(setIndicator('2', { level: 6, score: 100 })) },
  {
    name: 'level 6 score 80 (lower edge) and 99.5',
    assessment: variant((a) => (setIndicator('2', { level: 6, score: 80 })(a), setIndicator('3', { level: 6, score: 99.5 })(a))),
  },
  { name: '40 at level 3 is out of band', assessment: variant(setIndicator('4', { level: 3, score: 40 })) },
  { name: '40 at level 4 is in band', assessment: variant(setIndicator('4', { level: 4, score: 40 })) },
  { name: 'level 2 score 0 is out of band', assessment: variant(setIndicator('8', { level: 2, score: 0 })) },
  {
    name: 'level 1 score 0 is in band, 0.5 is not',
    assessment: variant((a) => (setIndicator('8', { level: 1, score: 0 })(a), setIndicator('9', { level: 1, score: 0.5 })(a))),
  },
  {
    name: 'sub-band edges: 27 is 比较符合 at level 3, not 基本符合',
    assessment: variant((a) => (setIndicator('2', { level: 3, fit: 'medium', score: 27 })(a), setIndicator('3', { level: 3, fit: 'low', score: 27 })(a))),
  },
  {
    name: 'sub-band edges: 7 at level 2 (low ✗, medium ✓), 19.99 high ✓',
    assessment: variant(
      (a) => (
        setIndicator('4', { level: 2, fit: 'low', score: 7 })(a),
        setIndicator('8', { level: 2, fit: 'medium', score: 7 })(a),
        setIndicator('9', { level: 2, fit: 'high', score: 19.99 })(a)
      ),
    ),
  },
  {
    name: 'sub-band edges: 94 high ✓ at level 6, 93.99 high ✗',
    assessment: variant((a) => (setIndicator('5', { level: 6, fit: 'high', score: 94 })(a), setIndicator('6', { level: 6, fit: 'high', score: 93.99 })(a))),
  },
  { name: 'fit on level 1 is only a warning', assessment: variant(setIndicator('10', { level: 1, fit: 'high', score: 0 })) },
  { name: '不涉及 on 1, 5 and 6: the mean of the other six', assessment: withScores({ ...allScores(75), '1': 'na', '5': 'na', '6': 'na', '2': 90, '3': 61 }) },
  { name: '不涉及 on 1 with a score (ignored) and a fit', assessment: variant(setIndicator('1', { level: 'na', fit: 'low', score: 5 })) },
  {
    name: '不涉及 on 2 and 10 is not allowed',
    assessment: variant((a) => (setIndicator('2', { level: 'na' })(a), setIndicator('10', { level: 'na', score: 70 })(a))),
  },
  {
    name: '「/」 tiers: scenario 1 basic, 34 advanced, 28 basic',
    assessment: variant((a) => Object.assign(a.scenarios!, { '1': 'basic', '34': 'advanced', '28': 'basic' })),
  },
  { name: 'missing score on indicator 3: composite blank, tier withheld', assessment: variant(setIndicator('3', { level: 4 })) },
  { name: 'missing level on indicator 4 (score kept in composite)', assessment: variant(setIndicator('4', { score: 75 })) },
  { name: 'score without level outside 0…100', assessment: variant(setIndicator('4', { score: 100 })) },
  { name: 'no indicators at all', assessment: variant((a) => delete a.indicators) },
  { name: 'empty assessment', assessment: { rubric: J.id } },
  { name: 'maturity missing', assessment: variant((a) => delete a.maturityLevel) },
  { name: 'maturity 1: no tier for lack of maturity', assessment: variant((a) => (a.maturityLevel = 1)) },
  { name: 'maturity gap: excellent in all but maturity 2', assessment: withScores(allScores(85), EXCELLENT20, 2) },
  { name: 'maturity 6 is invalid', assessment: variant((a) => (a.maturityLevel = 6)) },
  { name: 'maturity 2.5 is invalid', assessment: variant((a) => (a.maturityLevel = 2.5)) },
  { name: 'declaration false', assessment: variant((a) => (a.declarations!.compliance = false)) },
  { name: 'declaration missing', assessment: variant((a) => delete a.declarations!.organization) },
  { name: '14 advanced claims: one short', assessment: variant((a) => delete a.scenarios!['14']) },
  { name: '运营管理 not covered at advanced', assessment: variant((a) => Object.assign(a.scenarios!, { '25': 'basic', '15': 'advanced' })) },
  {
    name: 'invalid level 7 and 2.5',
    assessment: variant((a) => (setIndicator('2', { level: 7, score: 75 })(a), setIndicator('3', { level: 2.5, score: 10 })(a))),
  },
  {
    name: 'profile errors: credit code, mobile, employees, revenue',
    assessment: variant((a) => Object.assign(a.profile!, { creditCode: '91320100MA1XXXXXI0', contactMobile: '12912345678', employees: 2.5, revenue: -1 })),
  },
  {
    name: 'negative investment total (error), 2024 above the total (only a warning)',
    assessment: variant(setIndicator('7', { investmentTotal: -5, investment2024: 10 })),
  },
  {
    name: 'text that looks like a formula stays text',
    assessment: variant((a) => Object.assign(a.profile!, { enterpriseName: '=1+1', factoryName: '@工厂', contactName: '-张三' })),
  },
  { name: 'fill date 2024-02-29 (a leap day) is a date', assessment: variant((a) => (a.profile!.fillDate = '2024-02-29')) },
  { name: 'fill date 2023-02-29 is not a date', assessment: variant((a) => (a.profile!.fillDate = '2023-02-29')) },
  { name: 'fill date 1899-12-31 is a date (no DATE() quirks before 1900)', assessment: variant((a) => (a.profile!.fillDate = '1899-12-31')) },
  { name: 'decimal scores: 33.3, 66.67, 12.5 at their levels', assessment: withScores({ ...allScores(75), '2': 33.3, '3': 66.67, '4': 12.5 }) },
  // 直接认定 (the notice's item 二（二）4): 备注 says the class, or puts it in front of the scored 备注.
  ...(['none', 'national-excellent-2024', 'national-demonstration', 'provincial-demonstration'] as const).flatMap((recognition) => [
    { name: `recognition ${recognition}, 先进级 met`, assessment: variant((a) => (a.profile!.recognition = recognition)) },
    {
      name: `recognition ${recognition}, 先进级 not met (basic only)`,
      assessment: (() => {
        const a = withScores(allScores(65), BASIC8);
        a.profile!.recognition = recognition;
        return a;
      })(),
    },
  ]),
];
