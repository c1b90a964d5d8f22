// Generated Jiangsu assessments for the parity property: mostly plausible ones that reach every tier, with
// the mistakes people make mixed in (out-of-band scores, 不涉及 where it is not allowed, 「/」 tiers, missing
// inputs, malformed profile fields) and composites exactly on a threshold.
import fc from 'fast-check';
import {
  bandOf,
  fitForScore,
  levelForScore,
  TIER_IDS,
  FIT_IDS,
  SCENARIO_TIER_VALUES,
  type Assessment,
  type LevelAnswer,
  type ScenarioTier,
} from '../../src/domain';
import { advancedAssessment, J, LEVEL_IDS, validCreditCode } from '../fixtures/jiangsu';

type Indicators = NonNullable<Assessment['indicators']>;

/** A score inside the level's band (and inside the fit's sub-band when a fit is given), edges included. */
function inBand(level: number, position: number, withFit: boolean): LevelAnswer {
  const band = bandOf(J, level)!;
  const r = band.range;
  if (r.min === r.max) return { level, score: r.min };
  // position 0 is the lower edge (or just above it when open), position 1 just below the upper edge.
  const lo = r.minInclusive ? r.min : r.min + 1e-6;
  const hi = r.maxInclusive ? r.max : r.max - 1e-6;
  const s = position === 0 ? lo : position === 1 ? hi : r.min + position * (r.max - r.min);
  const fit = withFit ? fitForScore(band, s) : undefined;
  return { level, score: s, ...(fit ? { fit } : {}) };
}

const anyScore = fc.oneof(
  fc.double({ min: -5, max: 105, noNaN: true }),
  fc.integer({ min: -1, max: 101 }),
  fc.constantFrom(0, 7, 14, 20, 27, 34, 40, 47, 54, 60, 67, 74, 80, 87, 94, 100),
);
const position = fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0.01, max: 0.99, noNaN: true }));
const optFit = fc.option(fc.constantFrom(...FIT_IDS), { nil: undefined });
const withFit = <T extends LevelAnswer>(a: T, fit: LevelAnswer['fit']): T => (fit ? { ...a, fit } : a);

/** One level indicator's answer around a target level. */
const levelAnswer = (target: number, noisy: boolean): fc.Arbitrary<LevelAnswer | undefined> => {
  const valid = fc.tuple(fc.constantFrom(-1, 0, 0, 0, 1), position, fc.boolean()).map(([d, p, f]) => inBand(Math.min(6, Math.max(1, target + d)), p, f));
  if (!noisy) return valid;
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), optFit, anyScore).map(([level, fit, score]) => withFit({ level, score }, fit)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.option(anyScore, { nil: undefined }), optFit)
        .map(([score, fit]) => withFit({ level: 'na' as const, ...(score === undefined ? {} : { score }) }, fit)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((level) => ({ level })) },
    { weight: 1, arbitrary: anyScore.map((score) => ({ score })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(0, 7, 2.5), fc.option(anyScore, { nil: undefined }))
        .map(([level, score]) => ({ level, ...(score === undefined ? {} : { score }) })),
    },
  );
};

/** Every applicable indicator scored so that the composite is exactly `t` (pairs t−d, t+d around it). */
const exactComposite: fc.Arbitrary<Indicators> = fc
  .record({
    t: fc.constantFrom(60, 70, 80, 90),
    na: fc.subarray(['1', '5', '6']),
    ds: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }),
    fits: fc.boolean(),
  })
  .map(({ t, na, ds, fits }) => {
    const ids = LEVEL_IDS.filter((id) => !na.includes(id));
    const scores: number[] = ids.map(() => t);
    ds.forEach((d, i) => {
      if (2 * i + 1 >= scores.length) return;
      scores[2 * i] = t - d;
      scores[2 * i + 1] = t + d;
    });
    const out: Indicators = { '7': { investmentTotal: 100, investment2024: 10 } };
    for (const id of na) out[id] = { level: 'na' };
    ids.forEach((id, i) => {
      const s = scores[i]!;
      const level = levelForScore(J, s)!;
      const fit = fits ? fitForScore(bandOf(J, level)!, s) : undefined;
      out[id] = { level, score: s, ...(fit ? { fit } : {}) };
    });
    return out;
  });

const indicatorsArb = (noisy: boolean): fc.Arbitrary<Indicators> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.integer({ min: 1, max: 6 }).chain((target) =>
        fc
          .tuple(fc.array(levelAnswer(target, noisy), { minLength: LEVEL_IDS.length, maxLength: LEVEL_IDS.length }), amountsArb(noisy))
          .map(([answers, amounts]) => {
            const out: Indicators = {};
            LEVEL_IDS.forEach((id, i) => {
              if (answers[i] !== undefined) out[id] = answers[i]!;
            });
            if (amounts) out['7'] = amounts;
            return out;
          }),
      ),
    },
    { weight: 1, arbitrary: exactComposite },
  );

function amountsArb(noisy: boolean): fc.Arbitrary<Record<string, number> | undefined> {
  const valid = fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constant(0));
  const amount = noisy ? fc.option(fc.oneof(valid, fc.constantFrom(-1, -0.5)), { nil: undefined }) : valid;
  return fc.option(
    fc
      .tuple(amount, amount)
      .map(([total, y2024]) => ({ ...(total === undefined ? {} : { investmentTotal: total }), ...(y2024 === undefined ? {} : { investment2024: y2024 }) })),
    { nil: undefined, freq: 6 },
  );
}

/** Scenario claims: the highest offered tier up to a strength, some lower, none or left out, a few wild (maybe 「/」). */
const scenariosArb = (noisy: boolean): fc.Arbitrary<Assessment['scenarios']> => {
  const claims = fc
    .record({
      strength: fc.integer({ min: 1, max: 4 }),
      picks: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: J.scenarios.length, maxLength: J.scenarios.length }),
      wild: fc.array(fc.tuple(fc.integer({ min: 0, max: J.scenarios.length - 1 }), fc.constantFrom(...SCENARIO_TIER_VALUES)), { maxLength: noisy ? 3 : 0 }),
    })
    .map(({ strength, picks, wild }) => {
      const out: Record<string, ScenarioTier> = {};
      J.scenarios.forEach((s, i) => {
        const p = picks[i]!;
        if (p === 9) return; // left out: none
        const cap = p <= 6 ? strength : p === 7 ? strength - 1 : 0;
        const offered = TIER_IDS.slice(0, Math.max(0, cap)).filter((t) => s.tiers[t] !== null);
        out[s.id] = offered[offered.length - 1] ?? 'none';
      });
      for (const [i, t] of wild) out[J.scenarios[i]!.id] = t;
      return out;
    });
  return noisy ? fc.option(claims, { nil: undefined, freq: 10 }) : claims;
};

const allDeclared = () => Object.fromEntries(J.declarations.map((d) => [d.key, true]));
const declarationsArb: fc.Arbitrary<Assessment['declarations']> = fc.option(
  fc
    .array(fc.constantFrom<boolean | undefined>(true, true, true, true, true, true, false, undefined), {
      minLength: J.declarations.length,
      maxLength: J.declarations.length,
    })
    .map((vs) => {
      const out: Record<string, boolean> = {};
      J.declarations.forEach((d, i) => {
        if (vs[i] !== undefined) out[d.key] = vs[i]!;
      });
      return out;
    }),
  { nil: undefined, freq: 12 },
);

const maturityArb: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(0, 6, 2.5) },
);

const code = validCreditCode();
/** A well-formed code whose check digit is wrong: a warning, not an error. */
const wrongCheckDigit = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

/** The fixture's valid profile with fields dropped or broken. */
const profileArb: fc.Arbitrary<Assessment['profile']> = fc
  .record({
    drop: fc.subarray(['enterpriseName', 'creditCode', 'contactMobile', 'employees', 'revenue', 'industry'] as const, { maxLength: 3 }),
    creditCode: fc.option(fc.constantFrom(validCreditCode().toLowerCase(), validCreditCode().slice(0, 17), wrongCheckDigit, 'I1320100MA1XXXXXXX', ' '), {
      nil: undefined,
      freq: 4,
    }),
    contactMobile: fc.option(fc.constantFrom('1391234567', '12912345678', '025-6965275', '1391234567x', '13912345678 '), { nil: undefined, freq: 4 }),
    employees: fc.option(fc.constantFrom(-1, 2.5, 0, 20, 1000), { nil: undefined, freq: 4 }),
    revenue: fc.option(fc.constantFrom(-0.01, 0, 300, 40000), { nil: undefined, freq: 4 }),
    contactEmail: fc.option(fc.constantFrom('a@b.cn', 'not an email'), { nil: undefined, freq: 3 }),
    fillDate: fc.option(
      fc.constantFrom('2025-03-01', '2024-02-29', '1899-12-31', '2023-02-29', '2025-13-01', '2025-04-31', '2025/03/01', '20250301', '0099-01-01', '2025-3-1'),
      { nil: undefined, freq: 3 },
    ),
    enterpriseName: fc.option(fc.constantFrom('=SUM(1,2)', '+86 企业', '@公司', "'引号"), { nil: undefined, freq: 4 }),
  })
  .map(({ drop, ...changes }) => {
    const p: NonNullable<Assessment['profile']> = { ...advancedAssessment().profile };
    for (const [k, v] of Object.entries(changes)) if (v !== undefined) (p as Record<string, unknown>)[k] = v;
    for (const k of drop) delete p[k];
    return p;
  });

/** Noisy assessments mix every kind of mistake; clean ones only vary levels, scores, claims and maturity. */
const mixedArb = (noisy: boolean): fc.Arbitrary<Assessment> =>
  fc
    .record({
      profile: noisy ? profileArb : fc.constant(advancedAssessment().profile),
      declarations: noisy ? declarationsArb : fc.constant(allDeclared()),
      maturityLevel: noisy ? maturityArb : fc.integer({ min: 1, max: 5 }),
      indicators: indicatorsArb(noisy),
      scenarios: scenariosArb(noisy),
    })
    .map(({ profile, declarations, maturityLevel, indicators, scenarios }) => {
      const a: Assessment = { rubric: J.id, profile };
      if (declarations) a.declarations = declarations;
      if (maturityLevel !== undefined) a.maturityLevel = maturityLevel;
      if (Object.keys(indicators).length) a.indicators = indicators;
      if (scenarios) a.scenarios = scenarios;
      return a;
    });

/** Clean assessments near the top (level 6 scores, the highest tiers claimed), one indicator maybe lower. */
const topArb: fc.Arbitrary<Assessment> = fc
  .record({
    positions: fc.array(fc.double({ min: 0.3, max: 0.99, noNaN: true }), { minLength: LEVEL_IDS.length, maxLength: LEVEL_IDS.length }),
    lower: fc.option(fc.tuple(fc.integer({ min: 0, max: LEVEL_IDS.length - 1 }), fc.integer({ min: 1, max: 5 })), { nil: undefined, freq: 2 }),
    maturity: fc.integer({ min: 3, max: 5 }),
    skip: fc.subarray(
      J.scenarios.map((s) => s.id),
      { maxLength: 18 },
    ),
  })
  .map(({ positions, lower, maturity, skip }) => {
    const a = advancedAssessment();
    a.maturityLevel = maturity;
    a.indicators = { '7': { investmentTotal: 5000, investment2024: 800 } };
    LEVEL_IDS.forEach((id, i) => {
      a.indicators![id] = inBand(lower?.[0] === i ? lower[1] : 6, positions[i]!, i % 2 === 0);
    });
    a.scenarios = Object.fromEntries(J.scenarios.map((s) => [s.id, skip.includes(s.id) ? 'none' : 'leading']));
    return a;
  });

export const assessmentArb: fc.Arbitrary<Assessment> = fc.oneof(
  { weight: 4, arbitrary: mixedArb(true) },
  { weight: 3, arbitrary: mixedArb(false) },
  { weight: 1, arbitrary: topArb },
);
