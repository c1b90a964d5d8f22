// The dropdown texts each choice input accepts, from the rubric: one list for the reader (inputs.ts) and the
// sheets' formulas (typed-formulas.ts), so both take the same words.
import { FIT_IDS, type Rubric } from '../domain/rubric/schema';
import { NA_ALIASES, normalizeTyped } from '../domain/input/grammar';
import { SCENARIO_NONE } from '../domain/i18n/texts';

/** The yes/no dropdown's two texts (the grammar also takes Y/N, TRUE/FALSE…). */
export const YES = '是';
export const NO = '否';

/** The dropdown texts a choice accepts, by the value it stands for (data from the rubric, as the sheet lists them). */
export function choiceTexts(rubric: Rubric) {
  return {
    levels: rubric.levelLabels.map((l) => l.zh),
    na: [rubric.naLabel.zh, ...NA_ALIASES],
    fits: FIT_IDS.map((f) => rubric.fitLabels[f].zh),
    /** Per maturity level: its dropdown text and each of its words ("一级 规划级", "一级", "规划级"). */
    maturity: rubric.maturityLevels.map((m) => [...new Set([m.label.zh, ...m.label.zh.split(' ')])]),
    tiers: rubric.tiers.map((t) => t.label.zh),
    /**
     * A scenario not built: 未建设 (the one term for that state), and the rubric's 未达到 (a tier not met) that
     * workbooks of earlier versions accepted for it, so they still read alike.
     */
    none: [SCENARIO_NONE.zh, rubric.tierLabelNone.zh],
    /**
     * The direct-recognition classes, by the rubric's order, as the grammar normalises text: their labels hold
     * full-width brackets, which the sheet's ASC() and the reader both turn into ASCII ones.
     */
    recognitions: (rubric.recognitions ?? []).map((x) => normalizeTyped(x.label.zh)),
  };
}
