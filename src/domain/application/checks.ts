// The 申报书 checked on its own and against the self-assessment it comes with: required fields, word limits,
// numbers and dates, 须已建设完成, one 附1-1 instance per scenario claimed at 先进级 or higher and none for
// the others, 附1-2 rows of real instances, 环节 sections, 建成后 worse than 建设前, attachments, pledges, and the
// 自动导入 fields that must equal what the assessment computes. Pure: the same report in the CLI and the pane.
import { TIER_IDS, type Rubric } from '../rubric/schema';
import type { Assessment } from '../assessment/types';
import type { Lang } from '../i18n/lang';
import { applicationMessages as M } from '../i18n/application-messages';
import { fmt2 } from '../i18n/texts';
import { isIsoDate } from '../profile/checks';
import { evaluate, tierRank } from '../scoring/evaluate';
import { recognitionOf } from '../profile/recognition';
import type { AppField, AppSection, ApplicationRubric } from './rubric';
import { countChars, impliedValues } from './rubric-values';
import type { Application, AttachmentsValue, FormValue, OutcomesValue, PledgeValue, TableRow } from './types';

export type AppIssueCode =
  | 'required'
  | 'over-limit'
  | 'out-of-range'
  | 'check-value'
  | 'date-invalid'
  | 'phone-invalid'
  | 'not-completed'
  | 'instance-missing'
  | 'instance-unclaimed'
  | 'resource-scenario'
  | 'segment-empty'
  | 'outcome-worse'
  | 'attachment-missing'
  | 'pledge-not-confirmed'
  | 'auto-mismatch'
  | 'recognition-mismatch';

export interface AppIssue {
  /** Dotted path from `application`, e.g. `application.instances.10.description`. */
  path: string;
  code: AppIssueCode;
  message: string;
}

/** How far a section is: required entries filled out of those asked, and its problems. */
export interface SectionStatus {
  key: string;
  title: string;
  required: number;
  filled: number;
  errors: number;
  warnings: number;
}

export interface ApplicationReport {
  /** Every required entry filled and no errors. */
  complete: boolean;
  sections: SectionStatus[];
  errors: AppIssue[];
  warnings: AppIssue[];
}

/** The whole 申报书 at a glance (审核's 申报书 column): required entries filled over every section, and the open sections. */
export function applicationTotals(report: ApplicationReport): { filled: number; required: number; open: string[]; errors: number } {
  const sections = report.sections;
  return {
    filled: sections.reduce((n, x) => n + x.filled, 0),
    required: sections.reduce((n, x) => n + x.required, 0),
    open: sections.filter((x) => x.filled < x.required).map((x) => x.title),
    errors: report.errors.length,
  };
}

export interface CheckOptions {
  lang?: Lang;
  /** Today as YYYY-MM-DD: the completion date must not be later when no 申报日期 is given. */
  today?: string;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const PHONE = /^[0-9+\-－()（） ]{7,24}$/;

/** The value of a 是/否 or choice field as the sheet shows it, for `when` conditions. */
const shown = (v: unknown) => (v === true ? '是' : v === false ? '否' : typeof v === 'string' ? v.trim() : v === undefined ? '' : String(v));

export function checkApplication(app: ApplicationRubric, rubric: Rubric, a: Assessment, options: CheckOptions = {}): ApplicationReport {
  const lang = options.lang ?? 'zh';
  const application: Application = a.application ?? {};
  const errors: AppIssue[] = [];
  const warnings: AppIssue[] = [];
  const statuses = new Map<string, SectionStatus>(
    app.sections.map((s) => [s.key, { key: s.key, title: s.title[lang], required: 0, filled: 0, errors: 0, warnings: 0 }]),
  );
  const err = (section: string, path: string, code: AppIssueCode, message: string) => {
    errors.push({ path: `application.${path}`, code, message });
    statuses.get(section)!.errors++;
  };
  const warn = (section: string, path: string, code: AppIssueCode, message: string) => {
    warnings.push({ path: `application.${path}`, code, message });
    statuses.get(section)!.warnings++;
  };
  const need = (section: string, filled: boolean) => {
    const st = statuses.get(section)!;
    st.required++;
    if (filled) st.filled++;
  };
  const ranks = new Map(rubric.scenarios.map((s) => [s.id, tierRank(a.scenarios?.[s.id] ?? 'none')]));
  const instances = app.sections.find((s) => s.kind === 'instances');
  const minRank = instances?.kind === 'instances' ? TIER_IDS.indexOf(instances.minTier) + 1 : 2;
  const claimed = (id: string) => (ranks.get(id) ?? 0) >= minRank;
  const scenarioName = (id: string) => `${id} ${rubric.scenarios.find((s) => s.id === id)?.name[lang] ?? ''}`.trim();
  const label = (f: AppField) => f.label[lang];

  /** A filled value's own problems (kind, range, limit). */
  const checkValue = (section: string, path: string, f: AppField, v: unknown, what = label(f)) => {
    if (f.kind === 'longText' && typeof v === 'string') {
      const n = countChars(v);
      if (n > f.limit!) err(section, path, 'over-limit', M.overLimit(lang, what, f.limit!, n));
    } else if (typeof v === 'number') {
      if ((f.kind === 'integer' || f.kind === 'year') && !Number.isInteger(v)) err(section, path, 'out-of-range', M.notWhole(lang, what, v));
      else if (f.min !== undefined && v < f.min) err(section, path, 'out-of-range', M.belowMin(lang, what, f.min, v));
      else if (f.max !== undefined && v > f.max) err(section, path, 'out-of-range', M.aboveMax(lang, what, f.max, v));
      else if (f.warnAbove !== undefined && v > f.warnAbove) warn(section, path, 'check-value', M.warnAbove(lang, what, f.warnAbove, v));
    } else if (f.kind === 'date' && typeof v === 'string' && !isIsoDate(v)) err(section, path, 'date-invalid', M.dateInvalid(lang, what, v));
    else if (f.kind === 'phone' && typeof v === 'string' && !PHONE.test(v.trim())) err(section, path, 'phone-invalid', M.phoneInvalid(lang, what, v));
  };

  const evaluation = evaluate(rubric, a, lang);
  const computed = {
    size: evaluation.enterpriseSize === null ? null : `${evaluation.enterpriseSize}`,
    composite: evaluation.composite,
    tier: evaluation.tier ?? 'none',
    maturity: a.maturityLevel ?? null,
  };
  const tierText = (t: string) => (t === 'none' ? rubric.tierLabelNone[lang] : (rubric.tiers.find((x) => x.id === t)?.label[lang] ?? t));

  for (const s of app.sections) {
    const value = application[s.key];
    switch (s.kind) {
      case 'form': {
        const v = (value ?? {}) as FormValue;
        const segment = app.segmentSections.find((g) => g.section === s.key);
        for (const f of s.fields) {
          const x = v[f.key];
          const path = `${s.key}.${f.key}`;
          if (f.kind === 'auto') {
            if (!f.auto || !('computed' in f.auto) || x === undefined) continue;
            const c = computed[f.auto.computed];
            const same =
              f.auto.computed === 'composite'
                ? typeof x === 'number' && c !== null && fmt2(x) === fmt2(c as number)
                : c !== null && String(x).replace(/企业$/, '') === String(c);
            if (!same) {
              const show = (y: unknown) =>
                y === null
                  ? '—'
                  : f.auto && 'computed' in f.auto && f.auto.computed === 'tier'
                    ? tierText(String(y))
                    : f.auto && 'computed' in f.auto && f.auto.computed === 'composite' && typeof y === 'number'
                      ? fmt2(y)
                      : String(y);
              err(s.key, path, 'auto-mismatch', M.autoMismatch(lang, label(f), show(x), show(c)));
            }
            continue;
          }
          const asked = !f.when || shown(v[f.when.field]) === f.when.equals;
          const seg = app.segmentSections.find((g) => g.section === s.key && g.field === f.key);
          const segCount = seg ? rubric.scenarios.filter((sc) => sc.segment === seg.segment && claimed(sc.id)).length : 0;
          if ((f.required && asked) || segCount > 0) need(s.key, !isBlank(x));
          if (isBlank(x)) {
            if (segCount > 0) err(s.key, path, 'segment-empty', M.segmentEmpty(lang, label(f), seg!.segment, segCount));
            else if (f.required && asked) warn(s.key, path, 'required', M.required(lang, label(f)));
            continue;
          }
          checkValue(s.key, path, f, x);
        }
        void segment;
        break;
      }
      case 'table': {
        const rows = (value ?? []) as TableRow[];
        const title = s.title[lang];
        rows.forEach((row, i) => {
          for (const c of s.columns) {
            const x = row[c.key];
            const path = `${s.key}.${i}.${c.key}`;
            if (isBlank(x)) {
              if (c.required) err(s.key, path, 'required', M.rowMissing(lang, title, i + 1, label(c)));
            } else checkValue(s.key, path, c, x, `${title}第 ${i + 1} 行「${label(c)}」`);
          }
          if (s.perScenario) {
            const sc = row.scenario;
            if (isBlank(sc)) err(s.key, `${s.key}.${i}.scenario`, 'resource-scenario', M.resourceNoScenario(lang, title, i + 1));
            else if (!claimed(String(sc)))
              err(s.key, `${s.key}.${i}.scenario`, 'resource-scenario', M.resourceUnclaimed(lang, title, i + 1, scenarioName(String(sc))));
          }
        });
        break;
      }
      case 'yearly': {
        const v = (value ?? {}) as Record<string, FormValue>;
        for (const y of s.years) {
          for (const m of s.metrics) {
            const x = v[String(y)]?.[m.key];
            const what = `${y} 年${label(m)}`;
            if (m.required) need(s.key, !isBlank(x));
            if (isBlank(x)) {
              if (m.required) warn(s.key, `${s.key}.${y}.${m.key}`, 'required', M.required(lang, what));
            } else checkValue(s.key, `${s.key}.${y}.${m.key}`, m, x, what);
          }
        }
        break;
      }
      case 'outcomes': {
        const v = (value ?? {}) as OutcomesValue;
        const worse = (what: string, path: string, direction: 'up' | 'down', before?: number, after?: number) => {
          if (before === undefined || after === undefined) return;
          if (direction === 'up' ? after < before : after > before) warn(s.key, path, 'outcome-worse', M.outcomeWorse(lang, what, before, after));
        };
        for (const ind of s.indicators) {
          const p = v[ind.key];
          need(s.key, p?.before !== undefined && p?.after !== undefined);
          worse(ind.label[lang], `${s.key}.${ind.key}.after`, ind.direction, p?.before, p?.after);
        }
        (v.custom ?? []).forEach((c, i) => {
          if (isBlank(c.label)) err(s.key, `${s.key}.custom.${i}.label`, 'required', M.outcomeNoLabel(lang, i + 1));
          worse(c.label, `${s.key}.custom.${i}.after`, c.direction, c.before, c.after);
        });
        break;
      }
      case 'instances': {
        const v = (value ?? {}) as Record<string, FormValue>;
        for (const sc of rubric.scenarios) {
          const inst = v[sc.id];
          const started = !!inst && Object.values(inst).some((x) => !isBlank(x));
          if (claimed(sc.id)) {
            const tier = tierText(a.scenarios![sc.id]!);
            if (!started) {
              for (const f of s.fields) if (f.required) need(s.key, false);
              err(s.key, `${s.key}.${sc.id}`, 'instance-missing', M.instanceMissing(lang, scenarioName(sc.id), tier));
              continue;
            }
            for (const f of s.fields) {
              const x = inst![f.key];
              if (f.required) need(s.key, !isBlank(x));
              const what = `${scenarioName(sc.id)}：${label(f)}`;
              if (isBlank(x)) {
                if (f.required) warn(s.key, `${s.key}.${sc.id}.${f.key}`, 'required', M.required(lang, what));
              } else checkValue(s.key, `${s.key}.${sc.id}.${f.key}`, f, x, what);
            }
          } else if (started) err(s.key, `${s.key}.${sc.id}`, 'instance-unclaimed', M.instanceUnclaimed(lang, scenarioName(sc.id)));
        }
        break;
      }
      case 'pledge': {
        const v = (value ?? {}) as PledgeValue;
        s.statements.forEach((_, i) => {
          const ok = v.confirmed?.[i] === true;
          need(s.key, ok);
          if (!ok) warn(s.key, `${s.key}.confirmed.${i}`, 'pledge-not-confirmed', M.pledgeNotConfirmed(lang, i + 1));
        });
        need(s.key, !isBlank(v.date));
        if (isBlank(v.date)) warn(s.key, `${s.key}.date`, 'required', M.required(lang, s.dateLabel[lang]));
        else if (!isIsoDate(v.date!)) err(s.key, `${s.key}.date`, 'date-invalid', M.dateInvalid(lang, s.dateLabel[lang], v.date!));
        break;
      }
      case 'attachments': {
        const v = (value ?? {}) as AttachmentsValue;
        const honoured = app.honours.some((h) => shown((application[h.section] as FormValue | undefined)?.[h.field]) === h.equals);
        for (const it of s.items) {
          const x = v[it.key];
          const needed = it.required === 'always' || (it.required === 'ifHonours' && honoured);
          if (needed) need(s.key, x?.provided === true);
          if (needed && x?.provided !== true)
            err(
              s.key,
              `${s.key}.${it.key}.provided`,
              'attachment-missing',
              it.required === 'always' ? M.attachmentMissing(lang, it.label[lang]) : M.honoursMissing(lang, it.label[lang]),
            );
          if (x?.provided === true && isBlank(x.file)) warn(s.key, `${s.key}.${it.key}.file`, 'required', M.fileMissing(lang, it.label[lang]));
        }
        break;
      }
    }
  }
  checkCompletion(app, application, lang, options.today, err);
  checkRecognition(app, rubric, a, lang, errors, warn);
  const sections = [...statuses.values()];
  return { complete: errors.length === 0 && sections.every((s) => s.filled === s.required), sections, errors, warnings };
}

/**
 * 企业信息's 直接认定 (the notice's item 二（二）4) against the 申报书: each field the class implies
 * (`recognitionImplies`) should show its value. A warning on the (first) field, since the 申报书 is the
 * enterprise's own statement; none while that field has an error of its own (that one is fixed first).
 */
function checkRecognition(
  app: ApplicationRubric,
  rubric: Rubric,
  a: Assessment,
  lang: Lang,
  errors: readonly AppIssue[],
  warn: (section: string, path: string, code: AppIssueCode, message: string) => void,
) {
  const rec = recognitionOf(rubric, a.profile?.recognition);
  if (!rec) return;
  const application: Application = a.application ?? {};
  const value = (section: string, field: string) => (application[section] as FormValue | undefined)?.[field];
  const labelOf = (section: string, field: string) => {
    const s = app.sections.find((x) => x.key === section);
    return (s?.kind === 'form' ? s.fields.find((f) => f.key === field)?.label[lang] : undefined) ?? field;
  };
  for (const x of (app.recognitionImplies ?? []).filter((i) => i.recognition === rec.id)) {
    const values = impliedValues(x);
    if (values.some((v) => shown(value(v.section, v.field)) === v.equals)) continue;
    const at = values[0]!;
    const path = `${at.section}.${at.field}`;
    if (errors.some((e) => e.path === `application.${path}`)) continue;
    const message =
      values.length === 1
        ? M.recognitionField(lang, rec.label[lang], labelOf(at.section, at.field), at.equals, String(shown(value(at.section, at.field))))
        : M.recognitionAnyOf(
            lang,
            rec.label[lang],
            values.map((v) => ({ field: labelOf(v.section, v.field), equals: v.equals })),
          );
    warn(at.section, path, 'recognition-mismatch', message);
  }
}

/** 须已建设完成: the completion date not after the 申报日期 (today when none), and not before the start. */
function checkCompletion(
  app: ApplicationRubric,
  application: Application,
  lang: Lang,
  today: string | undefined,
  err: (section: string, path: string, code: AppIssueCode, message: string) => void,
) {
  const factory = app.sections.find((s): s is Extract<AppSection, { kind: 'form' }> => s.kind === 'form' && s.fields.some((f) => f.key === 'endDate'));
  if (!factory) return;
  const v = (application[factory.key] ?? {}) as FormValue;
  const cover = (application[app.cover.section] ?? {}) as FormValue;
  const iso = (x: unknown) => (typeof x === 'string' && isIsoDate(x) ? x : undefined);
  const [start, end] = [iso(v.startDate), iso(v.endDate)];
  const limit = iso(cover.applicationDate) ?? today;
  if (start && end && start > end) err(factory.key, `${factory.key}.startDate`, 'not-completed', M.startAfterEnd(lang, start, end));
  if (end && limit && end > limit) err(factory.key, `${factory.key}.endDate`, 'not-completed', M.notCompleted(lang, end, limit));
}
