// The whole workbook, built from a rubric: sheets in the order users see them, and the defined names through
// which every input and result is found.
import type { Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import { buildIndicatorsSheet } from './indicators-sheet';
import { buildProfileSheet } from './profile-sheet';
import { buildResultSheet } from './result-sheet';
import { buildRubricSheet } from './rubric-sheet';
import { buildScenariosSheet } from './scenarios-sheet';
import { buildSummarySheet } from './summary-sheet';
import { NAMES } from './names';
import { PRINT } from './styles';
import type { NameSpec, WorkbookLayout } from './types';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { buildApplicationSheets } from './application/sheets';

import { LAYOUT_VERSION } from './version';

export { LAYOUT_VERSION };

export interface LayoutOptions {
  /** Language of labels and check sentences; dropdown values stay as the rubric writes them. */
  lang?: Lang;
}

export function buildLayout(rubric: Rubric, options: LayoutOptions = {}): WorkbookLayout {
  const lang = options.lang ?? 'zh';
  const rub = buildRubricSheet(rubric, LAYOUT_VERSION);
  const profile = buildProfileSheet(rubric, rub.refs, lang);
  const indicators = buildIndicatorsSheet(rubric, rub.refs, profile.refs.revenueValue, lang);
  const scenarios = buildScenariosSheet(rubric, rub.refs, lang);
  const result = buildResultSheet(rubric, profile.refs, indicators.refs, scenarios.refs, lang);
  const summary = buildSummarySheet(rubric, profile.refs, result.refs, lang);
  const app = getApplicationRubric(rubric.id);
  const application = app
    ? buildApplicationSheets(app, rubric, { R: rub.refs, P: profile.refs, Sc: scenarios.refs, Res: result.refs }, lang)
    : { sheets: [], names: [] };

  const names: NameSpec[] = [
    { name: NAMES.rubricId, ref: rub.refs.rubricId },
    { name: NAMES.layoutVersion, ref: rub.refs.layoutVersion },
    { name: NAMES.profile, ref: profile.refs.fields },
    { name: NAMES.declarations, ref: profile.refs.declarations },
    { name: NAMES.maturity, ref: profile.refs.maturity },
    ...(profile.refs.recognition ? [{ name: NAMES.recognition, ref: profile.refs.recognition }] : []),
    { name: NAMES.indicatorLevels, ref: indicators.refs.levels },
    { name: NAMES.indicatorFits, ref: indicators.refs.fits },
    { name: NAMES.indicatorScores, ref: indicators.refs.scores },
    { name: NAMES.indicatorAmounts, ref: indicators.refs.amounts },
    { name: NAMES.scenarioTiers, ref: scenarios.refs.tiers },
    { name: NAMES.scenarioEvidence, ref: scenarios.refs.evidence },
    { name: NAMES.composite, ref: result.refs.composite },
    { name: NAMES.tier, ref: result.refs.tier },
    { name: NAMES.size, ref: result.refs.size },
    { name: NAMES.errors, ref: result.refs.errors },
    { name: NAMES.missing, ref: result.refs.missing },
    { name: NAMES.counts, ref: result.refs.counts },
    { name: NAMES.coverage, ref: result.refs.coverage },
    { name: NAMES.tierMet, ref: result.refs.met },
    { name: NAMES.profileFlags, ref: profile.refs.errorFlags },
    { name: NAMES.indicatorFlags, ref: indicators.refs.errorFlags },
    { name: NAMES.scenarioFlags, ref: scenarios.refs.errorFlags },
    { name: NAMES.summaryUnit, ref: summary.refs.unit },
    { name: NAMES.summaryContact, ref: summary.refs.contact },
    { name: NAMES.summaryPhone, ref: summary.refs.phone },
    { name: NAMES.summaryHeader, ref: summary.refs.header },
    { name: NAMES.summaryRows, ref: summary.refs.rows },
    ...application.names,
  ];
  const sheets = [profile.sheet, indicators.sheet, scenarios.sheet, result.sheet, summary.sheet, ...application.sheets, rub.sheet];
  for (const s of sheets) s.print.footer = PRINT.footer[lang];
  return {
    rubricId: rubric.id,
    layoutVersion: LAYOUT_VERSION,
    sheets,
    names,
    charts: [result.chart],
  };
}

const cache = new WeakMap<Rubric, Partial<Record<Lang, WorkbookLayout>>>();

/** The layout of a rubric in a language, built once (the pane asks on every render). */
export function cachedLayout(rubric: Rubric, lang: Lang = 'zh'): WorkbookLayout {
  let byLang = cache.get(rubric);
  if (!byLang) cache.set(rubric, (byLang = {}));
  return (byLang[lang] ??= buildLayout(rubric, { lang }));
}
