// Every sentence the merge says, in Chinese and English: 备注 and the status of each file and existing row.
import { fmt2, type Texts } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import type { TierId } from '../rubric/schema';
import type { AgeBasis, AgeMode, RowOrigin } from './types';
import { counted } from '../i18n/plural';
import { zhOrEn } from '../i18n/catalogue';

const list = (lang: Lang, items: string[]) => items.join(lang === 'zh' ? '、' : '; ');

/** 备注 of a tier at 先进级 or above: "先进级，综合得分 73.33". */
export function tierRemark(t: Texts, tier: TierId, composite: number): string {
  return zhOrEn(t.lang, `${t.tier(tier)}，综合得分 ${fmt2(composite)}`, `${t.tier(tier)}, composite ${fmt2(composite)}`);
}

/** Why one record is newer than another, from the newer one's point of view. */
export interface AgeWhy {
  basis: AgeBasis;
  mode: AgeMode;
  newer: { fillDate?: string; modified?: number };
  older: { fillDate?: string; modified?: number };
}

export function basisText(lang: Lang, w: AgeWhy): string {
  switch (w.basis) {
    case 'fillDate':
      return zhOrEn(lang, `填表日期 ${w.newer.fillDate} 晚于 ${w.older.fillDate}`, `filled in ${w.newer.fillDate}, after ${w.older.fillDate}`);
    case 'modified':
      if (w.older.modified === undefined) return zhOrEn(lang, '原记录没有文件修改时间', 'the older record has no modification time');
      if (w.mode === 'fillDate') return zhOrEn(lang, '填表日期相同，文件修改时间较晚', 'same date filled in, modified later');
      if (w.newer.fillDate !== undefined && w.older.fillDate !== undefined)
        return zhOrEn(
          lang,
          '该企业并非每份工作簿都有填表日期，按文件修改时间：较晚',
          'not every workbook of this enterprise has a date filled in, so by modification time: later',
        );
      return zhOrEn(lang, '文件修改时间较晚', 'modified later');
    case 'undated':
      return zhOrEn(lang, '原记录没有日期', 'the older record has no date');
    case 'order':
      return zhOrEn(lang, '日期相同，以后合并的为准', 'same dates: the one merged later is kept');
  }
}

function origin(lang: Lang, o: RowOrigin): string {
  return o.kind === 'file'
    ? zhOrEn(lang, `文件「${o.file}」`, `file “${o.file}”`)
    : zhOrEn(lang, `汇总表原有的「${o.enterpriseName}」行`, `the existing row “${o.enterpriseName}”`);
}

function errorNote(lang: Lang, errors: number): string {
  if (errors === 0) return '';
  return zhOrEn(lang, `；有 ${errors} 处错误，请企业更正`, `; ${counted(errors, 'error')} the enterprise should correct`);
}

/** The mark a 备注 carries while its credit code names another enterprise too (stripped and re-added per merge). */
export const CONFLICT_MARK: Record<Lang, string> = { zh: '【待核实：统一社会信用代码重复】', en: '[to verify: duplicate credit code] ' };
const CONFLICT_MARK_RE = /^(?:【待核实：[^】]*】|\[to verify: [^\]]*\] ?)/u;
/** A 备注 without a conflict mark an earlier merge put in front of it. */
export const withoutConflictMark = (remark: string) => remark.replace(CONFLICT_MARK_RE, '');

const CACHED_FIELD: Record<'composite' | 'tier' | 'errors', Record<Lang, string>> = {
  composite: { zh: '综合得分', en: 'composite' },
  tier: { zh: '参考等级', en: 'tier' },
  errors: { zh: '错误数', en: 'error count' },
};

export const mergeMessages = {
  creditCodeConflict: (lang: Lang, code: string, name: string, others: RowOrigin[]) =>
    zhOrEn(
      lang,
      `统一社会信用代码 ${code} 还对应其他企业：${list(
        lang,
        others.map((o) => origin(lang, o)),
      )}，与本记录的企业名称「${name}」不同；未相互替换，各保留一行并在备注中标「待核实」，请核实后删除错误的一行`,
      `credit code ${code} also belongs to ${list(
        lang,
        others.map((o) => origin(lang, o)),
      )}, whose enterprise name differs from “${name}”; neither replaces the other: each keeps a row marked “to verify” in its remarks until the wrong one is deleted`,
    ),
  futureDate: (lang: Lang, fillDate: string, today: string) =>
    zhOrEn(
      lang,
      `填表日期 ${fillDate} 晚于今天（${today}），不能作为新旧依据，按文件修改时间比较`,
      `date filled in ${fillDate} is after today (${today}); it does not decide which workbook is newer (file times do)`,
    ),
  implausibleDate: (lang: Lang, fillDate: string, earliest: string) =>
    zhOrEn(
      lang,
      `填表日期 ${fillDate} 早于本版评价标准的启用日期 ${earliest}，不能作为新旧依据，按文件修改时间比较`,
      `date filled in ${fillDate} is before this edition of the rubric (${earliest}); it does not decide which workbook is newer (file times do)`,
    ),
  cachedMismatch: (lang: Lang, field: 'composite' | 'tier' | 'errors', cached: string, recomputed: string) =>
    zhOrEn(
      lang,
      `文件中保存的${CACHED_FIELD[field].zh}为「${cached}」，按填报内容重新计算为「${recomputed}」；以重新计算的为准（文件可能在 Excel 之外被改动过）`,
      `the file's saved ${CACHED_FIELD[field].en} is “${cached}”, the inputs give “${recomputed}”; the recomputed one is used (the file may have been edited outside Excel)`,
    ),
  added: (lang: Lang, errors: number) => zhOrEn(lang, '已合并', 'merged') + errorNote(lang, errors),
  replaces: (lang: Lang, replaced: { origin: RowOrigin; why: AgeWhy }[], errors: number) =>
    zhOrEn(lang, '已合并，替换了', 'merged, replacing ') +
    list(
      lang,
      replaced.map((r) => `${origin(lang, r.origin)}${zhOrEn(lang, `（${basisText(lang, r.why)}）`, ` (${basisText(lang, r.why)})`)}`),
    ) +
    errorNote(lang, errors),
  newerInBatch: (lang: Lang, file: string, why: AgeWhy) =>
    zhOrEn(
      lang,
      `同一企业有较新的文件「${file}」（${basisText(lang, why)}），本文件未采用`,
      `a newer workbook of the same enterprise, “${file}”, is used instead (${basisText(lang, why)})`,
    ),
  newerInSummary: (lang: Lang, why: AgeWhy) =>
    zhOrEn(
      lang,
      `汇总表中已有该企业较新的记录（${basisText(lang, why)}），本文件未采用`,
      `the summary already holds a newer row of this enterprise (${basisText(lang, why)}); this file is not used`,
    ),
  unreadable: (lang: Lang, failure: string | undefined) =>
    failure === undefined
      ? zhOrEn(lang, '无法读取：文件中没有自评数据', 'cannot be read: the file holds no assessment')
      : zhOrEn(lang, `无法读取：${failure}`, `cannot be read: ${failure}`),
  errorsStrict: (lang: Lang, errors: number) => zhOrEn(lang, `有 ${errors} 处错误，严格模式下不合并`, `${counted(errors, 'error')}: not merged in strict mode`),
  noIdentity: (lang: Lang) =>
    zhOrEn(
      lang,
      '既没有统一社会信用代码也没有企业名称，无法识别企业，未合并',
      'neither a credit code nor an enterprise name: the enterprise cannot be identified; not merged',
    ),
  existingKept: (lang: Lang) => zhOrEn(lang, '保留（本批次没有该企业）', 'kept (the enterprise is not in this batch)'),
  existingReplaced: (lang: Lang, by: RowOrigin, why: AgeWhy) =>
    by.kind === 'file'
      ? zhOrEn(lang, `被文件「${by.file}」替换（${basisText(lang, why)}）`, `replaced by “${by.file}” (${basisText(lang, why)})`)
      : zhOrEn(
          lang,
          `汇总表中同一企业有重复的行，保留较新的一行（${basisText(lang, why)}）`,
          `the summary holds this enterprise twice; the newer row is kept (${basisText(lang, why)})`,
        ),
  fallbackReason: (t: Texts) => zhOrEn(t.lang, `未达到${t.tier('advanced')}`, `does not meet ${t.tier('advanced')}`),
};
