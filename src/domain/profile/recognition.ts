// The notice's item 二（二）4 (苏工信信发〔2025〕28号): enterprises already recognised by an earlier programme.
// The classes are rubric data (Rubric.recognitions); these say what a profile's class means for the bureau.
import type { Recognition, Rubric } from '../rubric/schema';
import type { Lang } from '../i18n/lang';

/** The rubric's class with this id, or undefined (none given, or an id this rubric does not know). */
export function recognitionOf(rubric: Rubric, id: string | undefined): Recognition | undefined {
  return id === undefined ? undefined : rubric.recognitions?.find((x) => x.id === id);
}

/** Listed in the 推荐汇总表 with its 备注 rather than ranked by score (国家卓越级, 国家示范类…). */
export function isDirectlyRecognised(rubric: Rubric, id: string | undefined): boolean {
  return recognitionOf(rubric, id)?.effect === 'recognised';
}

/** The 备注 of a class (「直接认定：…」), or undefined for none. */
export function recognitionRemark(rubric: Rubric, id: string | undefined, lang: Lang): string | undefined {
  return recognitionOf(rubric, id)?.remark?.[lang];
}
