// A key the assessment schema refuses (ASSESSMENT-JSON.md: unknown keys are rejected, never dropped), said as
// the user can act on it: the place in words (企业信息, 申报书“封面”…), and where the key belongs if it is a
// field elsewhere (projectName in profile: 申报书“封面”的“项目名称”), else what the place accepts.
import type { Rubric } from '../rubric/schema';
import type { AppField, ApplicationRubric } from '../application/rubric';
import { isCarried } from '../application/schema';
import type { Lang } from '../i18n/lang';
import { textsFor, type Texts } from '../i18n/texts';
import { profileFieldLabel } from '../i18n/messages';
import { schemaMessages, type SchemaMessages } from '../i18n/schema-messages';
import { PROFILE_NUMBER_KEYS, PROFILE_TEXT_KEYS } from './types';

/** A place of the JSON in words and the keys it takes (key → label). */
interface Place {
  name: string;
  keys: [string, string][];
  /** Its keys are ids of indicators or scenarios, or years: said as a range, not listed by label. */
  numbered?: 'indicator' | 'scenario' | 'year';
}

interface Ctx {
  rubric: Rubric;
  app: ApplicationRubric | undefined;
  m: SchemaMessages;
  t: Texts;
  lang: Lang;
}

const ids = (items: readonly { id: string }[], label: (id: string) => string): [string, string][] => items.map((x) => [x.id, label(x.id)]);

/** The place at a path of the JSON (array indexes included), or undefined where nothing more is known. */
function placeAt(c: Ctx, path: readonly string[]): Place | undefined {
  const { rubric, app, m, t, lang } = c;
  const [head, a, b] = path;
  if (head === undefined) {
    const keys: [string, string][] = [
      ['rubric', m.rubric],
      ['profile', m.profile],
      ['declarations', m.declarations],
      ['maturityLevel', m.maturityLevel],
      ['indicators', m.indicators],
      ['scenarios', m.scenarios],
    ];
    return { name: m.top, keys: app ? [...keys, ['application', m.application]] : keys };
  }
  if (path.length === 1)
    switch (head) {
      case 'profile': {
        const keys = [...PROFILE_TEXT_KEYS, ...PROFILE_NUMBER_KEYS, ...(rubric.recognitions?.length ? ['recognition'] : [])];
        return { name: m.profile, keys: keys.map((k) => [k, profileFieldLabel(k, t)]) };
      }
      case 'declarations':
        return { name: m.declarations, keys: rubric.declarations.map((d) => [d.key, d.label[lang]]) };
      case 'indicators':
        return { name: m.indicators, keys: ids(rubric.indicators, t.indicator), numbered: 'indicator' };
      case 'scenarios':
        return { name: m.scenarios, keys: ids(rubric.scenarios, t.scenario), numbered: 'scenario' };
      case 'application':
        return app && { name: m.application, keys: app.sections.map((s) => [s.key, s.title[lang]]) };
    }
  if (head === 'indicators' && path.length === 2) {
    const ind = rubric.indicators.find((i) => i.id === a);
    if (!ind) return undefined;
    const name = m.indicatorEntry(t.indicator(ind.id));
    return ind.kind === 'level'
      ? {
          name,
          keys: [
            ['level', m.level],
            ['score', m.score],
            ['fit', m.fit],
          ],
        }
      : { name, keys: ind.amounts.map((x) => [x.key, x.label[lang]]) };
  }
  if (head !== 'application' || !app) return undefined;
  const s = app.sections.find((x) => x.key === a);
  if (!s) return undefined;
  const title = s.title[lang];
  const fields = (list: readonly AppField[]): [string, string][] => list.filter(isCarried).map((f) => [f.key, f.label[lang]]);
  const items = (list: readonly { key: string; label: { zh: string; en: string } }[]): [string, string][] => list.map((f) => [f.key, f.label[lang]]);
  switch (s.kind) {
    case 'form':
      return path.length === 2 ? { name: m.section(title), keys: fields(s.fields) } : undefined;
    case 'table':
      return path.length === 3
        ? { name: m.tableRow(title), keys: [...(s.perScenario ? ([['scenario', m.scenarioColumn]] as [string, string][]) : []), ...fields(s.columns)] }
        : undefined;
    case 'yearly':
      if (path.length === 2) return { name: m.section(title), keys: s.years.map((y) => [String(y), String(y)]), numbered: 'year' };
      return path.length === 3 ? { name: m.yearOf(title, b!), keys: fields(s.metrics) } : undefined;
    case 'outcomes':
      if (path.length === 2) return { name: m.section(title), keys: [...items(s.indicators), ['custom', m.custom]] };
      return path.length === 3 && b !== 'custom'
        ? {
            name: m.section(title),
            keys: [
              ['before', m.before],
              ['after', m.after],
            ],
          }
        : undefined;
    case 'instances':
      if (path.length === 2) return { name: m.section(title), keys: ids(rubric.scenarios, t.scenario), numbered: 'scenario' };
      return path.length === 3 ? { name: m.scenarioOf(title, t.scenario(b!)), keys: fields(s.fields) } : undefined;
    case 'pledge':
      return path.length === 2
        ? {
            name: m.section(title),
            keys: [
              ['confirmed', m.confirmed],
              ['date', m.date],
            ],
          }
        : undefined;
    case 'attachments': {
      if (path.length === 2) return { name: m.section(title), keys: items(s.items) };
      const item = s.items.find((i) => i.key === b);
      return path.length === 3 && item
        ? {
            name: m.attachment(title, item.label[lang]),
            keys: [
              ['provided', m.provided],
              ['file', m.file],
            ],
          }
        : undefined;
    }
  }
}

/** Where a field named `key` stands elsewhere, by label: the places a user may have meant, as paths of the JSON. */
function fieldsNamed(c: Ctx, key: string): { where: string; label: string; path: string }[] {
  const found: { where: string; label: string; path: string }[] = [];
  const look = (path: string[], shown = path.join('.')) => {
    const p = placeAt(c, path);
    const hit = p && !p.numbered ? p.keys.find(([k]) => k === key) : undefined;
    if (p && hit) found.push({ where: p.name, label: hit[1], path: `${shown}${shown ? '.' : ''}${key}` });
  };
  look([]);
  look(['profile']);
  look(['declarations']);
  if (c.app) {
    look(['application']);
    for (const s of c.app.sections) {
      if (s.kind === 'form' || s.kind === 'outcomes' || s.kind === 'attachments') look(['application', s.key]);
      if (s.kind === 'table') look(['application', s.key, '0'], `application.${s.key}[]`);
      if (s.kind === 'yearly') look(['application', s.key, String(s.years[0])]);
      if (s.kind === 'instances') look(['application', s.key, c.rubric.scenarios[0]!.id]);
    }
  }
  return found;
}

const LISTED = 20;

/** The sentence for keys refused at `path`: one clause per key. */
export function unknownKeysMessage(
  rubric: Rubric,
  app: ApplicationRubric | undefined,
  path: readonly PropertyKey[],
  keys: readonly string[],
  lang: Lang,
): string {
  const c: Ctx = { rubric, app, m: schemaMessages(lang), t: textsFor(rubric, lang), lang };
  const { m } = c;
  const at = path.map(String);
  const place = placeAt(c, at);
  const name = place?.name ?? at.join('.');
  return keys
    .map((key) => {
      const elsewhere = fieldsNamed(c, key);
      if (elsewhere.length)
        return (
          m.notHere(name, key) +
          m.semicolon +
          m.belongs(
            key,
            elsewhere.slice(0, 3).map((e) => m.place(e.where, e.label, e.path)),
          )
        );
      if (!place || place.keys.length === 0) return m.notHere(name, key) + m.semicolon + m.spelling;
      const [first, last] = [place.keys[0]![0], place.keys[place.keys.length - 1]![0]];
      const list =
        place.numbered === 'year'
          ? m.years(first, last)
          : place.numbered
            ? m.ids(m[place.numbered], first, last)
            : place.keys
                .slice(0, LISTED)
                .map(([k, label]) => (k === label ? k : m.labelled(label, k)))
                .join(m.separator) + (place.keys.length > LISTED ? m.andSo(place.keys.length) : '');
      return m.notHere(name, key) + m.semicolon + m.accepted(name, list);
    })
    .join(m.semicolon);
}
