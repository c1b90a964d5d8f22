/** Languages of every message the product prints: Chinese by default, English on request. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}
