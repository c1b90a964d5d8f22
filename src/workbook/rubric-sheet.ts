// The hidden, protected 规则 sheet: the lookup tables that formulas and dropdown lists need, all from the rubric.
import { TIER_IDS, type Rubric } from '../domain/rubric/schema';
import { formatInterval } from '../domain/scoring/bands';
import { absRange, cell } from './a1';
import { NUMBER_MAX_CHARS } from '../domain/input/grammar';
import { SheetBuilder } from './sheet-builder';
import { SCENARIO_NONE } from '../domain/i18n/texts';
import type { SheetSpec } from './types';
import { NO, YES } from './choices';

export const RUBRIC_SHEET = '规则';
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Absolute references into the rubric sheet, for formulas and validation lists. */
export interface RubricRefs {
  rubricId: string;
  layoutVersion: string;
  levelLabels: string;
  levelLabelsWithNa: string;
  fitLabels: string;
  yesNo: string;
  maturityLabels: string;
  tierLabels: string;
  /** The direct-recognition classes' dropdown texts (empty when the rubric has none). */
  recognitionLabels: string;
  /** The interval table: (level−1)·4 + fitIndex + 1 → min, max, minInclusive, maxInclusive, display; last row = all bands. */
  intervalMin: string;
  intervalMax: string;
  intervalMinInc: string;
  intervalMaxInc: string;
  intervalText: string;
  /** The same in English. */
  intervalTextEn: string;
  overallRow: number;
  /** Per level indicator: its six level texts, as a one-row range. */
  levelTexts: Map<string, string>;
  /** Per scenario: the tiers it offers (labels, left-aligned) and its four tier descriptions ("/" for none). */
  offered: Map<string, string>;
  tierTexts: Map<string, string>;
  creditAlphabet: string;
  creditWeights: string;
  positions18: string;
  positions17: string;
  positions11: string;
  positions10: string;
  /** 1…NUMBER_MAX_CHARS, for reading typed numbers and dates character by character. */
  positions: string;
}

export function buildRubricSheet(rubric: Rubric, layoutVersion: number): { sheet: SheetSpec; refs: RubricRefs } {
  const S = RUBRIC_SHEET;
  const b = new SheetBuilder('rubric', S).hide();
  const col = (n: number, r1: number, r2: number, c2 = n) => absRange(S, n, r1, c2, r2);

  b.block('A1', [
    ['rubric', rubric.id],
    ['layoutVersion', layoutVersion],
  ]);

  const levels = rubric.levelLabels.map((l) => l.zh);
  b.set('D1', '等级').column('D2', [...levels, rubric.naLabel.zh]);
  b.set('E1', '符合程度').column('E2', [rubric.fitLabels.low.zh, rubric.fitLabels.medium.zh, rubric.fitLabels.high.zh]);
  b.set('F1', '是否').column('F2', [YES, NO]);
  b.set('G1', '成熟度').column(
    'G2',
    rubric.maturityLevels.map((m) => m.label.zh),
  );
  const recognitions = (rubric.recognitions ?? []).map((x) => x.label.zh);
  b.set('I1', '直接认定').column('I2', recognitions);
  b.set('H1', '场景等级').column(
    'H2',
    rubric.tiers.map((t) => t.label.zh),
  );

  // Interval table: four rows per level (whole band, then the three fits; a level without fits repeats its band).
  const rows: (string | number)[][] = [];
  for (const band of rubric.bands) {
    for (const iv of [band.range, ...(band.fits ? [band.fits.low, band.fits.medium, band.fits.high] : [band.range, band.range, band.range])])
      rows.push([band.level, iv.min, iv.max, iv.minInclusive ? 1 : 0, iv.maxInclusive ? 1 : 0, formatInterval(iv), formatInterval(iv, 'en')]);
  }
  const first = rubric.bands[0]!.range;
  const last = rubric.bands[rubric.bands.length - 1]!.range;
  const overall = { min: first.min, max: last.max, minInclusive: first.minInclusive, maxInclusive: last.maxInclusive };
  rows.push([0, overall.min, overall.max, overall.minInclusive ? 1 : 0, overall.maxInclusive ? 1 : 0, formatInterval(overall), formatInterval(overall, 'en')]);
  // The band in words in both languages (「20 ≤ 得分 < 40」, "20 ≤ score < 40"): the English workbook shows its own.
  b.row('J1', ['等级', '下限', '上限', '含下限', '含上限', '分段', '分段（英文）']).block('J2', rows);
  const iEnd = 1 + rows.length;

  // Level texts of each level indicator (R…), scenario tiers offered (Z…: the id, 未建设 and up to four tiers) and descriptions (AF…AI).
  const levelTexts = new Map<string, string>();
  const levelIndicators = rubric.indicators.filter((i) => i.kind === 'level');
  b.set('R1', '指标等级描述');
  levelIndicators.forEach((ind, i) => {
    if (ind.kind !== 'level') return;
    b.row(cell(18, 2 + i), [ind.id, ...ind.levels]);
    levelTexts.set(ind.id, col(19, 2 + i, 2 + i, 18 + ind.levels.length));
  });

  const offered = new Map<string, string>();
  const tierTexts = new Map<string, string>();
  b.row(cell(26, 1), ['场景', '可选等级']);
  b.set(cell(32, 1), '各等级描述');
  rubric.scenarios.forEach((s, i) => {
    const r = 2 + i;
    // The dropdown: 未建设 (blank means the same), then the tiers this scenario offers.
    const labels = [SCENARIO_NONE.zh, ...rubric.tiers.filter((t) => s.tiers[t.id] !== null).map((t) => t.label.zh)];
    b.row(cell(26, r), [s.id, ...labels]);
    offered.set(s.id, col(27, r, r, 26 + labels.length));
    b.row(
      cell(32, r),
      TIER_IDS.map((t) => s.tiers[t] ?? '/'),
    );
    tierTexts.set(s.id, col(32, r, r, 35));
  });

  // GB 32100: the alphabet, the weights 3^i mod 31 and positions 1…18 for MID() over a code.
  const weights: number[] = [];
  for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) weights.push(w);
  b.set('AK1', CREDIT_CODE_ALPHABET);
  b.set('AL1', '权重').column('AL2', weights);
  // Positions 1…NUMBER_MAX_CHARS (the first 18 for codes; all of them for number and date text).
  b.set('AM1', '位置').column(
    'AM2',
    Array.from({ length: NUMBER_MAX_CHARS }, (_, i) => i + 1),
  );

  b.widths(14, 14);
  b.print('A1:B2', 'portrait');
  const refs: RubricRefs = {
    rubricId: col(2, 1, 1),
    layoutVersion: col(2, 2, 2),
    levelLabels: col(4, 2, 1 + levels.length),
    levelLabelsWithNa: col(4, 2, 2 + levels.length),
    fitLabels: col(5, 2, 4),
    yesNo: col(6, 2, 3),
    maturityLabels: col(7, 2, 1 + rubric.maturityLevels.length),
    tierLabels: col(8, 2, 1 + rubric.tiers.length),
    recognitionLabels: recognitions.length ? col(9, 2, 1 + recognitions.length) : '',
    intervalMin: col(11, 2, iEnd),
    intervalMax: col(12, 2, iEnd),
    intervalMinInc: col(13, 2, iEnd),
    intervalMaxInc: col(14, 2, iEnd),
    intervalText: col(15, 2, iEnd),
    intervalTextEn: col(16, 2, iEnd),
    overallRow: rows.length,
    levelTexts,
    offered,
    tierTexts,
    creditAlphabet: col(37, 1, 1),
    creditWeights: col(38, 2, 18),
    positions18: col(39, 2, 19),
    positions17: col(39, 2, 18),
    positions11: col(39, 2, 12),
    positions10: col(39, 2, 11),
    positions: col(39, 2, 1 + NUMBER_MAX_CHARS),
  };
  return { sheet: b.build(), refs };
}
