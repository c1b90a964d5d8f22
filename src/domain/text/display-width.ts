// How many terminal columns a text takes: CJK and full-width characters take two, as a terminal draws them.

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Columns `s` takes in a terminal (a CJK or full-width character counts two). */
export const displayWidth = (s: string): number => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
