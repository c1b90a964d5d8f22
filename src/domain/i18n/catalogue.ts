// One shape for every message catalogue: the same sentences in each language, Chinese first. `catalogue(zh, en)`
// takes its type from the Chinese and holds the English to it: a key missing from `en`, one `en` has more, or a
// message whose arguments differ is a type error (test/i18n/catalogues.test.ts walks every key at run time too).
import type { Lang } from './lang';

export type Catalogue<T> = Readonly<Record<Lang, T>>;

export function catalogue<T>(zh: T, en: NoInfer<T>): Catalogue<T> {
  return { zh, en };
}

/** One text in the language asked for, Chinese first: for a sentence said in one place only (a catalogue key
 * of its own would add nothing). */
export const zhOrEn = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);
