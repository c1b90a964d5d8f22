// What the text sanitiser (./sanitise.ts) will change in an assessment's texts when a workbook is written from
// it (`sfa template --from x.json`): one warning per field, naming the field and its cell, the limit and what
// is cut, so nothing is shortened silently. Pure: the caller says where a field lives (`locate`).
import type { Assessment } from '../assessment/types';
import type { Rubric } from '../rubric/schema';
import type { Lang } from '../i18n/lang';
import { textsFor } from '../i18n/texts';
import { describePath, textMessages } from '../i18n/messages';
import { EXCEL_CELL_MAX_CHARS, sanitiseText } from './sanitise';

export interface WrittenTextWarning {
  path: string;
  message: string;
}

/** Every string of `v` with its JSON path (objects and arrays walked; array items by index). */
function* strings(v: unknown, path: string): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}.${i}`);
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* strings(x, path ? `${path}.${k}` : k);
}

/** How many characters of what is cut are quoted, so the reader recognises the lost end. */
const QUOTED = 20;

export function writtenTextWarnings(rubric: Rubric, a: Assessment, lang: Lang, locate: (path: string) => string | undefined): WrittenTextWarning[] {
  const t = textsFor(rubric, lang);
  const out: WrittenTextWarning[] = [];
  for (const [path, v] of strings({ profile: a.profile, application: a.application }, '')) {
    const s = sanitiseText(v);
    if (s.replaced === 0 && s.truncated === 0) continue;
    const cell = locate(path);
    // Profile fields have names in words; a 申报书 field is named by its cell, which the sheet labels.
    const words = path.startsWith('application.') ? undefined : describePath(path, t);
    const field = words && cell ? `${words}（${cell}）` : (words ?? cell ?? path);
    if (s.replaced > 0) out.push({ path, message: textMessages.forbiddenChars(t, field, s.replaced) });
    if (s.truncated > 0) {
      const lost = [...v.slice(v.length - s.truncated)].slice(0, QUOTED).join('');
      out.push({ path, message: textMessages.cutFrom(t, field, EXCEL_CELL_MAX_CHARS, s.truncated, lost) });
    }
  }
  return out;
}
