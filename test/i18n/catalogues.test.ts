// Every message catalogue, walked key by key in both languages: no key without its translation (same keys,
// same kinds, same arity), and no message that shows a raw field key, a JSON path, bracket interval notation or
// 「在 … 之间」. Then the wording rules: one term per state (未建设 / 未达到 / 不涉及), 「高于」 for strict thresholds,
// every field path of the rubric in words. A new catalogue goes into CATALOGUES below (a test fails until it does).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLI_TEXT, cliText } from '../../src/domain/i18n/cli';
import { catalogue, type Catalogue } from '../../src/domain/i18n/catalogue';
import { FILE_MESSAGES } from '../../src/domain/i18n/files';
import { WORKBOOK_READ_TEXT } from '../../src/domain/i18n/workbook-read';
import { SCHEMA_MESSAGES } from '../../src/domain/i18n/schema-messages';
import { describePath, gapMessage, internalErrorMessages, issueMessages, jsonMessages, textMessages, whatIfMessages } from '../../src/domain/i18n/messages';
import { applicationMessages } from '../../src/domain/i18n/application-messages';
import { reviewMessages } from '../../src/domain/bureau/messages';
import { formatInterval, textsFor } from '../../src/domain/i18n/texts';
import { mergeMessages } from '../../src/domain/merge/messages';
import { PANE_STRINGS, paneStrings } from '../../src/taskpane/strings';
import { WORKBOOK_LABELS } from '../../src/workbook/labels';
import { BUREAU_LABELS, bureauLabels } from '../../src/workbook/merged-labels';
import { APPLICATION_LABELS } from '../../src/workbook/application/labels';
import { PROFILE_LAYOUT } from '../../src/workbook/profile-layout';
import { J } from '../fixtures/jiangsu';

/** Every catalogue, by its file under src/. */
const CATALOGUES: Record<string, Catalogue<unknown>> = {
  'domain/i18n/cli': CLI_TEXT,
  'domain/i18n/files': FILE_MESSAGES,
  'domain/i18n/workbook-read': WORKBOOK_READ_TEXT,
  'domain/i18n/schema-messages': SCHEMA_MESSAGES,
  'taskpane/strings': PANE_STRINGS,
  'workbook/labels': WORKBOOK_LABELS,
  'workbook/merged-labels': BUREAU_LABELS,
  'workbook/application/labels': APPLICATION_LABELS,
};

describe('the catalogues', () => {
  const SRC = join(__dirname, '..', '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

  it('are all walked here: every file of src that makes one with catalogue(zh, en) is in CATALOGUES', () => {
    const making = files(SRC)
      .filter((f) => /= catalogue\(zh, /.test(readFileSync(f, 'utf8')))
      .map((f) =>
        relative(SRC, f)
          .replace(/\.tsx?$/, '')
          .split('\\')
          .join('/'),
      )
      .sort();
    expect(making).toEqual(Object.keys(CATALOGUES).sort());
  });

  it('hold the English to the Chinese shape at compile time', () => {
    const zh = { title: '标题', count: (n: number) => `${n} 项`, nested: { a: '甲' } };
    // @ts-expect-error a key missing from the English
    catalogue(zh, { title: 'Title', count: (n) => `${n} items` });
    // @ts-expect-error a key the Chinese does not have
    catalogue(zh, { title: 'Title', count: (n) => `${n} items`, nested: { a: 'A' }, extra: 'x' });
    // @ts-expect-error a nested key missing
    catalogue(zh, { title: 'Title', count: (n) => `${n} items`, nested: {} });
    // @ts-expect-error a message taking another kind of argument
    catalogue(zh, { title: 'Title', count: (n: string) => `${n} items`, nested: { a: 'A' } });
    const ok = catalogue(zh, { title: 'Title', count: (n) => `${n} items`, nested: { a: 'A' } });
    expect(ok.en.count(2)).toBe('2 items');
    expect(ok.zh).toBe(zh);
  });
});

/** What must never reach a user: a camelCase field key, a JSON path, bracket intervals, 「在 0 之间」, a defined name. */
const RAW = [
  /\b[a-z]+[A-Z][A-Za-z]+\b/,
  /\b(?:profile|indicators|scenarios|declarations)\.[\w.]+/,
  /[[(]\d+(?:\.\d+)?, \d+(?:\.\d+)?[)\]]/,
  /在 [\d.]+ 之间/,
  /undefined|NaN|\[object Object\]/,
  // A defined name of the layout said as the reason ("没有 SFA_LAYOUT_VERSION 名称"): nothing a clerk can act on.
  // (SFA_DEBUG is an environment variable the user sets.)
  /\bSFA_(?!DEBUG\b)[A-Z_]+\b/,
];
const rawIn = (s: string) => RAW.find((re) => re.test(s));

/** "1 enterprises", "1 errors": a count of one with a plural noun (the nouns the catalogues count). */
const ONE_PLURAL = /\b1 (?:[a-z-]+ )?(?:enterprises|files|errors|warnings|scenarios|rows|characters|entries|prompts|problems|cells)\b/;
/** Calls an English message with 1 for every numeric argument (texts where it takes texts). */
function saidWithOnes(fn: (...a: never[]) => unknown, prefix: unknown[] = []): string | undefined {
  const n = Math.max(0, fn.length - prefix.length);
  for (const args of [
    Array(n).fill(1),
    Array(n)
      .fill('甲')
      .map((v, i) => (i === 0 ? v : 1)),
    ['甲', 1, 1, 1, 1, 1].slice(0, n),
  ]) {
    try {
      const r = (fn as (...a: unknown[]) => unknown)(...prefix, ...args);
      if (typeof r === 'string' && !GARBAGE.test(r)) return r;
    } catch {
      // the next kind of arguments
    }
  }
  return undefined;
}

/** Sample arguments of the kinds catalogues take: numbers, texts, a field path, an interval, lists. */
const TRIES = (n: number): unknown[][] => [
  Array(n).fill(3),
  Array(n).fill('3'),
  Array(n).fill('甲'),
  ['3', 3, undefined, '20 ≤ 得分 < 40', 3].slice(0, n),
  ['indicators.3.score', 3, 3].slice(0, n),
  ['甲', '甲', []].slice(0, n),
  ['甲', '.xlsx'].slice(0, n),
  ['甲', { basis: 'fillDate', mode: 'fillDate', newer: { fillDate: '2025-03-01' }, older: { fillDate: '2025-01-05' } }].slice(0, n),
  [{ basis: 'fillDate', mode: 'fillDate', newer: { fillDate: '2025-03-01' }, older: { fillDate: '2025-01-05' } }].slice(0, n),
  [['甲', '乙']].slice(0, n),
  ['甲', ['甲', '乙']].slice(0, n),
  ['composite', '70.00', '75.00'].slice(0, n),
  ['error', '甲'].slice(0, n),
  ['甲', [{ field: '甲', equals: '是' }]].slice(0, n),
  [
    [
      {
        origin: { kind: 'file', file: '甲.xlsx', input: 0 },
        why: { basis: 'fillDate', mode: 'fillDate', newer: { fillDate: '2025-03-01' }, older: { fillDate: '2025-01-05' } },
      },
    ],
    0,
  ].slice(0, n),
];
const GARBAGE = /undefined|NaN|\[object Object\]/;

/** Calls `fn(...prefix, ...args)` with the sample arguments until one says a clean sentence (else the first). */
function sample(fn: (...a: never[]) => unknown, prefix: unknown[] = []): string | undefined {
  let first: string | undefined;
  for (const args of TRIES(Math.max(0, fn.length - prefix.length))) {
    try {
      const r = (fn as (...a: unknown[]) => unknown)(...prefix, ...args);
      if (typeof r !== 'string') continue;
      if (!GARBAGE.test(r)) return r;
      first ??= r;
    } catch {
      // the next kind of arguments
    }
  }
  return first;
}

interface Leaf {
  key: string;
  zh: unknown;
  en: unknown;
}
function leaves(zh: unknown, en: unknown, key: string, out: Leaf[]): Leaf[] {
  if (zh !== null && typeof zh === 'object' && !Array.isArray(zh)) {
    const zk = Object.keys(zh as object).sort();
    const ek = en !== null && typeof en === 'object' ? Object.keys(en as object).sort() : [];
    // A table of headings keyed by the English text it replaces (commander's) needs no English twin.
    if (key.endsWith('.titles')) return out;
    expect([key, ek]).toEqual([key, zk]);
    for (const k of zk) leaves((zh as Record<string, unknown>)[k], (en as Record<string, unknown>)[k], `${key}.${k}`, out);
    return out;
  }
  out.push({ key, zh, en });
  return out;
}

describe.each(Object.entries(CATALOGUES))('catalogue %s', (_name, c) => {
  const all = leaves(c.zh, c.en, _name, []);

  it('has every key in both languages, of the same kind', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) {
      expect([l.key, typeof l.en]).toEqual([l.key, typeof l.zh]);
      if (typeof l.zh === 'function') expect([l.key, (l.en as () => void).length]).toEqual([l.key, (l.zh as () => void).length]);
      if (typeof l.zh === 'string' && l.zh.trim() !== '') expect([l.key, (l.en as string).trim() === '']).toEqual([l.key, false]);
    }
  });

  it('shows no raw field key, JSON path or bracket interval in either language', () => {
    let exercised = 0;
    for (const l of all)
      for (const v of [l.zh, l.en]) {
        const text = typeof v === 'string' ? v : typeof v === 'function' ? sample(v as () => unknown) : Array.isArray(v) ? v.join(' ') : undefined;
        if (text === undefined) continue;
        exercised++;
        expect([l.key, text, rawIn(text)]).toEqual([l.key, text, undefined]);
      }
    expect(exercised).toBeGreaterThan(all.length); // both languages of most keys were said
  });

  it('counts one thing in the singular in English ("1 enterprise", never "1 enterprises")', () => {
    for (const l of all) {
      if (typeof l.en !== 'function') continue;
      const said = saidWithOnes(l.en as () => unknown);
      if (said !== undefined) expect([l.key, said, ONE_PLURAL.test(said)]).toEqual([l.key, said, false]);
    }
  });
});

describe('the engine’s and the merge’s messages', () => {
  const zh = textsFor(J, 'zh');
  const en = textsFor(J, 'en');

  it('say every field path of the rubric in words, in both languages (no 「investmentTotal未填写」)', () => {
    const paths = [
      ...PROFILE_LAYOUT.map((k) => `profile.${k}`),
      ...J.declarations.map((d) => `declarations.${d.key}`),
      'maturityLevel',
      ...J.scenarios.map((s) => `scenarios.${s.id}`),
      ...J.indicators.flatMap((i) =>
        i.kind === 'amounts' ? i.amounts.map((a) => `indicators.${i.id}.${a.key}`) : ['level', 'score', 'fit'].map((f) => `indicators.${i.id}.${f}`),
      ),
    ];
    for (const p of paths)
      for (const t of [zh, en]) {
        const said = issueMessages.required(t, p);
        expect([p, rawIn(said)]).toEqual([p, undefined]);
        expect(describePath(p, t)).not.toBe(p);
      }
    expect(issueMessages.required(zh, 'indicators.7.investmentTotal')).not.toMatch(/[A-Za-z]{4}/);
  });

  it('every issue message, in both languages, is free of raw keys and brackets', () => {
    for (const [key, fn] of Object.entries(issueMessages))
      for (const t of [zh, en]) {
        const said = sample(fn as (...a: never[]) => unknown, [t]);
        expect([key, said !== undefined]).toEqual([key, true]);
        expect([key, said, rawIn(said!)]).toEqual([key, said, undefined]);
      }
  });

  it('say intervals in words: 「20 ≤ 得分 < 40」, 「得分 = 0」, never [20, 40) or 「在 0 之间」', () => {
    expect(formatInterval({ min: 20, max: 40, minInclusive: true, maxInclusive: false }, 'zh')).toBe('20 ≤ 得分 < 40');
    expect(formatInterval({ min: 0, max: 20, minInclusive: false, maxInclusive: false }, 'en')).toBe('0 < score < 20');
    expect(formatInterval({ min: 0, max: 0, minInclusive: true, maxInclusive: true }, 'zh')).toBe('得分 = 0');
    const one = issueMessages.scoreOutOfBand(zh, '3', 1, undefined, formatInterval(J.bands[0]!.range, 'zh'), 5);
    expect(one).toContain('一级要求 得分 = 0，填写的是 5');
    expect(one).not.toMatch(/之间/);
  });

  it('one term per state: a scenario not built is 未建设, a tier not met 未达到, n/a 不涉及', () => {
    const whatIf = whatIfMessages.change({ kind: 'scenario', id: '9', tier: 'basic' }, { rubric: J.id }, zh);
    expect(whatIf).toContain('从未建设调整到基础级');
    const gap = gapMessage({ kind: 'raise-scenario', scenario: '9', segment: null, from: 'none', to: 'basic', forSegment: false }, zh);
    expect(gap).toContain('从未建设提升到基础级');
    expect(gap).not.toContain('未达到');
    expect(zh.tier('none')).toBe('未达到');
    expect(zh.na).toBe('不涉及');
    expect(en.scenarioTier('none')).toBe('not built');
  });

  it('strict thresholds say 「高于」, never 「以上」', () => {
    const g = gapMessage({ kind: 'composite', from: 65, above: 70, points: 12, count: 10 }, zh);
    expect(g).toContain('提高到高于 70');
    expect(g).not.toContain('以上');
    expect(gapMessage({ kind: 'composite', from: 65, above: 70, points: 12, count: 10 }, en)).toContain('to above 70');
  });

  it('English counts one thing in the singular, in the engine’s and the merge’s messages too', () => {
    const said = [
      ...Object.values(issueMessages).map((fn) => saidWithOnes(fn as (...a: never[]) => unknown, [en])),
      ...Object.values(mergeMessages).map((fn) => saidWithOnes(fn as (...a: never[]) => unknown, ['en'])),
      gapMessage({ kind: 'fix-errors', paths: ['indicators.3.score'] }, en),
      gapMessage({ kind: 'scenarios', tier: 'advanced', have: 0, need: 1 }, en),
      bureauLabels('en').statsBasis(1, 1),
      paneStrings('en').merge.done(1, 1, 0, 0, 1),
      cliText('en').mergeSummary('x.xlsx', 1, 1, 0, 0, 1),
    ].filter((s): s is string => s !== undefined);
    expect(said.length).toBeGreaterThan(20);
    for (const s of said) expect([s, ONE_PLURAL.test(s)]).toEqual([s, false]);
    expect(paneStrings('en').merge.done(1, 1, 0, 0, 1)).toContain('1 enterprise (1 file merged');
    expect(bureauLabels('en').statsBasis(2, 2)).toBe('2 enterprises.');
  });

  it('merge messages are said in both languages without raw keys', () => {
    for (const [key, fn] of Object.entries(mergeMessages))
      for (const lang of ['zh', 'en'] as const) {
        const said = sample(fn as (...a: never[]) => unknown, [lang]);
        if (said !== undefined) expect([key, lang, said, rawIn(said)]).toEqual([key, lang, said, undefined]);
      }
  });
});

/** The message tables said with `zhOrEn` (one function per sentence, Chinese and English side by side), by the
 * language or the texts they take first. A new `export const …Messages = {` table goes in here (a test fails). */
type Table = Record<string, (...a: never[]) => unknown>;
const BY_LANG: Record<string, Table> = { mergeMessages, reviewMessages, applicationMessages, internalErrorMessages, jsonMessages };
const BY_TEXTS: Record<string, Table> = { issueMessages, textMessages, whatIfMessages: whatIfMessages as unknown as Table };
const CJK = /[\u4e00-\u9fff]/;

describe('the message tables outside the catalogues', () => {
  it('are all walked here: every `export const …Messages = {` of src is in BY_LANG or BY_TEXTS', () => {
    const SRC = join(__dirname, '..', '..', 'src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const tables = files(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^export const (\w+Messages) = \{/gm)].map((m) => m[1]!));
    expect(tables.sort()).toEqual([...Object.keys(BY_LANG), ...Object.keys(BY_TEXTS)].sort());
  });

  /** What is wrong with a table's sentences: one not said, an English equal to its Chinese, a Chinese without
   * Chinese, a raw key; `say` calls one sentence in a language. */
  function problemsOf(table: Table, say: (fn: Table[string], lang: 'zh' | 'en') => string | undefined): string[] {
    const out: string[] = [];
    for (const [key, fn] of Object.entries(table)) {
      const zh = say(fn, 'zh');
      const en = say(fn, 'en');
      if (zh === undefined || en === undefined) out.push(`${key}: not said`);
      else {
        if (en === zh) out.push(`${key}: English = Chinese 「${zh}」`);
        if (!CJK.test(zh)) out.push(`${key}: no Chinese in 「${zh}」`);
        for (const text of [zh, en]) if (rawIn(text)) out.push(`${key}: raw key in 「${text}」`);
      }
    }
    return out;
  }
  // A sentence that needs the rubric's words takes the texts instead of the language (mergeMessages.fallbackReason).
  const byLang = (fn: Table[string], lang: 'zh' | 'en') => sample(fn, [lang]) ?? sample(fn, [textsFor(J, lang)]);
  const byTexts = (fn: Table[string], lang: 'zh' | 'en') => sample(fn, [textsFor(J, lang)]);

  it.each(Object.entries(BY_LANG))('%s: every sentence in both languages, translated, without raw keys', (_name, table) => {
    expect(problemsOf(table, byLang)).toEqual([]);
  });

  it.each(Object.entries(BY_TEXTS))('%s: every sentence in both languages, translated, without raw keys', (name, table) => {
    // whatIfMessages.change takes (change, assessment, texts): 'one term per state' above says it in both languages.
    if (name === 'whatIfMessages') return;
    expect(problemsOf(table, byTexts)).toEqual([]);
  });

  it('the check finds an untranslated sentence, a raw key and one it cannot say', () => {
    const fake: Table = {
      same: ((lang: string) => zhOrEnFake(lang, '未填写', '未填写')) as never,
      raw: ((lang: string) => zhOrEnFake(lang, 'investmentTotal未填写', 'investmentTotal is missing')) as never,
      odd: ((_lang: string, x: { deep: { er: string } }) => x.deep.er) as never,
    };
    expect(problemsOf(fake, byLang)).toEqual([
      'same: English = Chinese 「未填写」',
      'raw: raw key in 「investmentTotal未填写」',
      'raw: raw key in 「investmentTotal is missing」',
      'odd: not said',
    ]);
  });
});

const zhOrEnFake = (lang: string, zh: string, en: string) => (lang === 'zh' ? zh : en);
